/**
 * `tsx scripts/bench/pipeline-time.ts SEEDS_DIR CONTENT_DIR`: time the ingest pipeline alone
 * (ingestCorpus + validateCorpus + renderCorpus, in memory: no process start, no module loading,
 * no file writes) over the seeds already read. Prints `pipeline-ms N bytes B`.
 */
import { readSeeds, readRegistry, renderCorpus } from '../ingest/cli.ts';
import { ingestCorpus } from '../ingest/pipeline.ts';
import { validateCorpus } from '../ingest/validate.ts';

const [seedsDir, contentDir] = process.argv.slice(2);
if (!seedsDir || !contentDir) throw new Error('usage: pipeline-time.ts SEEDS_DIR CONTENT_DIR');
const sources = readSeeds(seedsDir);
const registry = readRegistry(contentDir);
const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
const start = performance.now();
const corpus = ingestCorpus(sources, registry);
corpus.diagnostics.push(...validateCorpus(corpus));
renderCorpus(corpus);
const ms = performance.now() - start;
console.log(`pipeline-ms ${ms.toFixed(0)} bytes ${bytes} MB/s ${(bytes / 1e6 / (ms / 1000)).toFixed(2)}`);
