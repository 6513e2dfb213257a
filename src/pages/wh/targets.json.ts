// Where each known document number leads: { "吉政办发〔2017〕7号": { href, label } }. The build
// writes a redirect page per bracket form from it (src/integrations/doc-number-redirects.ts),
// and it is a small open lookup table in its own right.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadGazette } from '../../lib/gazette.ts';
import { documentUrl, referenceUrl } from '../../lib/url.ts';
import type { RedirectTarget } from '../../integrations/doc-number-redirects.ts';

export const GET: APIRoute = async () => {
  const gazette = await loadGazette();
  const targets = new Map<string, RedirectTarget>();
  // A number shared by an order and the regulation it promulgates leads to the regulation.
  for (const doc of gazette.documents)
    if (doc.data.docNumber && (!targets.has(doc.data.docNumber) || doc.data.docNumberFrom === 'carrier'))
      targets.set(doc.data.docNumber, { href: documentUrl(doc.id), label: doc.data.title });
  for (const ref of await getCollection('references'))
    if (ref.data.docNumber && !targets.has(ref.data.docNumber)) targets.set(ref.data.docNumber, { href: referenceUrl(ref.id), label: ref.data.titles[0] ?? ref.data.docNumber });
  const sorted = Object.fromEntries([...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return new Response(JSON.stringify(sorted), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
