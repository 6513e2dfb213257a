/**
 * A child process of the search index build (scripts/search-index/pool.ts): runs one task at a
 * time with its own Pagefind binary and answers { ok } or { ok: false, error }.
 */
import { writeFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { indexShard, readPages, recordUrls, separatorsUsed } from '../build-search-index.ts';
import type { WorkerReply, WorkerResult, WorkerTask } from './pool.ts';

const reply = (message: WorkerReply) => process.send?.(message);

async function readBatch(task: Extract<WorkerTask, { kind: 'read' }>): Promise<string> {
  const fragments = await readPages(task.pages);
  await writeFile(task.out, fragments.map((f) => `${JSON.stringify(f)}\n`).join(''));
  return separatorsUsed(fragments);
}

process.on('message', (task: WorkerTask) => {
  // A shard's fragments are read back here, beside the next shard's indexing, not one by one in the parent.
  const work: Promise<WorkerResult> = task.kind === 'read' ? readBatch(task).then((used) => ({ used })) : indexShard(task).then(async () => ({ records: await recordUrls(task.outputPath) }));
  work.then(
    (result) => reply({ ok: true, ...result }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

process.on('disconnect', () => {
  void pagefind.close().finally(() => process.exit(0));
});
