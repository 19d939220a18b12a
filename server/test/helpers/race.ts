import type { Kysely, TransactionBuilder } from 'kysely';
import type { Database } from '../../src/db/types';

/**
 * An injected barrier at the start of every write transaction: the first `parties` transactions to
 * begin wait until all of them have arrived, then go together. Every simultaneous request has then
 * passed its checks outside the transaction (a code not yet used, an ID not yet registered, a version
 * read) before any of them writes, on SQLite too, where one connection would otherwise let the first
 * request finish before the next one looks. What decides the race is then only what decides it in
 * production: a conditional update, a unique index, a version check.
 *
 * `met` says whether all parties arrived (a request refused before its transaction never does; the
 * barrier then lets the others go after `patienceMs` and the test learns from `met`).
 */
export interface RaceBarrier {
  readonly met: boolean;
  readonly arrived: number;
  release(): void;
}

export function barrierOnTransactions(db: Kysely<Database>, parties: number, patienceMs = 3_000): RaceBarrier {
  const original = db.transaction.bind(db);
  let arrived = 0;
  let met = false;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const timer = setTimeout(() => open(), patienceMs);
  const restore = () => {
    clearTimeout(timer);
    open();
    db.transaction = original;
  };
  const wrap = (builder: TransactionBuilder<Database>): TransactionBuilder<Database> =>
    new Proxy(builder, {
      get(target, prop, receiver) {
        if (prop === 'execute') {
          return async <T>(fn: Parameters<TransactionBuilder<Database>['execute']>[0]) => {
            if (arrived < parties) {
              arrived += 1;
              if (arrived === parties) {
                met = true;
                restore();
              }
              await gate;
            }
            return target.execute(fn) as Promise<T>;
          };
        }
        const value = Reflect.get(target, prop, receiver) as unknown;
        // setIsolationLevel and the like return a new builder: keep the barrier on it
        return typeof value === 'function' ? (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out && typeof out === 'object' && 'execute' in out ? wrap(out as TransactionBuilder<Database>) : out;
        } : value;
      },
    });
  db.transaction = () => wrap(original());
  return {
    get met() {
      return met;
    },
    get arrived() {
      return arrived;
    },
    release: restore,
  };
}
