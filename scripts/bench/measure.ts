/**
 * Run a command as a child process and measure it: wall-clock seconds and peak RSS. Peak RSS is
 * the larger of GNU time's "Maximum resident set size" (the largest single process of the tree)
 * and the peak of the tree's summed RSS sampled from /proc every 100 ms (node and the Pagefind
 * binary run at once).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, createWriteStream } from 'node:fs';

export interface Measured {
  seconds: number;
  peakRssMB: number;
  code: number;
  /** The last lines of the command's combined output. */
  tail: string;
  /** Set when the run was stopped for going over `limitMB`. */
  aborted?: string;
}

const TIME = '/usr/bin/time';

/** Process groups running now: stopped if the benchmark itself is interrupted. */
const running = new Set<number>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

function children(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // the process ended between listing and reading
  }
  return out;
}

function rssKB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function treeRssKB(root: number): number {
  let total = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rssKB(pid);
    stack.push(...children(pid));
  }
  return total;
}

/** Run `cmd args` in `cwd` with `env`, appending its output to `logFile`. */
export function measure(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; limitMB?: number }): Promise<Measured> {
  const useTime = existsSync(TIME);
  const argv = useTime ? ['-v', cmd, ...args] : args;
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  log.write(`$ ${cmd} ${args.join(' ')}\n`);
  const start = performance.now();
  // Its own process group, so that a run over the memory limit can be stopped with its children.
  const child = spawn(useTime ? TIME : cmd, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid) running.add(child.pid);
  let output = '';
  const keep = (b: Buffer): void => {
    log.write(b);
    output = (output + b.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peakTree = 0;
  let aborted: string | undefined;
  const timer = setInterval(() => {
    if (!child.pid) return;
    peakTree = Math.max(peakTree, treeRssKB(child.pid));
    if (opts.limitMB && !aborted && peakTree / 1024 > opts.limitMB) {
      aborted = `stopped at ${(peakTree / 1024).toFixed(0)} MB (limit ${opts.limitMB} MB) after ${((performance.now() - start) / 1000).toFixed(0)} s`;
      log.write(`\nbench: ${aborted}\n`);
      process.kill(-child.pid, 'SIGKILL');
    }
  }, 100);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (child.pid) running.delete(child.pid);
      const seconds = (performance.now() - start) / 1000;
      log.end();
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
      const timeKB = m ? Number(m[1]) : 0;
      const tail = output.replace(/\n\tCommand being timed:[\s\S]*$/, '').split('\n').slice(-15).join('\n');
      resolvePromise({ seconds, peakRssMB: Math.max(timeKB, peakTree) / 1024, code: code ?? 1, tail, ...(aborted ? { aborted } : {}) });
    });
  });
}
