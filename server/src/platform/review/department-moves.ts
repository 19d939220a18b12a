import type { Db } from '../../db/index';
import { routingCodes } from './scope';

/*
 * The review tables change only here and in the engine: when the department tree is corrected
 * (collection/department-tree-sync.ts), the items, actions, events and participants of a department
 * that is removed move to the one replacing it, and the items of a department that moved in the tree
 * carry its new province and city codes.
 */

/** Moves every review record of `from` to `to`; the number of rows moved per table. */
export async function moveReviewDepartment(trx: Db, from: string, to: string): Promise<Record<string, number>> {
  const n = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows);
  const out: Record<string, number> = {
    reviews:
      n(await trx.updateTable('reviews').set({ department_code: to }).where('department_code', '=', from).executeTakeFirst()) +
      n(await trx.updateTable('reviews').set({ submitted_department_code: to }).where('submitted_department_code', '=', from).executeTakeFirst()),
    review_actions: n(await trx.updateTable('review_actions').set({ department_code: to }).where('department_code', '=', from).executeTakeFirst()),
    review_events: n(await trx.updateTable('review_events').set({ department_code: to }).where('department_code', '=', from).executeTakeFirst()),
    review_participants: 0,
  };
  // a participant row that would repeat another row of the same item goes
  for (const p of await trx.selectFrom('review_participants').select('review_id').where('department_code', '=', from).execute()) {
    const clash = await trx.selectFrom('review_participants').select('review_id').where('review_id', '=', p.review_id).where('department_code', '=', to).executeTakeFirst();
    if (clash) await trx.deleteFrom('review_participants').where('review_id', '=', p.review_id).where('department_code', '=', from).execute();
    else await trx.updateTable('review_participants').set({ department_code: to }).where('review_id', '=', p.review_id).where('department_code', '=', from).execute();
    out.review_participants = (out.review_participants ?? 0) + 1;
  }
  // the 工作台 summary is rebuilt by its job from the items
  await trx.deleteFrom('review_counts').where('department_code', '=', from).execute();
  return out;
}

/** Recomputes the province and city codes of the items and participant rows of one department; the items changed. */
export async function rerouteReviews(trx: Db, departmentCode: string): Promise<number> {
  const r = await routingCodes(trx, departmentCode);
  const where = { province_code: r.province_code, city_code: r.city_code };
  const changed = await trx
    .updateTable('reviews')
    .set(where)
    .where('department_code', '=', departmentCode)
    .where((eb) => eb.or([eb('province_code', '!=', r.province_code), r.city_code === null ? eb('city_code', 'is not', null) : eb.or([eb('city_code', 'is', null), eb('city_code', '!=', r.city_code)])]))
    .executeTakeFirst();
  await trx.updateTable('review_participants').set(where).where('department_code', '=', departmentCode).execute();
  await trx.deleteFrom('review_counts').where('department_code', '=', departmentCode).execute();
  return Number(changed.numUpdatedRows);
}
