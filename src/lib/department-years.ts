// A department's tasks by year, for department pages cut by year (src/lib/paging.ts).
import type { Assignment, Responsibilities } from './departments.ts';
import type { Gazette } from './gazette.ts';
import { cutByYear, withNeighbours, type YearGroup, type YearKey } from './paging.ts';

/** The year a task is filed under: its document's. */
export const taskYear =
  (gazette: Gazette) =>
  (a: Assignment): number | undefined =>
    gazette.yearOf(gazette.document(a.document));

/** Every (department, year) page to build: one per year of each department whose page is cut, with its neighbouring years. */
export function departmentYearPages(r: Responsibilities, gazette: Gazette): Array<{ id: string; year: YearGroup<Assignment>; newer?: YearKey | undefined; older?: YearKey | undefined }> {
  return r.departments.flatMap((d) => withNeighbours(cutByYear(r.of(d.id), taskYear(gazette)) ?? []).map((page) => ({ id: d.id, ...page })));
}
