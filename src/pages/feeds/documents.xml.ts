// Atom feed of every dated document, newest first.
import type { APIRoute } from 'astro';
import { loadGazette } from '../../lib/gazette.ts';
import { documentsFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async () =>
  new Response(documentsFeed(await loadGazette()), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
