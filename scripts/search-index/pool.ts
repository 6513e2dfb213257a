/**
 * Child processes for the search index's Pagefind work (scripts/build-search-index.ts). A
 * Pagefind binary works on one core, and one binary handles one request at a time, so reading
 * batches of pages and indexing shards side by side takes one binary per task in flight: each
 * child process here drives its own (scripts/search-index/worker.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ShardTask } from '../build-search-index.ts';

export type WorkerTask = { kind: 'read'; pages: Array<{ file: string; url: string }>; out: string } | ({ kind: 'shard' } & ShardTask);
/**
 * A task's answer: a read batch tells the separator candidates its pages use (for the block separator); a
 * shard tells the URL of the record behind each fragment file it wrote (for the catalog).
 */
export type WorkerReply = ({ ok: true } & WorkerResult) | { ok: false; error: string };
export interface WorkerResult {
  used?: string;
  records?: Record<string, string>;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function describeTask(task: WorkerTask): string {
  return task.kind === 'read' ? `reading ${task.pages.length} page(s) from ${task.pages[0]?.file ?? '(none)'}` : `indexing shard ${task.language}`;
}

export class WorkerPool {
  private readonly children: ChildProcess[] = [];

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`search index workers: ${size} is not a positive whole number`);
  }

  /** Runs the tasks, at most `size` at a time, each in a child process; fails with the first failure. Replies in task order. */
  async run(tasks: readonly WorkerTask[]): Promise<WorkerResult[]> {
    const replies: WorkerResult[] = [];
    let next = 0;
    const lanes = Math.min(this.size, tasks.length);
    // TypeScript runs in the children as in this process: through tsx, from the project root.
    while (this.children.length < lanes) this.children.push(fork(WORKER, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    await Promise.all(
      this.children.slice(0, lanes).map(async (child) => {
        while (next < tasks.length) {
          const at = next++;
          replies[at] = await this.send(child, tasks[at]!);
        }
      }),
    );
    return replies;
  }

  /** Lets the children go (each stops its Pagefind binary and exits). */
  close(): void {
    for (const child of this.children.splice(0)) if (child.connected) child.disconnect();
  }

  private send(child: ChildProcess, task: WorkerTask): Promise<WorkerResult> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        cleanup();
        if (!reply.ok) return reject(new Error(`search index: ${describeTask(task)}: ${reply.error}`));
        // The whole result, whatever the task answered with: a new kind of answer needs no change here.
        const { ok: _ok, ...result } = reply;
        resolve(result);
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        reject(new Error(`search index: the worker stopped (${signal ?? `exit ${code}`}) while ${describeTask(task)}`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(task);
    });
  }
}
