// Every document number (文号) the site knows and where it leads: the corpus's own numbers (to
// the document) and those of external references (to their /references/ entry). One list for the
// lookup page /wh/, its year pages, and /wh/targets.json, from which the redirects are written.
import { getCollection } from 'astro:content';
import type { Gazette } from './gazette.ts';
import { documentUrl, referenceUrl } from './url.ts';
import type { RedirectTarget } from '../integrations/doc-number-redirects.ts';

export async function docNumberTargets(gazette: Gazette): Promise<Map<string, RedirectTarget>> {
  const targets = new Map<string, RedirectTarget>();
  // A number shared by an order and the regulation it promulgates leads to the regulation.
  for (const doc of gazette.documents)
    if (doc.data.docNumber && (!targets.has(doc.data.docNumber) || doc.data.docNumberFrom === 'carrier'))
      targets.set(doc.data.docNumber, { href: documentUrl(doc.id), label: doc.data.title });
  for (const ref of await getCollection('references'))
    if (ref.data.docNumber && !targets.has(ref.data.docNumber)) targets.set(ref.data.docNumber, { href: referenceUrl(ref.id), label: ref.data.titles[0] ?? ref.data.docNumber });
  return targets;
}

/** The known numbers in collation order, as /wh/ lists them. */
export async function knownDocNumbers(gazette: Gazette): Promise<string[]> {
  return [...(await docNumberTargets(gazette)).keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
