// /build-report.json: what ingest made of every source file and every problem it reported
// (content/build-report.json, written by npm run ingest), published with the site.
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { contentPath } from '../lib/content-dir.ts';

export const GET: APIRoute = () =>
  new Response(readFileSync(contentPath('build-report.json'), 'utf8'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
