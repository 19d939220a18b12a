/** A period of study or work; `ongoing` for 至今. */
export interface Period {
  id: string;
  startDate: string | null;
  endDate: string | null;
  ongoing: boolean;
}

/** The end of a period that has not ended. */
export const OPEN_END = '9999-12-31';

/** Two periods overlap when each starts before the other ends; a period may start the day another ends. */
export function periodsOverlap(a: Period, b: Period): boolean {
  if (!a.startDate || !b.startDate) return false;
  const aEnd = a.ongoing ? OPEN_END : a.endDate;
  const bEnd = b.ongoing ? OPEN_END : b.endDate;
  if (!aEnd || !bEnd) return false;
  return a.startDate < bEnd && b.startDate < aEnd;
}

/** 会计工作经历 rows as periods (a row without an end date is 至今). */
export function accountingRowPeriod(row: { startDate: string; endDate: string | null }, index: number): Period {
  return { id: String(index), startDate: row.startDate, endDate: row.endDate, ongoing: row.endDate === null };
}

/** The indexes of rows that overlap another row of the same list. */
export function overlappingRows(rows: ReadonlyArray<{ startDate: string; endDate: string | null }>): Set<number> {
  const out = new Set<number>();
  rows.forEach((a, i) =>
    rows.forEach((b, j) => {
      if (i < j && periodsOverlap(accountingRowPeriod(a, i), accountingRowPeriod(b, j))) {
        out.add(i);
        out.add(j);
      }
    }),
  );
  return out;
}
