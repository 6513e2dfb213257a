// Pagefind's own reading of the site, for comparison only: the search evaluation's ground truth
// and its "Pagefind defaults" index (scripts/eval-search/), and the test that the indexer reads
// every page as Pagefind does (tests/search/extract.test.ts). The site's index never uses it:
// Pagefind holds the whole site in memory while it reads (scripts/search-index/extract.ts).
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { foldChars, SEPARATOR, unifyDocNumberYears } from '../../src/scripts/search-text.ts';
import type { PageText } from './extract.ts';

export const LANGUAGE = 'zh-cn';

/** A page as Pagefind extracted it (one fragment of a default index). */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: Array<{ element: string; id: string; text: string; location: number; title?: string }>;
}

// Pagefind puts a full stop after a block element whose text ends in a word character (its
// SENTENCE_CHARS), as the last word of a whitespace chunk. Those are block boundaries, not text.
const SENTENCE_CHAR = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]$/u;

/** A page's text rebuilt from a default-index fragment: units, block boundaries, anchor offsets (no labels). */
export function fragmentText(fragment: PagefindFragment): PageText {
  const units: string[] = [];
  /** Unit offset of each Pagefind word position. */
  const positions: number[] = [];
  const chunks = fragment.content.split(' ').filter((chunk) => chunk !== '');
  for (const chunk of chunks) {
    const words = chunk.split('\u200B').filter((word) => word !== '');
    words.forEach((word, i) => {
      positions.push(units.length);
      const previous = i > 0 ? words[i - 1]! : '';
      const injectedStop = word === '.' && i === words.length - 1 && SENTENCE_CHAR.test(previous);
      if (injectedStop) {
        if (units.length > 0 && units.at(-1) !== SEPARATOR) units.push(SEPARATOR);
      } else {
        units.push(...Array.from(foldChars(word)));
      }
    });
  }
  const unified = Array.from(unifyDocNumberYears(units.join('')));
  unified.forEach((unit, i) => (units[i] = unit));
  while (units.at(-1) === SEPARATOR) units.pop();
  positions.push(units.length);
  const anchors = [...fragment.anchors]
    .sort((a, b) => a.location - b.location)
    .map((anchor) => ({ id: anchor.id, offset: positions[Math.min(anchor.location, positions.length - 1)]! }));
  return { units, anchors };
}

/** Pagefind's compressed files: gzip, then a "pagefind_dcd" signature. */
export function decodePagefindFile(bytes: Uint8Array): string {
  const raw = gunzipSync(bytes);
  const signature = 'pagefind_dcd';
  const body = raw.subarray(0, signature.length).toString() === signature ? raw.subarray(signature.length) : raw;
  return body.toString('utf8');
}

/** Fails on any error Pagefind reports; Pagefind returns errors rather than throwing. */
function assertNoErrors(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new Error(`pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
}

async function createIndex(): Promise<pagefind.PagefindIndex> {
  const created = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  assertNoErrors('createIndex', created);
  if (created.index === undefined) throw new Error('pagefind createIndex returned no index');
  return created.index;
}

/** Pagefind's default reading of a (small) site: one fragment per page, sorted by URL. */
export async function readSiteWithPagefind(outDir: string): Promise<PagefindFragment[]> {
  const index = await createIndex();
  assertNoErrors('addDirectory', await index.addDirectory({ path: outDir }));
  const files = await index.getFiles();
  assertNoErrors('getFiles', files);
  await index.deleteIndex();
  return files.files
    .filter((file) => file.path.startsWith('fragment/'))
    .map((file) => JSON.parse(decodePagefindFile(file.content)) as PagefindFragment)
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** An index built the way Pagefind builds one by default, for comparison. */
export async function buildDefaultIndex(outDir: string, outputPath: string): Promise<void> {
  const index = await createIndex();
  assertNoErrors('addDirectory', await index.addDirectory({ path: outDir }));
  assertNoErrors('writeFiles', await index.writeFiles({ outputPath }));
}

export const closePagefind = (): Promise<null> => pagefind.close();
