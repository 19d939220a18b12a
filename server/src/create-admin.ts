import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { checkPassword } from '@ausm/domain';
import type { AppContext } from './platform/context';
import { hashPassword } from './platform/passwords';
import { storeRecoveryCodes } from './modules/management/second-factor.service';
import { base32Encode, newRecoveryCodes, newTotpSecret, otpauthUrl } from './platform/totp';

export interface FirstAdmin {
  username: string;
  password: string;
  secret: string;
  otpauthUrl: string;
  recoveryCodes: string[];
}

/** A password of 20 characters from four classes, so it passes any configured policy. */
function randomPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#%^*-_+='];
  const all = sets.join('');
  const chars = sets.map((s) => s[crypto.randomInt(s.length)] ?? 'A');
  while (chars.length < 20) chars.push(all[crypto.randomInt(all.length)] ?? 'a');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

/**
 * The way into a production database that has no staff yet (docs/operations.md): creates a system
 * administrator with a random password and an enrolled authenticator, and returns both once, with
 * ten recovery codes. It is a command run on the server, audited like any staff creation.
 */
export async function createFirstAdmin(ctx: AppContext, username: string, displayName = '系统管理员'): Promise<FirstAdmin> {
  const { db, clock, fieldCrypto, audit, config } = ctx;
  const name = username.trim().toLowerCase();
  if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(name)) throw new Error('username: 3–32 characters, a letter first, then letters, digits, _ . -');
  if (await db.selectFrom('staff').select('id').where('username', '=', name).executeTakeFirst()) throw new Error(`a staff member named "${name}" exists already`);
  const password = randomPassword();
  const verdict = checkPassword(password, config.passwordPolicy);
  if (!verdict.ok) throw new Error(`generated password does not meet the policy: ${verdict.message}`);
  const secret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  const id = crypto.randomUUID();
  const now = clock.now().toISOString();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff')
      .values({ id, username: name, display_name: displayName, password_hash: passwordHash, role: 'sysadmin', department_code: null, locked_until: null, created_at: now, updated_at: now, totp_secret_enc: fieldCrypto.encrypt(base32Encode(secret)), totp_enrolled_at: now, totp_last_step: null })
      .execute();
    await storeRecoveryCodes(trx, id, recoveryCodes, now);
    await audit.record(trx, { actorKind: 'system', action: 'staff.create', targetKind: 'staff', targetId: id, detail: { role: 'sysadmin', via: 'create-admin command' } });
  });
  return { username: name, password, secret: base32Encode(secret), otpauthUrl: otpauthUrl(secret, name), recoveryCodes };
}

export async function printFirstAdmin(a: FirstAdmin): Promise<void> {
  const qr = await QRCode.toString(a.otpauthUrl, { type: 'terminal', small: true });
  console.log(`
已创建系统管理员 / system administrator created: ${a.username}
  初始密码 / password: ${a.password}
  身份验证器 / authenticator: scan the QR code below, or enter the secret ${a.secret.replace(/(.{4})/g, '$1 ').trim()}
${qr}
  ${a.otpauthUrl}
  恢复码 / recovery codes (each once; keep them offline):
    ${a.recoveryCodes.join('  ')}
This is shown once. 仅显示这一次，请立即妥善保存。
`);
}
