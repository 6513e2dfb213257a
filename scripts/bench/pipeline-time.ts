/**
 * `node scripts/bench/pipeline-time.ts SEEDS_DIR CONTENT_DIR`: time the ingest pipeline alone
 * (ingestCorpus + validateCorpus + renderCorpus, in memory: no process start, no module loading,
 * no file writes) over the seeds already read. Prints `pipeline-ms N bytes B`, the CPU time of the
 * process over the same span (`cpu-ms`: steadier than wall time on a shared machine; it includes
 * the collector's helper threads), then the milliseconds of each stage (`stage NAME MS`).
 */
import { readSeeds, readRegistry, renderCorpus } from '../ingest/cli.ts';
import { ingestCorpus } from '../ingest/pipeline.ts';
import { validateCorpus } from '../ingest/validate.ts';
import { timed, type StageTimes } from '../ingest/stage-times.ts';

const [seedsDir, contentDir] = process.argv.slice(2);
if (!seedsDir || !contentDir) throw new Error('usage: pipeline-time.ts SEEDS_DIR CONTENT_DIR');
const sources = readSeeds(seedsDir);
const registry = readRegistry(contentDir);
const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
const times: StageTimes = new Map();
const start = performance.now();
const cpuStart = process.cpuUsage();
const corpus = ingestCorpus(sources, registry, times);
corpus.diagnostics.push(...timed(times, 'validate', () => validateCorpus(corpus)));
timed(times, 'render', () => renderCorpus(corpus));
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
console.log(`pipeline-ms ${ms.toFixed(0)} bytes ${bytes} MB/s ${(bytes / 1e6 / (ms / 1000)).toFixed(2)}`);
console.log(`cpu-ms ${((cpu.user + cpu.system) / 1000).toFixed(0)}`);
for (const [stage, t] of times) console.log(`stage ${stage} ${t.toFixed(0)}`);
