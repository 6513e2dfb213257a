// A department's tasks by year, for department pages cut by year (src/lib/paging.ts).
import type { Assignment, Responsibilities } from './departments.ts';
import type { Gazette } from './gazette.ts';
import { LIST_LIMIT, groupByYear, withNeighbours, type YearGroup, type YearKey } from './paging.ts';

/** Is this department's page cut by year (more tasks than a page lists)? */
export const cutByYear = (assignments: readonly Assignment[]): boolean => assignments.length > LIST_LIMIT;

/** A department's assignments by the year of their document, newest first. */
export function tasksByYear(gazette: Gazette, assignments: readonly Assignment[]): Array<YearGroup<Assignment>> {
  return groupByYear(assignments, (a) => gazette.yearOf(gazette.document(a.document)));
}

/** Every (department, year) page to build: one per year of each department whose page is cut, with its neighbouring years. */
export function departmentYearPages(r: Responsibilities, gazette: Gazette): Array<{ id: string; year: YearGroup<Assignment>; newer?: YearKey | undefined; older?: YearKey | undefined }> {
  return r.departments.flatMap((d) => {
    const mine = r.of(d.id);
    return cutByYear(mine) ? withNeighbours(tasksByYear(gazette, mine)).map((page) => ({ id: d.id, ...page })) : [];
  });
}
