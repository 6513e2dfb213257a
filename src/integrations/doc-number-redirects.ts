/**
 * /wh/<文号>/ pages: after the build, one static redirect page per bracket form of every known
 * document number (six per number), written straight from dist/wh/targets.json.
 *
 * Why not an Astro route: these pages are a third of all pages at 10,000 documents (six per
 * number), each the same five tags; rendering them through Astro cost as much per page as a
 * document page. Writing them here costs a file write each. The markup is what the route made.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docNumberForms } from '../lib/doc-number-forms.ts';

export interface RedirectTarget {
  href: string;
  label: string;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A redirect that works on any static server: meta refresh, canonical link, and a link to follow by hand. */
export function redirectPage(docNumber: string, { href, label }: RedirectTarget): string {
  const h = escapeHtml(href);
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex">` +
    `<meta http-equiv="refresh" content="0; url=${h}"><link rel="canonical" href="${h}"><title>${escapeHtml(docNumber)}</title></head>` +
    `<body><p><a href="${h}">${escapeHtml(docNumber)} ${escapeHtml(label)}</a></p></body></html>`
  );
}

/** Every file to write, path relative to the output directory → HTML. */
export function redirectFiles(targets: Record<string, RedirectTarget>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [docNumber, target] of Object.entries(targets)) {
    for (const form of docNumberForms(docNumber)) {
      // A form is a path segment: a number with a slash in it (rare) cannot be one.
      if (form.includes('/') || form === '.' || form === '..') continue;
      files.set(join('wh', form, 'index.html'), redirectPage(docNumber, target));
    }
  }
  return files;
}

export function docNumberRedirects(): AstroIntegration {
  return {
    name: 'gazette-doc-number-redirects',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const targets = JSON.parse(await readFile(join(out, 'wh', 'targets.json'), 'utf8')) as Record<string, RedirectTarget>;
        const files = redirectFiles(targets);
        for (const [path, html] of files) {
          await mkdir(join(out, path, '..'), { recursive: true });
          await writeFile(join(out, path), html);
        }
        logger.info(`${files.size} /wh/ redirect page(s) for ${Object.keys(targets).length} document number(s)`);
      },
    },
  };
}
