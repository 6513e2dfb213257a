// A reference to a missing entry must fail the build (Astro's reference() alone only checks the shape).
import { afterAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { testBuildDir } from '../support/corpus.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = testBuildDir('gazette-refs-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('content references', () => {
  test('a 目录 entry pointing at a missing document fails the build, naming it', () => {
    const content = join(work, 'content');
    // The real generated content, with one reference broken on purpose.
    cpSync(join(root, 'content'), content, { recursive: true });
    const issuesFile = join(content, 'issues.json');
    const issues = JSON.parse(readFileSync(issuesFile, 'utf8')) as Array<{ toc: Array<{ document?: string }> }>;
    issues[0]!.toc[0]!.document = 'no-such-document';
    writeFileSync(issuesFile, JSON.stringify(issues));

    const env = { ...process.env, GAZETTE_CONTENT_DIR: content, GAZETTE_OUT_DIR: join(work, 'dist'), GAZETTE_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
    let output = '';
    try {
      execFileSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, env, stdio: 'pipe' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer };
      output = `${stdout}${stderr}`;
    }
    expect(output).toContain('dangling reference');
    expect(output).toContain('toc[0].document → missing "no-such-document"');
  });
});
