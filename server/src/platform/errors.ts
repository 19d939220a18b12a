import { ErrorCodes, type ErrorCode, type FieldError } from '@ausm/domain';

/** The one error type of the server: a stable code, a user-safe Chinese message, optional fields. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly retryAfter?: number,
  ) {
    super(message);
    this.status = ErrorCodes[code];
  }

  static validation(fields: FieldError[]): AppError {
    return new AppError('VALIDATION_FAILED', fields[0]?.message ?? '提交的信息有误', fields);
  }
  static notFound(what = '记录'): AppError {
    return new AppError('NOT_FOUND', `${what}不存在`);
  }
  static forbidden(message = '无权访问'): AppError {
    return new AppError('FORBIDDEN', message);
  }
  static unauthenticated(message = '请先登录'): AppError {
    return new AppError('UNAUTHENTICATED', message);
  }
  static rateLimited(retryAfter: number, message = '操作过于频繁，请稍后再试'): AppError {
    return new AppError('RATE_LIMITED', message, undefined, retryAfter);
  }
}
