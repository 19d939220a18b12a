import crypto from 'node:crypto';
import type { Db } from '../../db/index';
import type { Clock } from '../../platform/clock';
import type { FieldCrypto } from '../../platform/crypto';

/** What the platform needs from an SMS gateway (a carrier's template-SMS API in production). */
export interface SmsGateway {
  /** Throws SmsDeliveryError when the gateway refuses the message. */
  send(phone: string, body: string): Promise<{ messageId: string }>;
}

export class SmsDeliveryError extends Error {}

/**
 * The simulator: delivered messages land in the sms_outbox table (the "phone"), which demo mode
 * exposes at /api/dev/sms. Like a real gateway it refuses numbers outside the mainland mobile
 * ranges, and it can be told to fail (AUSM_SMS_SIMULATE=fail) to exercise the error path.
 */
export class SimulatedSmsGateway implements SmsGateway {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly fieldCrypto: FieldCrypto,
    private readonly mode: 'deliver' | 'fail' = 'deliver',
  ) {}

  async send(phone: string, body: string): Promise<{ messageId: string }> {
    if (this.mode === 'fail') throw new SmsDeliveryError('gateway unavailable (simulated)');
    if (!/^1[3-9]\d{9}$/.test(phone)) throw new SmsDeliveryError('invalid destination');
    const messageId = crypto.randomUUID();
    await this.db
      .insertInto('sms_outbox')
      .values({
        id: messageId,
        phone_index: this.fieldCrypto.blindIndex('phone', phone),
        phone_enc: this.fieldCrypto.encrypt(phone),
        // the message carries a one-time code: SM4 at rest like the number it went to
        body: this.fieldCrypto.encrypt(body),
        created_at: this.clock.now().toISOString(),
      })
      .execute();
    return { messageId };
  }

  /** The latest messages delivered to a phone, newest first (demo mode hook: notices carry no code). */
  async recent(phone: string, limit: number): Promise<Array<{ body: string; sentAt: string }>> {
    const rows = await this.db
      .selectFrom('sms_outbox')
      .select(['body', 'created_at'])
      .where('phone_index', '=', this.fieldCrypto.blindIndex('phone', phone))
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ body: this.fieldCrypto.decrypt(r.body), sentAt: r.created_at }));
  }

  /** The latest message delivered to a phone (demo mode hook). */
  async latest(phone: string): Promise<{ body: string; createdAt: string } | undefined> {
    const row = await this.db
      .selectFrom('sms_outbox')
      .select(['body', 'created_at'])
      .where('phone_index', '=', this.fieldCrypto.blindIndex('phone', phone))
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { body: this.fieldCrypto.decrypt(row.body), createdAt: row.created_at } : undefined;
  }
}
