// Where each known document number leads: { "吉政办发〔2017〕7号": { href, label } }. The build
// writes a redirect page per bracket form from it (src/integrations/doc-number-redirects.ts),
// and it is a small open lookup table in its own right.
import type { APIRoute } from 'astro';
import { loadGazette } from '../../lib/gazette.ts';
import { docNumberTargets } from '../../lib/doc-numbers.ts';

export const GET: APIRoute = async () => {
  const targets = await docNumberTargets(await loadGazette());
  const sorted = Object.fromEntries([...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return new Response(JSON.stringify(sorted), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
