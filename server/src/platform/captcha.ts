import crypto from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import type { Db } from '../db/index';
import type { Clock } from './clock';
import { timingSafeEqualText } from './crypto';

/**
 * Image captchas for the login pages. Answers live in the database (shared by every instance) as a
 * keyed HMAC, expire, and are single use: checking one burns it whether or not the answer was right.
 */
export class CaptchaService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly validSeconds: number,
    /** keyed SM3-HMAC of id and answer: the table never holds an answer */
    private readonly digest: (id: string, answer: string) => string,
    /** demo mode keeps the answer beside the digest, for /api/dev/captcha; production never does */
    private readonly demo = false,
  ) {}

  async create(): Promise<{ id: string; svg: string; expiresIn: number }> {
    const c = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1lIi', color: false, background: '#f4f6fa' });
    const id = crypto.randomUUID();
    const now = this.clock.now();
    await this.db
      .insertInto('captchas')
      .values({
        id,
        answer: this.digest(id, c.text.toLowerCase()),
        demo_answer: this.demo ? c.text.toLowerCase() : null,
        expires_at: new Date(now.getTime() + this.validSeconds * 1000).toISOString(),
        used_at: null,
      })
      .execute();
    return { id, svg: c.data, expiresIn: this.validSeconds };
  }

  /** True only for the first check of a live captcha with the right answer (case-insensitive). */
  async consume(id: string, text: string): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const burned = await this.db
      .updateTable('captchas')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('answer')
      .executeTakeFirst();
    return burned !== undefined && timingSafeEqualText(burned.answer, this.digest(id, text.trim().toLowerCase()));
  }

  /** demo mode only: the answer of a captcha, for automated browser tests */
  async peek(id: string): Promise<string | undefined> {
    if (!this.demo) return undefined;
    const row = await this.db.selectFrom('captchas').select('demo_answer').where('id', '=', id).executeTakeFirst();
    return row?.demo_answer ?? undefined;
  }

  async purgeExpired(): Promise<void> {
    await this.db.deleteFrom('captchas').where('expires_at', '<=', this.clock.now().toISOString()).execute();
  }
}
