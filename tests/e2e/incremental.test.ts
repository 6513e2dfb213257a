/**
 * Incremental builds (Astro's experimental.incrementalBuild with the keys of src/lib/page-keys.ts):
 * a second build copies unchanged document pages, and a change to one document re-renders every
 * page that shows it — never a stale page. Builds the seeds into a temp dir twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testBuildDir } from '../support/corpus.ts';

const work = testBuildDir('gazette-incremental-');
const content = join(work, 'content');
const out = join(work, 'dist');
const env: NodeJS.ProcessEnv = { ...process.env, GAZETTE_CONTENT_DIR: content, GAZETTE_OUT_DIR: out, GAZETTE_CACHE_DIR: join(work, 'cache') };
delete env.BASE_URL;
// The log is read: no colour codes (Astro colours it when it detects CI).
env.NO_COLOR = '1';
const build = (): string => execFileSync('astro', ['build'], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Document pages the build copied from the previous one rather than rendered. */
const reused = (log: string): string[] => [...log.matchAll(/\/documents\/([^/\s]+)\/index\.html \((?:cached|restored)\)/g)].map((m) => m[1]!).sort();

const PLAN = 'jilinsheng-renmin-zhengfu-gongbao-2017-8-jlshjbhsswgh';
let first = '';
let second = '';
let third = '';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/ingest/cli.ts', '--seeds', 'seeds', '--out', content], { cwd: ROOT, env, stdio: 'pipe' });
  first = build();
  second = build();
  // Rename the plan that the 2017 notice carries and cites: both pages show its title.
  const file = join(content, 'documents', `${PLAN}.json`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('"title": "吉林省环境保护“十三五”规划"', '"title": "吉林省环境保护“十三五”规划（改）"'));
  third = build();
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental build', () => {
  it('renders every document page the first time and reuses all of them when nothing changed', () => {
    expect(reused(first)).toEqual([]);
    expect(reused(second)).toHaveLength(23);
  });
  it('re-renders the changed document and the pages that show it, and only those', () => {
    const rerendered = new Set(reused(second).filter((slug) => !reused(third).includes(slug)));
    expect(rerendered).toContain(PLAN);
    expect(rerendered).toContain('jzbf-2017-7');
    expect(rerendered.has('jzbf-2016-56')).toBe(false);
    expect(readFileSync(join(out, 'documents', 'jzbf-2017-7', 'index.html'), 'utf8')).toContain('吉林省环境保护“十三五”规划（改）');
    expect(readFileSync(join(out, 'documents', 'jzbf-2016-56', 'index.html'), 'utf8')).toContain('吉林省人民政府办公厅关于进一步加强县级政府生态建设和环境保护职能作用的意见');
  });
});
