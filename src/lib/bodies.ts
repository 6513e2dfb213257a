// A document's body (content/bodies/<slug>.json, written by ingest), read by its own page only:
// bodies are most of the corpus's bytes, so they stay out of the content layer's store, which
// every page of the build loads whole. Validated here as the store would validate it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocumentBodySchema, type BodyBlock } from '../schemas/document.ts';

/** The content directory, as src/content.config.ts resolves it. */
const contentDir = (): string => resolve(process.env.GAZETTE_CONTENT_DIR ?? './content');

export function readBody(slug: string): BodyBlock[] {
  const file = resolve(contentDir(), 'bodies', `${slug}.json`);
  const parsed = DocumentBodySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a document body: ${parsed.error.message}`);
  return parsed.data;
}
