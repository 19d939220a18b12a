import { compiledOnce, type Db } from '../db/index';
import type { Selectable } from 'kysely';
import type { Account, Database, Staff } from '../db/types';
import type { Clock } from './clock';
import { randomToken, sm3 } from './crypto';

export type SessionKind = 'accountant' | 'staff';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface ActiveSession {
  idHash: string;
  subjectId: string;
  createdAt: string;
}

/** Refresh last_seen_at at most once a minute: a session costs one indexed read per request, and no write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions. The cookie holds a random 256-bit token; the database holds only its SM3
 * digest, so a leaked table cannot be replayed. Login always issues a new token (no fixation).
 */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {
    this.accountantRead = subjectRead(db, 'accounts');
    this.staffRead = subjectRead(db, 'staff');
  }

  async create(kind: SessionKind, subjectId: string, ip: string | null, trx: Db = this.db): Promise<string> {
    const token = randomToken(32);
    const now = this.clock.now();
    await trx
      .insertInto('sessions')
      .values({
        id_hash: sm3(token),
        kind,
        subject_id: subjectId,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + this.policy.absoluteHours * 3600_000).toISOString(),
        ip,
      })
      .execute();
    return token;
  }

  /** The live session for a token, or undefined when missing, idle too long or past its lifetime. */
  async resolve(kind: SessionKind, token: string | undefined): Promise<ActiveSession | undefined> {
    if (!token || token.length > 100) return undefined;
    const idHash = sm3(token);
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ? this.live(row) : undefined;
  }

  /**
   * An accountant's session together with the account, in one indexed read: what every signed-in
   * accountant request costs (no second look-up for who it is, no write but the minute's touch).
   */
  async resolveAccountant(token: string | undefined): Promise<(ActiveSession & { account: Account }) | undefined> {
    const r = await this.resolveJoined(this.accountantRead, token);
    return r && { ...r.session, account: r.subject };
  }

  /** A staff member's session together with the staff row, in one indexed read (as for accountants). */
  async resolveStaff(token: string | undefined): Promise<(ActiveSession & { staff: Staff }) | undefined> {
    const r = await this.resolveJoined(this.staffRead, token);
    return r && { ...r.session, staff: r.subject };
  }

  private async resolveJoined<R extends SessionColumns>(read: (args: { idHash: string }) => Promise<R | undefined>, token: string | undefined) {
    if (!token || token.length > 100) return undefined;
    const row = await read({ idHash: sm3(token) });
    if (!row) return undefined;
    const { id_hash, subject_id, session_created_at, last_seen_at, expires_at, ...subject } = row;
    const session = await this.live({ id_hash, subject_id, created_at: session_created_at, last_seen_at, expires_at });
    return session ? { session, subject } : undefined;
  }

  /** The reads every signed-in request makes: compiled once (see compiledOnce). */
  private readonly accountantRead: ReturnType<typeof subjectRead<'accounts'>>;
  private readonly staffRead: ReturnType<typeof subjectRead<'staff'>>;

  private async live(row: { id_hash: string; subject_id: string; created_at: string; last_seen_at: string; expires_at: string }): Promise<ActiveSession | undefined> {
    const idHash = row.id_hash;
    const now = this.clock.now();
    const idleLimit = new Date(row.last_seen_at).getTime() + this.policy.idleMinutes * 60_000;
    if (now.toISOString() >= row.expires_at || now.getTime() >= idleLimit) {
      await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return undefined;
    }
    if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: now.toISOString() })
        .where('id_hash', '=', idHash)
        .execute();
    }
    return { idHash, subjectId: row.subject_id, createdAt: row.created_at };
  }

  async destroy(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.db.deleteFrom('sessions').where('id_hash', '=', sm3(token)).execute();
  }

  async destroyAll(kind: SessionKind, subjectId: string, trx: Db = this.db): Promise<void> {
    await trx.deleteFrom('sessions').where('kind', '=', kind).where('subject_id', '=', subjectId).execute();
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const idleCutoff = new Date(now.getTime() - this.policy.idleMinutes * 60_000).toISOString();
    const r = await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleCutoff)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

/** A session joined with its subject's row, by the token's digest. */
function subjectRead<T extends 'accounts' | 'staff'>(db: Db, table: T) {
  const kind = table === 'accounts' ? 'accountant' : 'staff';
  return compiledOnce(db, ['idHash'], (arg) =>
    db
      .selectFrom('sessions')
      .innerJoin(table as 'accounts', `${table as 'accounts'}.id`, 'sessions.subject_id')
      .selectAll(table as 'accounts')
      .select(['sessions.id_hash', 'sessions.subject_id', 'sessions.created_at as session_created_at', 'sessions.last_seen_at', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', arg('idHash'))
      .where('sessions.kind', '=', kind),
  ) as unknown as (args: { idHash: string }) => Promise<(Database[T] extends infer R ? Selectable<R> : never) & SessionColumns | undefined>;
}

interface SessionColumns {
  id_hash: string;
  subject_id: string;
  session_created_at: string;
  last_seen_at: string;
  expires_at: string;
}
