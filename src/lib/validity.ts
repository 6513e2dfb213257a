// Whether a document applies on a given day, from the effective date and validity ingest read.

/**
 * The day statuses are stated "as of": one value per build, so that a page, its JSON-LD and its
 * incremental-build key (src/lib/page-keys.ts) agree even across midnight.
 */
export const BUILD_DATE = new Date().toISOString().slice(0, 10);

export interface ValidityStatus {
  code: 'pending' | 'in-force' | 'expired';
  label: string;
}

/** Status on `today` (ISO dates compare as strings); undefined when the text states neither date. */
export function validityStatus(effective: string | undefined, validUntil: string | undefined, today: string): ValidityStatus | undefined {
  if (!effective && !validUntil) return undefined;
  if (effective && today < effective) return { code: 'pending', label: '尚未施行' };
  if (validUntil && today > validUntil) return { code: 'expired', label: '已失效' };
  return { code: 'in-force', label: validUntil ? '有效' : '已施行' };
}
