/**
 * Source text is data: hostile text goes through ingest and a real Astro build, and the
 * page shows it literally with no script run. Builds a separate small site in a temp dir.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT, readContentDocuments, textsOfDocument, testBuildDir } from '../support/corpus.ts';
import { launchOptions, serveDir } from '../support/browser.ts';

const work = testBuildDir('gazette-hostile-');
const content = join(work, 'content');
const out = join(work, 'dist');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveDir>>;

beforeAll(async () => {
  const env = { ...process.env, GAZETTE_CONTENT_DIR: content, GAZETTE_OUT_DIR: out, GAZETTE_CACHE_DIR: join(work, 'cache') };
  execFileSync(process.execPath, ['scripts/ingest/cli.ts', '--seeds', 'tests/fixtures/hostile', '--out', content], { cwd: ROOT, env, stdio: 'pipe' });
  execFileSync('astro', ['build'], { cwd: ROOT, env, stdio: 'pipe' });
  server = await serveDir(out);
  browser = await chromium.launch(launchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('source text is data', () => {
  it('builds only the corpus it was given (no entries from another build’s cache)', () => {
    expect(readdirSync(join(out, 'documents')).filter((f) => !f.endsWith('.html'))).toEqual(['jzbf-2099-1']);
  });

  it('emits the hostile text only as string values of a data entry, never as code', () => {
    const texts = textsOfDocument(readContentDocuments(content).get('jzbf-2099-1')!).join('\n');
    for (const literal of ['<script>alert(1)</script>', 'import fs from "node:fs"', '{alert(1)}']) expect(texts).toContain(literal);
    // No compiled module exists for a document: the build reads it as data.
    expect(readdirSync(join(content, 'documents')).every((f) => f.endsWith('.json'))).toBe(true);
    expect(readdirSync(join(content, 'bodies'))).toEqual(['jzbf-2099-1.json']);
  });

  it('shows every hostile line literally and runs no script', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}documents/jzbf-2099-1/`);
    const text = await page.locator('main').innerText();
    for (const literal of ['{alert(1)} { } < > \\ ` * _ # | 都应原样显示，不能执行。', '<script>alert(1)</script>', 'import fs from "node:fs"', 'export const pwned = true', '---', '井号 # 不是标题', '**不成对 _不是斜体_ [不是链接](javascript:alert(1))', '<img src=x onerror=alert(1)>'])
      expect(text).toContain(literal);
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
