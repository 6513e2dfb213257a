/**
 * A document's files beside its entry (src/lib/document-files.ts): read back as ingest wrote
 * them, and refused with the file's path when they are not what the schema says.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'gazette-document-files-'));
let files: typeof import('../../src/lib/document-files.ts');

const task = { anchor: 'article-3', task: '做好监测', line: 12, actors: [{ department: 'jilinsheng-sthjt', actor: '省生态环境厅', collective: false, role: 'lead', implicit: false }] };

beforeAll(async () => {
  for (const sub of ['tasks', 'bodies']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'tasks', 'good.json'), JSON.stringify([task]));
  writeFileSync(join(dir, 'tasks', 'no-actor.json'), JSON.stringify([{ ...task, actors: [] }]));
  writeFileSync(join(dir, 'bodies', 'not-a-body.json'), JSON.stringify({ type: 'p' }));
  // The content directory is read once, when the module loads.
  vi.stubEnv('GAZETTE_CONTENT_DIR', dir);
  files = await import('../../src/lib/document-files.ts');
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('document files', () => {
  it("reads a document's tasks as ingest wrote them", () => {
    expect(files.readTasks('good')).toEqual([task]);
  });
  it('refuses a task without actors, naming the file', () => {
    expect(() => files.readTasks('no-actor')).toThrow(`${join(dir, 'tasks', 'no-actor.json')}: not a document's tasks`);
  });
  it('refuses a body that is not a list of blocks, naming the file', () => {
    expect(() => files.readBody('not-a-body')).toThrow(`${join(dir, 'bodies', 'not-a-body.json')}: not a document body`);
  });
  it('names the file a document without tasks would need', () => {
    expect(() => files.readTasks('absent')).toThrow(join(dir, 'tasks', 'absent.json'));
  });
});
