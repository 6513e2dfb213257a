// robots.txt: everything may be crawled; points at the sitemap. (Crawlers read robots.txt only at a
// domain root: under a sub-path it is still written, for a host that serves the build at its root.)
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/site-url.ts';
import { fileUrl } from '../lib/url.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(fileUrl('sitemap-index.xml'))}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
