// Departments and their tasks, loaded once per build from the registry and the generated assignments.
import { getCollection, type CollectionEntry } from 'astro:content';

export type DepartmentEntry = CollectionEntry<'departments'>;
export type AssignmentEntry = CollectionEntry<'assignments'>;
export type Role = AssignmentEntry['data']['role'];

export const ROLE_LABEL: Record<Role, string> = { lead: '牵头', responsible: '负责', participant: '参与', mention: '提及' };
/** The roles a responsibility clause assigns; mentions are counted apart. */
export const ROLES: Role[] = ['lead', 'responsible', 'participant'];
export const LEVEL_LABEL: Record<DepartmentEntry['data']['level'], string> = { national: '中央', province: '省级', city: '市级', county: '县级' };

export interface Responsibilities {
  departments: DepartmentEntry[];
  assignments: AssignmentEntry[];
  department(id: string): DepartmentEntry;
  /** Assignments of one department, in corpus order. */
  of(departmentId: string): AssignmentEntry[];
  /** Assignments in one document, in reading order. */
  inDocument(slug: string): AssignmentEntry[];
  /** Counts by role for a list of assignments. */
  counts(list: AssignmentEntry[]): Record<Role, number>;
}

let loaded: Promise<Responsibilities> | undefined;

export function loadResponsibilities(): Promise<Responsibilities> {
  loaded ??= (async () => {
    const [departments, assignments] = await Promise.all([getCollection('departments'), getCollection('assignments')]);
    const byId = new Map(departments.map((d) => [d.id, d]));
    for (const a of assignments)
      if (a.data.department && !byId.has(a.data.department.id)) throw new Error(`assignment ${a.id}: unknown department ${a.data.department.id}`);
    const counts = (list: AssignmentEntry[]) => {
      const c: Record<Role, number> = { lead: 0, responsible: 0, participant: 0, mention: 0 };
      for (const a of list) c[a.data.role]++;
      return c;
    };
    // Grouped once per build: every document page asks for its own assignments.
    const byDepartment = new Map<string, AssignmentEntry[]>();
    const byDocument = new Map<string, AssignmentEntry[]>();
    const add = (map: Map<string, AssignmentEntry[]>, key: string, a: AssignmentEntry) => {
      const bucket = map.get(key);
      if (bucket) bucket.push(a);
      else map.set(key, [a]);
    };
    for (const a of assignments) {
      if (a.data.department) add(byDepartment, a.data.department.id, a);
      add(byDocument, a.data.document.id, a);
    }
    return {
      departments,
      assignments,
      department: (id) => byId.get(id)!,
      of: (id) => byDepartment.get(id) ?? [],
      inDocument: (slug) => byDocument.get(slug) ?? [],
      counts,
    };
  })();
  return loaded;
}
