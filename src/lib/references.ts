// External references whose citing places are more than /references/ lists (PREVIEW_LIMIT),
// each with its places filed by the year of the citing document: the pages
// /references/<id>/ and, past LIST_LIMIT places, /references/<id>/<year>/.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Gazette } from './gazette.ts';
import { quotedTitle } from './cite.ts';
import { cutByYear, groupByYear, PREVIEW_LIMIT, type YearGroup } from './paging.ts';

export type ReferenceEntry = CollectionEntry<'references'>;
export type CitingPlace = ReferenceEntry['data']['citedBy'][number];

// A type, not an interface: Astro's page props must take an index signature.
export type ReferencePlaces = {
  reference: ReferenceEntry;
  /** Every citing place by year, newest year first. */
  years: Array<YearGroup<CitingPlace>>;
  /** True when the places are past LIST_LIMIT: one page per year. */
  cut: boolean;
};

/** The references that get a page of their own, with their places by year. */
export async function referencesWithPages(gazette: Gazette): Promise<ReferencePlaces[]> {
  const yearOf = (p: CitingPlace): number | undefined => gazette.yearOf(gazette.document(p.document.id));
  return (await getCollection('references'))
    .filter((reference) => reference.data.citedBy.length > PREVIEW_LIMIT)
    .map((reference) => {
      const cut = cutByYear(reference.data.citedBy, yearOf);
      return { reference, years: cut ?? groupByYear(reference.data.citedBy, yearOf), cut: cut !== undefined };
    });
}

/** A reference's name as the list shows it: 文号 and titles. */
export const referenceName = (r: ReferenceEntry): string => [r.data.docNumber, ...r.data.titles.map(quotedTitle)].filter(Boolean).join(' ');
