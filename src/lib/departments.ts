// Departments and their tasks, gathered once per build from the registry and each document's
// tasks file (content/tasks/<slug>.json: one record per task, listing every body assigned to it).
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Assignment, TaskActor } from '../schemas/department.ts';
import { loadGazette } from './gazette.ts';
import { readTasks } from './document-files.ts';

export type DepartmentEntry = CollectionEntry<'departments'>;
export type Role = TaskActor['role'];

/** One body's part in one task (a task of a document seen from one of its actors), as ingest made it. */
export type { Assignment };

/** A department and its assignments within some list, for per-department tables. */
export interface DepartmentShare {
  department: DepartmentEntry;
  assignments: Assignment[];
}

export const ROLE_LABEL: Record<Role, string> = { lead: '牵头', responsible: '负责', participant: '参与', mention: '提及' };
/** The roles a responsibility clause assigns; mentions are counted apart. */
export const ROLES: Role[] = ['lead', 'responsible', 'participant'];
/** Every role, mentions last: the columns of a table that counts them all. */
export const ALL_ROLES: Role[] = [...ROLES, 'mention'];

/** Counts by role for a list of assignments. */
export function roleCounts(list: readonly Assignment[]): Record<Role, number> {
  const c: Record<Role, number> = { lead: 0, responsible: 0, participant: 0, mention: 0 };
  for (const a of list) c[a.role]++;
  return c;
}
export const LEVEL_LABEL: Record<DepartmentEntry['data']['level'], string> = { national: '中央', province: '省级', city: '市级', county: '县级' };

export interface Responsibilities {
  departments: DepartmentEntry[];
  assignments: Assignment[];
  department(id: string): DepartmentEntry;
  /** Assignments of one department, in corpus order. */
  of(departmentId: string): Assignment[];
  /** Tasks one document gives registry departments by clause (mentions left out), by department, busiest first. */
  departmentsIn(slug: string): DepartmentShare[];
  /** Assignments of one document, in reading order. */
  inDocument(slug: string): Assignment[];
  /** Assignments of one task. */
  atTask(slug: string, anchor: string): Assignment[];
  /** Counts by role for a list of assignments. */
  counts(list: Assignment[]): Record<Role, number>;
}

let loaded: Promise<Responsibilities> | undefined;

export function loadResponsibilities(): Promise<Responsibilities> {
  loaded ??= (async () => {
    const [departments, gazette] = await Promise.all([getCollection('departments'), loadGazette()]);
    const byId = new Map(departments.map((d) => [d.id, d]));
    // In corpus order (source file, then reading order), as ingest found them.
    const inCorpusOrder = [...gazette.documents].sort((a, b) => (a.data.source.file < b.data.source.file ? -1 : a.data.source.file > b.data.source.file ? 1 : a.data.order - b.data.order));
    const assignments: Assignment[] = inCorpusOrder.flatMap((document) =>
      (document.data.tasksHash ? readTasks(document.id) : []).flatMap(({ actors, ...task }) => actors.map((actor) => ({ ...task, ...actor, document: document.id }))),
    );
    for (const a of assignments)
      if (a.department && !byId.has(a.department)) throw new Error(`${a.document}#${a.anchor}: unknown department ${a.department}`);
    // Grouped once per build: every document and department page asks for its own.
    const byDepartment = Map.groupBy(assignments.filter((a) => a.department), (a) => a.department!);
    const byDocument = Map.groupBy(assignments, (a) => a.document);
    const byTask = Map.groupBy(assignments, (a) => `${a.document}#${a.anchor}`);
    const departmentsIn = (slug: string): DepartmentShare[] =>
      [...Map.groupBy((byDocument.get(slug) ?? []).filter((a) => a.department && a.role !== 'mention'), (a) => a.department!)]
        .map(([id, list]) => ({ department: byId.get(id)!, assignments: list }))
        .sort((a, b) => b.assignments.length - a.assignments.length);
    return {
      departments,
      assignments,
      department: (id) => byId.get(id)!,
      of: (id) => byDepartment.get(id) ?? [],
      departmentsIn,
      inDocument: (slug) => byDocument.get(slug) ?? [],
      atTask: (slug, anchor) => byTask.get(`${slug}#${anchor}`) ?? [],
      counts: roleCounts,
    };
  })();
  return loaded;
}
