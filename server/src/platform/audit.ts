import { maskNumbersInText } from '@ausm/domain';
import type { Db } from '../db/index';
import type { Clock } from './clock';

export interface AuditEntry {
  actorKind: 'accountant' | 'staff' | 'system' | 'anonymous';
  actorId?: string | null;
  action: string;
  targetKind?: string;
  targetId?: string;
  ip?: string | null;
  outcome?: 'success' | 'failure';
  detail?: Record<string, unknown>;
}

/** Append-only audit log. Writers pass their transaction so the entry commits with the change. */
export class AuditLog {
  constructor(private readonly clock: Clock) {}

  async record(db: Db, e: AuditEntry): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        at: this.clock.now().toISOString(),
        actor_kind: e.actorKind,
        actor_id: e.actorId ?? null,
        action: e.action,
        target_kind: e.targetKind ?? null,
        target_id: e.targetId ?? null,
        ip: e.ip ?? null,
        outcome: e.outcome ?? 'success',
        // ID and phone numbers never reach the log in full, whoever wrote the details (a search's ?q=…)
        detail: e.detail ? maskNumbersInText(JSON.stringify(e.detail)) : null,
      })
      .execute();
  }
}
