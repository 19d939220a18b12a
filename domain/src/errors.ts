/**
 * Stable error codes shared by server and web. The server maps each code to an HTTP status in one
 * place (server/src/platform/errors.ts); messages are user-safe Chinese.
 */
export const ErrorCodes = {
  VALIDATION_FAILED: 400,
  /** a control character (NUL …) or a lone surrogate in any field, query, path or file name */
  INVALID_CHARACTERS: 400,
  BAD_REQUEST: 400,
  CAPTCHA_INVALID: 400,
  /** this network or phone has had a code in its window: the next one needs the image captcha */
  CAPTCHA_REQUIRED: 400,
  SMS_CODE_INVALID: 400,
  SMS_CODE_EXPIRED: 400,
  SMS_CODE_TOO_MANY_TRIES: 400,
  RESET_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  /** a wrong, used or late TOTP or recovery code (staff second factor) */
  SECOND_FACTOR_INVALID: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  /** a state-changing request from a page that is not the platform's own (CSRF) */
  CROSS_SITE_REFUSED: 403,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ID_ALREADY_REGISTERED: 409,
  PHONE_ALREADY_REGISTERED: 409,
  /** one passport number of two countries: sign in with the phone */
  ACCOUNT_AMBIGUOUS: 409,
  USERNAME_TAKEN: 409,
  INVALID_TRANSITION: 409,
  /** an outside service (SMS, Alipay …) is not configured or not reachable */
  INTEGRATION_UNAVAILABLE: 503,
  /** one open item per key: a second submission while the first is open */
  OPEN_ITEM_EXISTS: 409,
  /** the target of a change moved since it was submitted */
  STALE_CHANGE: 409,
  /** 信息变更 while the collection is not 审核通过 */
  CHANGE_NOT_ALLOWED: 409,
  /** 属地关系调转 refused by the guide's rules: collection not approved, an application under review */
  TRANSFER_NOT_ALLOWED: 409,
  /** a change request whose values equal the current ones */
  NOTHING_CHANGED: 400,
  /** 个人中心: the current password re-checked before a phone change or closing the account */
  PASSWORD_WRONG: 400,
  /** the new phone is the current one */
  PHONE_UNCHANGED: 400,
  /** 注销账号 while an item is under review */
  ACCOUNT_HAS_OPEN_ITEMS: 409,
  /** registration or consent with a privacy notice version that is no longer the one in force */
  PRIVACY_NOTICE_CHANGED: 409,
  /** a WeChat user with no account (QR login), or unbinding with nothing bound */
  WECHAT_NOT_BOUND: 409,
  /** one WeChat user binds one account */
  WECHAT_ALREADY_BOUND: 409,
  /** an outside service's answer failed its signature check or was incomplete */
  INTEGRATION_BAD_RESPONSE: 502,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  /** a request body that is not JSON (or, where a route says so, a file or CSV) */
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SMS_SEND_TOO_FREQUENT: 429,
  SMS_SEND_FAILED: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export interface FieldError {
  /** dotted path of the field in the request body, e.g. "idNumber" or "education.0.school" */
  path: string;
  message: string;
}

/** The JSON body of every error answer. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  /** seconds until a throttled action may be retried */
  retryAfter?: number;
}
