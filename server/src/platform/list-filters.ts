import { normaliseNumber } from '@ausm/domain';
import type { AppContext } from './context';
import { loginIndexCandidates } from '../modules/identity/identity-keys';

/** A range of Beijing days (YYYY-MM-DD, both ends included) as ISO instants: [from 00:00, the day after `to`). */
export function beijingDayBounds(from?: string, to?: string): { from?: string; before?: string } {
  return {
    ...(from ? { from: new Date(`${from}T00:00:00+08:00`).toISOString() } : {}),
    ...(to ? { before: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() } : {}),
  };
}

/**
 * What a staff member typed to find a person: a document number as typed (full-width, spaces, a
 * permit's renewal count) matches the login indexes; anything else is part of a name.
 */
export function personSearch(ctx: Pick<AppContext, 'fieldCrypto'>, typed: string): { loginIndexes: string[] } | { nameLike: string } {
  const text = typed.trim();
  return /^[0-9A-Z]{8,20}$/.test(normaliseNumber(text)) ? { loginIndexes: loginIndexCandidates(ctx, text) } : { nameLike: `%${text.replace(/[%_\\]/g, '')}%` };
}
