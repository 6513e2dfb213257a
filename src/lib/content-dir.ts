// Where ingest wrote the content (GAZETTE_CONTENT_DIR, relative to the working directory or
// absolute; tests and the bench point it at other corpora). One resolution for the content
// config, the body reader and the build report.
import { resolve } from 'node:path';

export const contentDir = resolve(process.env.GAZETTE_CONTENT_DIR ?? './content');

/** A path inside the content directory. */
export const contentPath = (...segments: string[]): string => resolve(contentDir, ...segments);
