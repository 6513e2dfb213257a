import { z } from 'astro/zod';

/** A government whose departments are named relative to it (省… in 吉林省, 市… in 吉林市). Hand-kept. */
export const GovernmentSchema = z.object({
  /** The place, as documents name it: 吉林省, 吉林市. */
  id: z.string(),
  /** Full name of the government: 吉林省人民政府. */
  name: z.string(),
  level: z.enum(['national', 'province', 'city', 'county']),
  /** The government one level up (吉林市 → 吉林省). */
  parent: z.string().optional(),
});
export type Government = z.output<typeof GovernmentSchema>;

/** A department or other named body that tasks are assigned to. Hand-kept in content/registry/departments.json. */
export const DepartmentSchema = z.object({
  /** URL id: government place in pinyin and the rest of the name's initials (jilinsheng-sthjt). Never changes. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Canonical name: the full official name where certain (吉林省发展和改革委员会), else the short name as written. */
  name: z.string(),
  /** Short name used in documents (省发展改革委). */
  short: z.string(),
  level: z.enum(['national', 'province', 'city', 'county']),
  /** Government (registry id) it belongs to or sits in. */
  government: z.string(),
  /** Every way documents write it, relative (省发改委) or absolute (长春市政府); misprints seen in sources included, each named in `note`. */
  aliases: z.array(z.string()),
  /** Why a name is kept short, or which alias is a misprint. */
  note: z.string().optional(),
});
export type Department = z.output<typeof DepartmentSchema>;

/** One body's part in one task, as ingest finds it; stored grouped by task in each document's tasks file (TaskSchema). */
export const AssignmentSchema = z.object({
  /** Department id when the name matched the registry. */
  department: z.string().optional(),
  /** The name as written (folded: no spaces, （） brackets). */
  actor: z.string(),
  /** A group (各县（市）区政府, 各相关部门) or a kind of body (发展改革部门), never a department. */
  collective: z.boolean(),
  /** lead 牵头, responsible 负责, participant 参与 (from clauses); mention: named in running text (X部门要…, A会同B…). */
  role: z.enum(['lead', 'responsible', 'participant', 'mention']),
  /** Set by a note such as 以下任务均需各地政府负责落实，不再列出 rather than by the task's own clause. */
  implicit: z.boolean(),
  /** The task: document slug and the anchor of its provision or paragraph. */
  document: z.string(),
  anchor: z.string(),
  /** The top-level part of the document the task is in (its chapter or 一、 part), for matrices. */
  part: z.string().optional(),
  /** The task's text, shortened, without the clause. */
  task: z.string(),
  /** Source line of the clause. */
  line: z.number().int(),
});
export type Assignment = z.output<typeof AssignmentSchema>;

/** One body's part in a task, as stored with the task. */
export const TaskActorSchema = AssignmentSchema.pick({ department: true, actor: true, collective: true, role: true, implicit: true });
export type TaskActor = z.output<typeof TaskActorSchema>;

/**
 * A task of a document and every body assigned to it, stored in the document's tasks file
 * (content/tasks/<slug>.json): the task text once, however many departments share it.
 */
export const TaskSchema = AssignmentSchema.pick({ anchor: true, part: true, task: true, line: true }).extend({ actors: z.array(TaskActorSchema).min(1) });
export type Task = z.output<typeof TaskSchema>;
