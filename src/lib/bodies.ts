// A document's body (content/bodies/<slug>.json, written by ingest), read by its own page only:
// bodies are most of the corpus's bytes, so they stay out of the content layer's store, which
// every page of the build loads whole. Validated here as the store would validate it.
import { readFileSync } from 'node:fs';
import { DocumentBodySchema, type BodyBlock } from '../schemas/document.ts';
import { contentPath } from './content-dir.ts';

export function readBody(slug: string): BodyBlock[] {
  const file = contentPath('bodies', `${slug}.json`);
  const parsed = DocumentBodySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a document body: ${parsed.error.message}`);
  return parsed.data;
}
