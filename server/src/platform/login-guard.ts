import type { AppContext } from './context';
import { AppError } from './errors';
import { dummyHash, verifyPassword } from './passwords';

/**
 * What both login forms (会计人员 and 管理端) check before a password is looked at: the per-IP
 * throttle, then the single-use image captcha. One place, so the two cannot drift apart.
 */
export async function checkLoginAttempt(ctx: AppContext, input: { throttleKey: string; ip: string; captchaId: string; captchaText: string }): Promise<void> {
  const throttle = await ctx.limiter.hit(`${input.throttleKey}:ip:${input.ip}`, ctx.config.login.ipPerMinute, 60);
  if (!throttle.allowed) throw AppError.rateLimited(throttle.retryAfter, '登录尝试过于频繁，请稍后再试');
  if (!(await ctx.captcha.consume(input.captchaId, input.captchaText))) {
    const message = '图形验证码错误或已过期，请重新输入';
    throw new AppError('CAPTCHA_INVALID', message, [{ path: 'captchaText', message }]);
  }
}

/** An unknown account costs the same argon2 verify as a wrong password, so timing tells nothing. */
export async function verifyAgainstNobody(password: string): Promise<void> {
  await verifyPassword(await dummyHash(), password);
}
