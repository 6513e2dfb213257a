// schema.org JSON-LD for document pages, and its safe serialisation into a <script> element.
import type { DocumentEntry, Gazette } from './gazette.ts';
import { issueLabel } from './format.ts';
import { BUILD_DATE, validityStatus } from './validity.ts';
import { absoluteUrl } from './site-url.ts';
import { documentUrl, issueUrl, publicationUrl } from './url.ts';

/**
 * JSON for the inside of <script type="application/ld+json">. JSON.stringify alone is not
 * enough: a string holding `</script>` or `<!--` would end or alter the element. Escaping
 * `<`, `>` and `&` as \u003c, \u003e, \u0026 keeps the JSON value identical and leaves the
 * HTML parser nothing to see; U+2028/U+2029 are escaped for consumers that eval JSON as JS.
 */
export function jsonLdScriptText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** schema.org LegalForceStatus for the status the document page shows (src/lib/validity.ts). */
const LEGAL_FORCE = {
  'in-force': 'https://schema.org/InForce',
  pending: 'https://schema.org/NotInForce',
  expired: 'https://schema.org/NotInForce',
} as const;

/**
 * A document as schema.org Legislation. Only what ingest read is stated: legislationDate is the
 * document's own date (never its issue's), legislationIdentifier its 文号, legislationPassedBy
 * its issuers, legislationDateOfApplicability and expires the effective and last days its text
 * gives. legislationLegalForce is stated only when one of those dates is known, and as of
 * `buildDate`, exactly as the page itself shows the status.
 */
export function legislationJsonLd(
  gazette: Gazette,
  document: DocumentEntry,
  buildDate: string = BUILD_DATE,
): Record<string, unknown> {
  const { title, docNumber, kind, issuers, date, effective, validUntil } = document.data;
  const status = validityStatus(effective, validUntil, buildDate);
  const url = absoluteUrl(documentUrl(document.id));
  const issue = document.data.issue ? gazette.issue(document.data.issue.id) : undefined;
  const publication = issue ? gazette.publication(issue.data.publication.id) : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': url,
    url,
    name: title,
    inLanguage: 'zh-CN',
    ...(kind && { legislationType: kind }),
    ...(docNumber && { legislationIdentifier: docNumber }),
    ...(date && { legislationDate: date }),
    ...(effective && { legislationDateOfApplicability: effective }),
    ...(validUntil && { expires: validUntil }),
    ...(status && { legislationLegalForce: LEGAL_FORCE[status.code] }),
    ...(issuers.length > 0 && {
      legislationPassedBy: issuers.map((name) => ({ '@type': 'GovernmentOrganization', name })),
    }),
    ...(issue &&
      publication && {
        isPartOf: {
          '@type': 'PublicationIssue',
          '@id': absoluteUrl(issueUrl(issue.id)),
          name: `${publication.data.name} ${issueLabel(issue.data)}`,
          issueNumber: issue.data.issue,
          ...(issue.data.date && { datePublished: issue.data.date }),
          isPartOf: {
            '@type': 'Periodical',
            '@id': absoluteUrl(publicationUrl(publication.id)),
            name: publication.data.name,
          },
        },
      }),
  };
}
