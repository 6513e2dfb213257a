// Every document number (文号) the site knows, for the lookup page /wh/: the corpus's own and
// those of external references, each once, in collation order.
import { getCollection } from 'astro:content';
import type { Gazette } from './gazette.ts';

export async function knownDocNumbers(gazette: Gazette): Promise<string[]> {
  const numbers = new Set<string>();
  for (const doc of gazette.documents) if (doc.data.docNumber) numbers.add(doc.data.docNumber);
  for (const ref of await getCollection('references')) if (ref.data.docNumber) numbers.add(ref.data.docNumber);
  return [...numbers].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The year a number is filed under, from its bracketed year (吉政办发〔2017〕7号 → 2017); an order number (…令第261号) has none. */
export const docNumberYear = (n: string): number | undefined => {
  const m = /〔(\d{4})〕/.exec(n);
  return m ? Number(m[1]) : undefined;
};
