import { z } from 'astro/zod';

/** A place in a document: its slug and the anchor of the provision or paragraph. */
export const PlaceSchema = z.object({
  /** Slug of the document. */
  document: z.string(),
  /** Anchor on its page (article-9, p-436). */
  anchor: z.string(),
});
export type Place = z.output<typeof PlaceSchema>;

/** A document cited in the corpus but not itself in it (国发〔2016〕36号, 吉政办规〔2024〕2号). */
export const ReferenceSchema = z.object({
  /** Anchor id on /references/: from the 文号 like a document slug (gf-2016-36), or t-<title initials>. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Normalised 文号, when the citations give one. */
  docNumber: z.string().optional(),
  /** Titles the citations quote, as written. */
  titles: z.array(z.string()),
  /** Every place that cites it. */
  citedBy: z.array(PlaceSchema),
});
export type Reference = z.output<typeof ReferenceSchema>;
