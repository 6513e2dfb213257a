// Builds the search index for the built site: run after `astro build`.
// Reads <outDir> (GAZETTE_OUT_DIR, default dist) and writes <outDir>/search-index/, which the
// search page loads (docs/ARCHITECTURE.md, "Search").
//
// The search finds exactly the pages whose text contains the query. Nothing is segmented: every
// character is a unit, and the index keeps, for every gram of one, two and three units, the pages
// it occurs in (with the passage of its first occurrence, the passages it occurs in, and its
// positions, respectively); a longer query is a chain of trigrams at consecutive offsets.
//
//   1. Each page is read one at a time, by Pagefind's rules (scripts/search-index/extract.ts):
//      the text of data-pagefind-body without data-pagefind-ignore, its anchors, filters, metadata.
//   2. It is cut into passages of about PASSAGE_TARGET characters at block starts, written as
//      they are (a result loads only the passage it shows; a plan runs to 100,000 characters).
//   3. Its grams go into the postings, its facts into the page rows and display records
//      (scripts/search-index/writer.ts), which are sharded and written at the end.
//
// `tsx scripts/build-search-index.ts --pagefind-defaults <dir>` instead writes an index made with
// Pagefind's defaults to <dir>, for `npm run eval:search` to compare against.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_DIR } from '../src/scripts/search-index-format.ts';
import { extractPage, htmlFiles, pagePath } from './search-index/extract.ts';
import { buildDefaultIndex, closePagefind } from './search-index/pagefind-reading.ts';
import { IndexWriter, type IndexStats } from './search-index/writer.ts';

/** Directories of the output that are never pages to index. */
const NOT_PAGES = new Set([INDEX_DIR, '_astro', 'pagefind', 'pagefind-default', '_eval']);

export async function buildSearchIndex(outDir: string): Promise<IndexStats> {
  // The index of earlier versions (Pagefind's bundle); nothing loads it any more.
  rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
  const writer = new IndexWriter(join(outDir, INDEX_DIR));
  for (const file of htmlFiles(outDir, NOT_PAGES)) {
    const page = extractPage(readFileSync(join(outDir, file), 'utf8'), pagePath(file));
    if (page) writer.addPage(page);
  }
  const stats = writer.finish();
  if (stats.pages === 0) throw new Error(`no page in ${outDir} has a data-pagefind-body to index`);
  return stats;
}

async function main(): Promise<void> {
  const outDir = resolve(process.env.GAZETTE_OUT_DIR ?? 'dist');
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`No built site in ${outDir}: run \`astro build\` first.`);
  }
  const defaultsAt = process.argv.indexOf('--pagefind-defaults');
  if (defaultsAt >= 0) {
    const target = process.argv[defaultsAt + 1];
    if (!target) throw new Error('--pagefind-defaults needs an output directory');
    try {
      await buildDefaultIndex(outDir, resolve(target));
    } finally {
      await closePagefind();
    }
    console.log(`pagefind (defaults): indexed ${outDir} into ${resolve(target)}`);
    return;
  }
  const started = performance.now();
  const stats = await buildSearchIndex(outDir);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  console.log(
    `search index: ${stats.pages} pages, ${stats.passages} passages, ${stats.grams} grams (${mb(stats.postingsBytes)} MB of postings in ${stats.shards} shards); ` +
      `${stats.files} files, ${mb(stats.bytesWritten)} MB, into ${join(outDir, INDEX_DIR)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
