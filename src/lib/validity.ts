// Whether a document applies on a given day, from the effective date and validity ingest read.

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
