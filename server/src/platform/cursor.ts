import { AppError } from './errors';

/** Keyset cursors of list routes: the last row's (time, id), opaque to the caller. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

export function decodeCursor(c: string): { at: string; id: string } {
  const [at, id] = Buffer.from(c, 'base64url').toString().split('|');
  if (!at || !id) throw AppError.validation([{ path: 'cursor', message: '分页参数无效' }]);
  return { at, id };
}
