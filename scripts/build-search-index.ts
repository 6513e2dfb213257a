// Builds the Pagefind search index for the built site: run after `astro build`.
// Indexes <outDir> (GAZETTE_OUT_DIR, default dist) and writes <outDir>/pagefind/, which the search page loads.
// Runs under plain `node` (type stripping), so keep to erasable TypeScript.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

const outDir = resolve(process.env.GAZETTE_OUT_DIR ?? 'dist');

/** Fails the script on any error Pagefind reports; Pagefind returns errors rather than throwing. */
function assertNoErrors(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new Error(`pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`No built site in ${outDir}: run \`astro build\` first.`);
  }

  // Pages are all zh-CN; forcing it keeps one index and Chinese word segmentation
  // even if a page ever omits or misstates its lang.
  const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  assertNoErrors('createIndex', created);
  const index = created.index;
  if (index === undefined) throw new Error('pagefind createIndex returned no index');

  const added = await index.addDirectory({ path: outDir });
  assertNoErrors('addDirectory', added);
  if (added.page_count === 0) throw new Error(`pagefind found no pages to index in ${outDir}`);

  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  assertNoErrors('writeFiles', written);

  console.log(`pagefind: indexed ${added.page_count} page(s) into ${written.outputPath}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  // The Node API drives a pagefind binary as a child process; close it so the script can exit.
  await pagefind.close();
}
