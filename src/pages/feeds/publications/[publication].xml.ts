// Atom feed per publication: its dated documents, newest first.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadGazette } from '../../../lib/gazette.ts';
import { publicationFeed } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const gazette = await loadGazette();
  return gazette.publications.map((publication) => ({ params: { publication: publication.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(publicationFeed(await loadGazette(), params.publication!), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
