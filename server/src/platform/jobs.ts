import crypto from 'node:crypto';
import type { Db } from '../db/index';
import type { Clock } from './clock';

export interface Job {
  name: string;
  /** how often it runs when the runner is started */
  everySeconds: number;
  /** the longest one run may take before another instance may take the lease over */
  leaseSeconds: number;
  /** does the work; returns a one-line summary for job_leases.last_result and the log */
  run(): Promise<string>;
}

export type JobOutcome = { ran: true; result: string } | { ran: false; reason: 'leased' };

/**
 * Named jobs with a lease, so that of any number of instances exactly one runs each job at a time.
 * The lease is one conditional write (taken only when free or expired); the work runs outside any
 * transaction. `start()` is called by main.ts, never by buildApp: tests call `runOnce` directly, with
 * the ManualClock deciding what is expired.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly timers: NodeJS.Timeout[] = [];
  readonly holder = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;

  private log: (line: string) => void = () => undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  register(job: Job): void {
    if (this.jobs.has(job.name)) throw new Error(`job "${job.name}" is registered twice`);
    this.jobs.set(job.name, job);
  }

  /** Takes the lease when it is free or expired: one statement, so two instances cannot both win. */
  private async acquire(job: Job): Promise<boolean> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + job.leaseSeconds * 1000).toISOString();
    const r = await this.db
      .insertInto('job_leases')
      .values({ name: job.name, holder: this.holder, lease_until: until, last_started_at: now.toISOString(), last_finished_at: null, last_result: null })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder: this.holder, lease_until: until, last_started_at: now.toISOString() })
          .where('job_leases.lease_until', '<=', now.toISOString()),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async runOnce(name: string): Promise<JobOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`unknown job "${name}"`);
    if (!(await this.acquire(job))) return { ran: false, reason: 'leased' };
    let result: string;
    try {
      result = await job.run();
    } catch (err) {
      result = `failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    const now = this.clock.now().toISOString();
    // release: the next run may start at once (on this or another instance)
    await this.db.updateTable('job_leases').set({ lease_until: now, last_finished_at: now, last_result: result.slice(0, 500) }).where('name', '=', name).where('holder', '=', this.holder).execute();
    this.log(`job ${name}: ${result}`);
    return { ran: true, result };
  }

  /** Runs every job now and then on its interval (timers do not keep the process alive). */
  start(log: (line: string) => void = () => undefined): void {
    this.log = log;
    for (const job of this.jobs.values()) {
      const tick = () => void this.runOnce(job.name).catch((err: unknown) => this.log(`job ${job.name}: ${String(err)}`));
      tick();
      const t = setInterval(tick, job.everySeconds * 1000);
      t.unref();
      this.timers.push(t);
    }
  }

  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }
}
