import { DENGBAO_PASSWORD_POLICY, checkPassword, createStaffRequest, type PasswordPolicy } from '@ausm/domain';
import { ruleFrom } from '../../lib/forms';

/** The server's username rule, from the same schema. */
export const usernameRule = ruleFrom((value) => {
  const r = createStaffRequest.shape.username.safeParse(value);
  return r.success ? { ok: true } : { ok: false, message: r.error.issues[0]?.message ?? '用户名格式不正确' };
});

/** The server's password policy (from /api/config once loaded, the 等保 default until then). */
export const passwordRule = (policy: PasswordPolicy | undefined) => ruleFrom((value) => checkPassword(value, policy ?? DENGBAO_PASSWORD_POLICY));

export function passwordHint(policy: PasswordPolicy | undefined): string {
  const p = policy ?? DENGBAO_PASSWORD_POLICY;
  return `${p.minLength}至${p.maxLength}位，至少包含大写字母、小写字母、数字、特殊符号中的${p.minClasses}种`;
}
