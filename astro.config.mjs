// Thin config: everything content-related lives in scripts/ and src/content.config.ts.
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { docNumberRedirects } from './src/integrations/doc-number-redirects.ts';
import { storeLiteralPlugin } from './src/integrations/store-literal.ts';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the site is published (README, "Environment"): SITE_URL is the origin, BASE_PATH the
// path under it. Canonical URLs, Open Graph, the sitemap, feeds and open data need an absolute
// origin; without SITE_URL they use a reserved placeholder (.example never resolves) so that a
// forgotten SITE_URL shows up as an obviously wrong host rather than as localhost.
const site = process.env.SITE_URL || 'https://gazette-atlas.example';
const base = process.env.BASE_PATH || '/';
const outDir = resolve(process.env.GAZETTE_OUT_DIR || './dist');
// Astro keeps the content collections' data store in cacheDir and reuses it between builds; a
// build of another corpus (GAZETTE_CONTENT_DIR, used by tests) gets its own cache, so it can never
// show entries of the main corpus whose files it does not have.
const contentDir = process.env.GAZETTE_CONTENT_DIR ? resolve(process.env.GAZETTE_CONTENT_DIR) : undefined;
// GAZETTE_CACHE_DIR names it (tests point it into their temporary directory).
const cacheDir = process.env.GAZETTE_CACHE_DIR || (contentDir ? `./node_modules/.astro-${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}` : undefined);

/**
 * The sitemap leaves out pages that ask not to be indexed (redirect stubs, the 404 page). It runs
 * after the build, so it reads the page as written: a page's own <meta name="robots"> decides.
 */
function indexable(pageUrl) {
  const path = decodeURIComponent(new URL(pageUrl).pathname).slice(base.replace(/\/?$/, '/').length);
  const file = join(outDir, path, path === '' || path.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file)) return true;
  // The robots meta is near the top: read the first 8 KB, not the whole page (15,000 pages at scale).
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(8192);
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const head = buffer.subarray(0, read).toString('utf8').split('</head>')[0];
  return !/<meta name="robots" content="[^"]*noindex/.test(head);
}

/** @astrojs/sitemap writes sitemap-index.xml; crawlers also probe sitemap.xml, so it gets a copy of the index. */
const sitemapAlias = {
  name: 'gazette-sitemap-alias',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      const out = fileURLToPath(dir);
      await copyFile(`${out}/sitemap-index.xml`, `${out}/sitemap.xml`);
    },
  },
};

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir,
  ...(cacheDir ? { cacheDir } : {}),
  experimental: {
    // The content layer's store stays one file (the default): Astro's chunked writer
    // (collectionStorage: 'chunked') costs ~0.3 µs per character per write, 11 s instead of 3 s
    // for 460 documents. Bodies live outside the store (src/lib/bodies.ts), which keeps it far
    // below V8's longest string (~0.5 GB) at 10,000 documents.
    // A document page whose cacheKey (src/lib/page-keys.ts) and code are unchanged is copied
    // from the previous build instead of rendered: adding an issue re-renders what it touches.
    incrementalBuild: true,
  },
  integrations: [docNumberRedirects(), sitemap({ filter: indexable }), sitemapAlias],
  // The store's module as literals of 256 Ki characters: one literal of the whole store costs V8
  // time quadratic in its length to read (src/integrations/store-literal.ts).
  vite: { plugins: [storeLiteralPlugin()] },
});
