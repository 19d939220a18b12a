import type { FastifyRequest } from 'fastify';
import { TEXT_PROBLEM_MESSAGES, textProblem } from '@ausm/domain';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** body fields (dotted paths, array indexes as `*`) that have several lines: tab and line breaks allowed */
    multiline?: readonly string[];
  }
}

/**
 * One check for every string a request carries — body values and keys, query string, path
 * parameters (multipart field values and file names go through `assertCleanText` in the upload
 * route): no C0 control character (NUL would be a 500 from PostgreSQL) and no lone surrogate. It runs
 * as a preHandler, after the route's own guard and schema, so an anonymous caller still gets 401 and a
 * field the schema refuses keeps its own message. The walk is iterative: nesting depth cannot
 * overflow the stack.
 */
export async function refuseBadCharacters(req: FastifyRequest): Promise<void> {
  const multiline = new Set(req.routeOptions.config.multiline ?? []);
  const sources: Array<[string, unknown]> = [['', req.body], ['query', req.query], ['params', req.params]];
  for (const [root, value] of sources) {
    const stack: Array<[string, string, unknown]> = [[root, '', value]];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const [path, pattern, v] = top;
      if (typeof v === 'string') {
        assertCleanText(v, path || 'body', root === '' && multiline.has(pattern));
      } else if (Array.isArray(v)) {
        v.forEach((item, i) => stack.push([join(path, String(i)), join(pattern, '*'), item]));
      } else if (v !== null && typeof v === 'object') {
        for (const [k, item] of Object.entries(v)) {
          assertCleanText(k, join(path, '(字段名)'), false);
          stack.push([join(path, k), join(pattern, k), item]);
        }
      }
    }
  }
}

/** Throws 400 INVALID_CHARACTERS naming the field, when a string carries a character no field may have. */
export function assertCleanText(value: string, path: string, multiline = false): void {
  const problem = textProblem(value, { multiline });
  if (!problem) return;
  const message = TEXT_PROBLEM_MESSAGES[problem];
  throw new AppError('INVALID_CHARACTERS', message, [{ path, message }]);
}

function join(a: string, b: string): string {
  return a ? `${a}.${b}` : b;
}
