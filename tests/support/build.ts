/** Builds the site again from the already ingested content/ into another output directory, e.g. under a sub-path. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus.ts';

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

export interface BuildOptions {
  outDir: string;
  /** BASE_PATH, e.g. /atlas/. */
  base?: string;
  /** SITE_URL. */
  site?: string;
  /** More variables for the build, e.g. GAZETTE_LIST_LIMIT. */
  env?: Record<string, string>;
  /** Build the Pagefind index too (default true). */
  searchIndex?: boolean;
}

/** `astro build` plus the Pagefind index, as `npm run build` does but without running ingest again. */
export function buildSite({ outDir, base, site, env: extra = {}, searchIndex = true }: BuildOptions): void {
  if (!existsSync(join(ROOT, 'content', 'publications.json'))) throw new Error('content/ is missing: run npm run ingest first');
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, GAZETTE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' };
  // Vitest puts Vite's own variables into process.env; Astro would take BASE_URL=/ over BASE_PATH.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  if (base === undefined) delete env.BASE_PATH;
  else env.BASE_PATH = base;
  if (site === undefined) delete env.SITE_URL;
  else env.SITE_URL = site;
  execFileSync(bin('astro'), ['build'], { cwd: ROOT, env, stdio: 'pipe' });
  if (searchIndex) execFileSync(bin('tsx'), ['scripts/build-search-index.ts'], { cwd: ROOT, env, stdio: 'pipe' });
}
