/**
 * `npm run screenshots`: renders the main page types of the built site at 390 px and 1280 px to
 * PNG files in screenshots/ (not committed), with Debian's Chromium, for a person to look at.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'astro';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env.GAZETTE_OUT_DIR ?? 'dist');
const outDir = join(root, 'screenshots');

/** The first page under a directory of the build, if any. */
const first = (dir: string): string | undefined => {
  const path = join(dist, dir);
  const name = existsSync(path) ? readdirSync(path).sort().find((f) => existsSync(join(path, f, 'index.html'))) : undefined;
  return name && `${dir}/${name}/`;
};

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no build: run npm run build first`);
  mkdirSync(outDir, { recursive: true });
  const pages: Array<[string, string | undefined]> = [
    ['home', ''],
    ['issue', 'issues/jilinsheng-renmin-zhengfu-gongbao/2017/8/'],
    ['document-long', 'documents/jlssthjbhsswgh/'],
    ['regulation', 'documents/jlsrmzfl-261/'],
    ['plan', first('plans')],
    ['indicator', first('indicators')],
    ['department', 'departments/jilinshi-sthjj/'],
    ['search', 'search/?q=细颗粒物'],
  ];
  const server = await preview({ root, outDir: dist, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  try {
    for (const [name, path] of pages) {
      if (path === undefined) continue;
      for (const width of [390, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`http://127.0.0.1:${server.port}/${path}`, { waitUntil: 'networkidle' });
        const file = join(outDir, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: false });
        console.log(file);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
