// Departments and their tasks, gathered once per build from the registry and the tasks stored in
// each document's entry (one record per task, listing every body assigned to it).
import { getCollection, type CollectionEntry } from 'astro:content';
import type { TaskActor } from '../schemas/department.ts';
import { loadGazette } from './gazette.ts';

export type DepartmentEntry = CollectionEntry<'departments'>;
export type Role = TaskActor['role'];

/** One body's part in one task: a task of a document seen from one of its actors. */
export interface AssignmentEntry {
  /** <document>--<anchor>--<n>: n counts the assignments at that anchor from 1. */
  id: string;
  data: {
    department?: { id: string; collection: 'departments' } | undefined;
    actor: string;
    collective: boolean;
    role: Role;
    implicit: boolean;
    document: { id: string; collection: 'documents' };
    anchor: string;
    part?: string | undefined;
    task: string;
    line: number;
  };
}

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
  /** Assignments of one task, keyed `<document>#<anchor>`. */
  atTask(key: string): AssignmentEntry[];
  /** Counts by role for a list of assignments. */
  counts(list: AssignmentEntry[]): Record<Role, number>;
}

let loaded: Promise<Responsibilities> | undefined;

export function loadResponsibilities(): Promise<Responsibilities> {
  loaded ??= (async () => {
    const [departments, gazette] = await Promise.all([getCollection('departments'), loadGazette()]);
    const byId = new Map(departments.map((d) => [d.id, d]));
    const assignments: AssignmentEntry[] = [];
    // In corpus order (source file, then reading order), as ingest found them.
    const inCorpusOrder = [...gazette.documents].sort((a, b) => (a.data.source.file < b.data.source.file ? -1 : a.data.source.file > b.data.source.file ? 1 : a.data.order - b.data.order));
    for (const document of inCorpusOrder) {
      const seen = new Map<string, number>();
      for (const { actors, ...task } of document.data.tasks)
        for (const actor of actors) {
          const n = (seen.get(task.anchor) ?? 0) + 1;
          seen.set(task.anchor, n);
          assignments.push({ id: `${document.id}--${task.anchor}--${n}`, data: { ...task, ...actor, document: { id: document.id, collection: 'documents' } } });
        }
    }
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
    const byTask = new Map<string, AssignmentEntry[]>();
    const add = (map: Map<string, AssignmentEntry[]>, key: string, a: AssignmentEntry) => {
      const bucket = map.get(key);
      if (bucket) bucket.push(a);
      else map.set(key, [a]);
    };
    for (const a of assignments) {
      if (a.data.department) add(byDepartment, a.data.department.id, a);
      add(byDocument, a.data.document.id, a);
      add(byTask, `${a.data.document.id}#${a.data.anchor}`, a);
    }
    return {
      departments,
      assignments,
      department: (id) => byId.get(id)!,
      of: (id) => byDepartment.get(id) ?? [],
      inDocument: (slug) => byDocument.get(slug) ?? [],
      atTask: (key) => byTask.get(key) ?? [],
      counts,
    };
  })();
  return loaded;
}
