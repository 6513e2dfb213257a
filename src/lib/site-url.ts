// Absolute URLs on the published site: SITE_URL (Astro's `site`) plus a base-prefixed path from url.ts.

/** The configured origin, e.g. https://gazette-atlas.example (astro.config always sets one). */
const site = import.meta.env.SITE ?? 'https://gazette-atlas.example';

/** Absolute URL of a base-prefixed path such as documentUrl(slug) or fileUrl('data/documents.json'). */
export function absoluteUrl(path: string): string {
  return new URL(path, site).href;
}
