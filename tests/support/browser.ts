/** Shared browser-test plumbing: Debian's Chromium through playwright-core, and a static server. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type LaunchOptions } from 'playwright-core';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

export const launchOptions: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/** Serve a built output directory with Astro's own preview server on a free loopback port. */
export async function serveDir(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const { preview } = await import('astro');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const server = await preview({ root, outDir, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  return { url: `http://127.0.0.1:${server.port}/`, close: () => server.stop() };
}

/**
 * Serve a finished build and open Chromium for the tests of one file: registers beforeAll/afterAll
 * and returns accessors for the base URL and the browser.
 */
export function useBuiltSite(dir: string): { url: () => string; browser: () => import('playwright-core').Browser } {
  let server: Awaited<ReturnType<typeof serveDir>> | undefined;
  let browser: import('playwright-core').Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no build: run npm run build first`);
    server = await serveDir(dir);
    browser = await chromium.launch(launchOptions);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { url: () => server!.url, browser: () => browser! };
}
