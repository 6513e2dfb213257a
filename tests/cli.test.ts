/** `npm run ingest` as a command: bad input stops it with a message naming the file, and nothing is written. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEEDS } from './support/corpus.ts';

function ingest(files: Record<string, Uint8Array | string>) {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-cli-'));
  const seeds = join(dir, 'seeds');
  const out = join(dir, 'content');
  spawnSync('mkdir', ['-p', seeds]);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(seeds, name), bytes);
  const r = spawnSync(process.execPath, ['scripts/ingest/cli.ts', '--seeds', seeds, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  return { ...r, out };
}

describe('ingest command', () => {
  it('prints the parsed tree of any one file with --json', () => {
    const r = spawnSync(process.execPath, ['scripts/ingest/cli.ts', '--json', 'tests/fixtures/general/traditional.txt'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const tree = JSON.parse(r.stdout) as { segmented: Array<{ kind: string }>; documents: Array<{ slug: string; doc: { body: unknown[] } }> };
    expect(tree.segmented[0]!.kind).toBe('standalone');
    expect(tree.documents[0]!.slug).toBe('mzbf-2030-9');
    expect(tree.documents[0]!.doc.body.length).toBeGreaterThan(0);
  });
  it('refuses a binary file, names it, exits non-zero and writes nothing', () => {
    const r = ingest({ 'good.txt': readFileSync(join(SEEDS, '004_f7ab706c9a2973ea.txt')), 'bad.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('bad.txt:1 error decode/binary');
    expect(existsSync(join(r.out, 'documents'))).toBe(false);
  });
  it('builds content from a good corpus and prints counts', () => {
    const r = ingest({ 'good.txt': readFileSync(join(SEEDS, '004_f7ab706c9a2973ea.txt')) });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ingest: 1 documents, 0 issues, 0 publications');
    expect(existsSync(join(r.out, 'documents', 'jzbf-2016-56.json'))).toBe(true);
  });
});
