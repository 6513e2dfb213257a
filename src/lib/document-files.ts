// A document's files beside its entry, written by ingest and kept out of the content layer's
// store (which Astro bundles as one JS module and every page build loads whole): its body
// (content/bodies/<slug>.json), read by its own page only, and its tasks
// (content/tasks/<slug>.json), gathered once per build by src/lib/departments.ts. Each is
// validated here as the store would validate it.
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { DocumentBodySchema, DocumentTasksSchema, type BodyBlock } from '../schemas/document.ts';
import type { Task } from '../schemas/department.ts';
import { contentPath } from './content-dir.ts';

function readValidated<T>(dir: string, slug: string, schema: z.ZodType<T>, what: string): T {
  const file = contentPath(dir, `${slug}.json`);
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not ${what}: ${parsed.error.message}`);
  return parsed.data;
}

export const readBody = (slug: string): BodyBlock[] => readValidated('bodies', slug, DocumentBodySchema, 'a document body');

/** The tasks of a document whose entry has a `tasksHash` (a document without tasks has no file). */
export const readTasks = (slug: string): Task[] => readValidated('tasks', slug, DocumentTasksSchema, "a document's tasks");
