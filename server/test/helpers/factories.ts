import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { makeMainlandId } from '@ausm/domain';
import { cookieOf } from './test-app';
import { base32Decode, stepAt, totpCode } from '../../src/platform/totp';

/** A valid, random mainland ID number (area 110105, born 1980–1999). */
export function genMainlandId(sex: 'male' | 'female' = 'male'): string {
  const y = 1980 + crypto.randomInt(20);
  const m = String(1 + crypto.randomInt(12)).padStart(2, '0');
  const d = String(1 + crypto.randomInt(28)).padStart(2, '0');
  let seq = crypto.randomInt(1000);
  if ((seq % 2 === 1) !== (sex === 'male')) seq = (seq + 1) % 1000;
  return makeMainlandId('110105', `${y}${m}${d}`, String(seq).padStart(3, '0'));
}

let phoneCounter = crypto.randomInt(1_000_000);
export function genPhone(): string {
  phoneCounter = (phoneCounter + 1) % 100_000_000;
  return `137${String(phoneCounter).padStart(8, '0')}`;
}

/**
 * Sends a code and reads it from the simulator. It always answers the image captcha, which the server
 * asks for once this network or phone has had a code in its window (and ignores otherwise).
 */
export async function sendSms(app: FastifyInstance, phone: string, purpose = 'register', ip = '10.1.1.1'): Promise<string> {
  const res = await requestSms(app, phone, purpose, ip);
  if (res.statusCode !== 200) throw new Error(`sms send failed: ${res.body}`);
  const dev = await app.inject({ method: 'GET', url: `/api/dev/sms?phone=${phone}` });
  return (dev.json() as { code: string }).code;
}

/** POST /api/sms/send with an answered image captcha; the raw response. */
export async function requestSms(app: FastifyInstance, phone: string, purpose = 'register', ip = '10.1.1.1') {
  return app.inject({ method: 'POST', url: '/api/sms/send', payload: { phone, purpose, ...(await captcha(app)) }, remoteAddress: ip });
}

export interface TestPerson {
  idType: 'mainland_id';
  idNumber: string;
  name: string;
  password: string;
  phone: string;
}

export function newPerson(overrides: Partial<TestPerson> = {}): TestPerson {
  return { idType: 'mainland_id', idNumber: genMainlandId(), name: '张𠈌明', password: 'Passw0rd!x', phone: genPhone(), ...overrides };
}

export async function register(app: FastifyInstance, person: TestPerson = newPerson()): Promise<TestPerson & { accountId: string }> {
  const smsCode = await sendSms(app, person.phone);
  const res = await app.inject({
    method: 'POST',
    url: '/api/accounts',
    // a permit or passport carries no sex or birth date: the person gives them
    payload: { ...(person.idType === 'mainland_id' ? {} : { sex: 'male', birthDate: '1990-01-01' }), ...person, confirmPassword: person.password, privacyVersion: 1, smsCode },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.body}`);
  return { ...person, accountId: (res.json() as { accountId: string }).accountId };
}

export async function captcha(app: FastifyInstance): Promise<{ captchaId: string; captchaText: string }> {
  const res = await app.inject({ method: 'GET', url: '/api/captcha' });
  const { id } = res.json() as { id: string };
  const answer = await app.inject({ method: 'GET', url: `/api/dev/captcha?id=${id}` });
  return { captchaId: id, captchaText: (answer.json() as { text: string }).text };
}

export async function login(app: FastifyInstance, account: string, password: string, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { account, password, ...(await captcha(app)) },
    headers: cookie ? { cookie } : {},
  });
}

export async function loginCookie(app: FastifyInstance, account: string, password: string): Promise<string> {
  const res = await login(app, account, password);
  const c = cookieOf(res, 'ausm_sid');
  if (res.statusCode !== 200 || !c) throw new Error(`login failed: ${res.body}`);
  return c;
}

/**
 * Signs a staff member in through both steps: the password, then the second factor — the code the
 * demo hook gives for an enrolled member, or, for one not yet enrolled, enrolment with the new
 * secret's code computed as an authenticator app would.
 */
export async function staffCookie(app: FastifyInstance, username: string, password: string): Promise<string> {
  const first = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { username, password, ...(await captcha(app)) } });
  if (first.statusCode !== 200) throw new Error(`staff login failed: ${first.body}`);
  const step = first.json() as { next: 'totp' | 'enrol'; ticket: string; secret?: string };
  const code =
    step.next === 'enrol'
      ? totpCode(base32Decode(step.secret ?? ''), stepAt(app.ctx.clock.now()))
      : ((await app.inject({ method: 'GET', url: `/api/dev/totp?username=${encodeURIComponent(username)}` })).json() as { code: string }).code;
  const res = await app.inject({ method: 'POST', url: '/api/admin/session/second-factor', payload: { ticket: step.ticket, code } });
  const c = cookieOf(res, 'ausm_staff_sid');
  if (res.statusCode !== 200 || !c) throw new Error(`staff second factor failed: ${res.body}`);
  return c;
}
