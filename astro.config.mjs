// Thin config: everything content-related lives in scripts/ and src/content.config.ts.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  outDir: process.env.GAZETTE_OUT_DIR || './dist',
  integrations: [mdx()],
});
