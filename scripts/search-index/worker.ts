/**
 * A child process of the search index build (scripts/search-index/pool.ts): runs one task at a
 * time with its own Pagefind binary and answers { ok } or { ok: false, error }.
 */
import { writeFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { indexShard, readPages } from '../build-search-index.ts';
import type { WorkerReply, WorkerTask } from './pool.ts';

const reply = (message: WorkerReply) => process.send?.(message);

process.on('message', (task: WorkerTask) => {
  const work = task.kind === 'read' ? readPages(task.pages).then((fragments) => writeFile(task.out, fragments.map((f) => `${JSON.stringify(f)}\n`).join(''))) : indexShard(task);
  work.then(
    () => reply({ ok: true }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

process.on('disconnect', () => {
  void pagefind.close().finally(() => process.exit(0));
});
