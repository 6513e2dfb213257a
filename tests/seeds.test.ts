/** The real seeds through the real pipeline: documents found, structure, links, fidelity, freshness. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT, SEEDS, blocksOf, readContentDocuments, seedCorpus, textsOfDocument } from './support/corpus.ts';
import { DOCUMENT_FILE_DIRS, readRegistry, renderCorpus, readSeeds } from '../scripts/ingest/cli.ts';
import { decodeSource } from '../scripts/ingest/decode.ts';
import { normaliseLines } from '../scripts/ingest/normalise.ts';
import { ingestCorpus } from '../scripts/ingest/pipeline.ts';
import type { Issue } from '../src/schemas/issue.ts';

const corpus = seedCorpus();
const bySlug = new Map(corpus.documents.map((d) => [d.slug, d]));

describe('documents of the five seeds', () => {
  it('finds every document, with title, 文号 and date', () => {
    const rows = corpus.documents.map((d) => [d.doc.span.file.slice(0, 3), d.doc.title, d.doc.docNumber ?? null, d.doc.date ?? null]);
    expect(rows).toEqual([
      ['000', '吉林省人民政府令第261号', '吉林省人民政府令第261号', '2017-03-02'],
      ['000', '吉林省公安机关警务辅助人员管理办法', '吉林省人民政府令第261号', '2017-03-02'],
      ['000', '吉林省人民政府办公厅关于印发吉林省环境保护“十三五”规划的通知', '吉政办发〔2017〕7号', '2017-01-20'],
      ['000', '吉林省环境保护“十三五”规划', null, '2017-01-20'],
      ['000', '吉林省人民政府办公厅关于加强困境儿童保障工作的实施意见', '吉政办发〔2017〕8号', '2017-01-20'],
      ['000', '吉林省人民政府人事任免', '吉政干任〔2017〕11-12号', null],
      ['001', '中共吉林省委办公厅 吉林省人民政府办公厅关于激发人才活力支持人才服务乡村振兴的政策措施', null, null],
      ['001', '吉林省人民政府办公厅关于印发加快构建吉林产业发展新格局实施方案的通知', '吉政办发〔2021〕6号', '2021-01-26'],
      ['001', '加快构建吉林产业发展新格局实施方案', null, '2021-01-26'],
      ['001', '吉林省人民政府办公厅关于印发吉林省空气、水环境、土壤环境质量巩固提升三个行动方案的通知', '吉政办发〔2021〕10号', '2021-02-24'],
      ['001', '吉林省空气质量巩固提升行动方案', null, '2021-02-24'],
      ['001', '吉林省水环境质量巩固提升行动方案', null, '2021-02-24'],
      ['001', '吉林省土壤环境质量巩固提升行动方案', null, '2021-02-24'],
      ['001', '吉林省人民代表大会常务委员会关于接受李悦辞职请求的决定', null, null],
      ['001', '吉林省人民代表大会常务委员会决定免职名单', null, null],
      ['001', '《吉林省人民政府公报》简介', null, null],
      ['002', '吉林市生态环境保护"十四五"规划', null, null],
      ['003', '砥砺奋进 建设形神兼备的新时代新江城', null, null],
      ['003', '中共吉林市委 吉林市人民政府关于印发《美丽江城建设规划(2024—2035年)》的通知', null, '2024-12-03'],
      ['003', '美丽江城建设规划(2024—2035年)', null, '2024-12-03'],
      ['003', '关于印发《关于加强低收入人口动态监测做好分层分类社会救助工作具体帮扶措施》的通知', null, '2024-09-30'],
      ['003', '关于加强低收入人口动态监测做好分层分类社会救助工作具体帮扶措施', null, '2024-09-30'],
      ['004', '吉林省人民政府办公厅关于进一步加强县级政府生态建设和环境保护职能作用的意见', '吉政办发〔2016〕56号', '2016-07-15'],
    ]);
  });

  it('names issuers from signatures, order headers and titles', () => {
    const issuers = (t: string) => corpus.documents.find((d) => d.doc.title === t)!.doc.issuers;
    expect(issuers('吉林省人民政府令第261号')).toEqual(['吉林省人民政府']);
    expect(issuers('中共吉林省委办公厅 吉林省人民政府办公厅关于激发人才活力支持人才服务乡村振兴的政策措施')).toEqual(['中共吉林省委办公厅', '吉林省人民政府办公厅']);
    expect(issuers('中共吉林市委 吉林市人民政府关于印发《美丽江城建设规划(2024—2035年)》的通知')).toEqual(['中共吉林市委', '吉林市人民政府']);
    expect(issuers('关于印发《关于加强低收入人口动态监测做好分层分类社会救助工作具体帮扶措施》的通知')).toEqual([]);
    expect(issuers('吉林省环境保护“十三五”规划')).toEqual(['吉林省人民政府办公厅']);
  });

  it('links carried plans and regulations to the notice or order that carries them, both ways', () => {
    const carried = corpus.documents.filter((d) => d.carriedBy).map((d) => [d.doc.title, bySlug.get(d.carriedBy!)!.doc.docNumber ?? bySlug.get(d.carriedBy!)!.doc.title]);
    expect(carried).toContainEqual(['吉林省公安机关警务辅助人员管理办法', '吉林省人民政府令第261号']);
    expect(carried).toContainEqual(['吉林省环境保护“十三五”规划', '吉政办发〔2017〕7号']);
    expect(bySlug.get('jzbf-2021-10')!.carries).toHaveLength(3);
    for (const d of corpus.documents) for (const c of d.carries) expect(bySlug.get(c)!.carriedBy).toBe(d.slug);
  });

  it('reads the regulation as 7 chapters and 33 articles with items', () => {
    const reg = corpus.documents.find((d) => d.doc.title === '吉林省公安机关警务辅助人员管理办法')!;
    expect(reg.doc.body.filter((n) => n.type === 'section' && n.kind === 'chapter')).toHaveLength(7);
    const ids = blocksOf(readContentDocuments().get(reg.slug)!).filter((b) => b.type === 'section').map((b) => b.id);
    expect(ids.filter((id) => /^article-\d+$/.test(id!))).toHaveLength(33);
    expect(ids).toContain('article-33');
    expect(ids).toContain('article-9-item-9');
    expect(ids).toContain('chapter-7');
  });

  it('reads each gazette issue’s masthead and links its 目录', () => {
    const issues = JSON.parse(readFileSync(join(CONTENT, 'issues.json'), 'utf8')) as Issue[];
    const i2017 = issues.find((i) => i.year === 2017)!;
    expect([i2017.issue, i2017.cumulative, i2017.date, i2017.frequency]).toEqual(['8', { label: '复总', number: 748 }, '2017-04-30', '半月刊']);
    const i2024 = issues.find((i) => i.year === 2024)!;
    expect([i2024.issue, i2024.cumulative, i2024.date, i2024.frequency]).toEqual(['11-12', { label: '总', number: 262 }, '2025-01-15', '月刊']);
    // 000's 卷首语 and 高层观点 are listed but their bodies are not in the source.
    expect(i2017.toc.filter((t) => !t.document).map((t) => t.section)).toEqual(['卷首语', '高层观点', '高层观点', '高层观点', '高层观点', '政务要闻']);
    expect(i2017.toc.find((t) => t.docNumber === '吉政办发〔2017〕7号')).toMatchObject({ page: '15', document: 'jzbf-2017-7' });
    // 003's 卷首语 body is present and linked.
    expect(i2024.toc[0]).toMatchObject({ section: '卷首语', page: '1' });
    expect(i2024.toc[0]!.document).toBeDefined();
    for (const issue of issues) expect(issue.unplaced).toEqual([]);
  });
});

describe('fidelity: no text lost', () => {
  const documents = readContentDocuments();
  const issues = JSON.parse(readFileSync(join(CONTENT, 'issues.json'), 'utf8')) as Issue[];
  const strip = (s: string) => s.replace(/\s+/g, '');

  for (const seed of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    it(`every normalised line of ${seed} is carried by the collections`, () => {
      const decoded = decodeSource(seed, readFileSync(join(SEEDS, seed)));
      if (!decoded.ok) throw new Error(decoded.diagnostic.message);
      const issue = issues.find((i) => i.source.file === seed);
      const carried: string[] = [];
      for (const document of documents.values()) if (document.source.file === seed) carried.push(...textsOfDocument(document));
      if (issue) for (const l of [...issue.masthead, ...issue.editorial, ...issue.unplaced]) carried.push(l.text);
      const haystack = strip(carried.join('\n'));
      const tocLines = new Set<number>();
      for (const t of issue?.toc ?? []) for (let n = t.source.start; n <= t.source.end; n++) tocLines.add(n);
      let total = 0;
      let found = 0;
      const missing: string[] = [];
      for (const line of normaliseLines(decoded.source)) {
        const text = strip(line.text);
        if (tocLines.has(line.span.start) || (issue?.toc.some((t) => t.section === line.text) ?? false)) continue; // 目录: shown on the issue page
        total += text.length;
        if (haystack.includes(text)) found += text.length;
        else missing.push(`${seed}:${line.span.start} ${line.text.slice(0, 40)}`);
      }
      console.log(`fidelity ${seed}: ${((100 * found) / total).toFixed(2)}% of ${total} characters`);
      expect(missing).toEqual([]);
    });
  }
});

describe('content/ is what ingest produces today', () => {
  it('matches byte for byte, with no stale files', () => {
    const expected = renderCorpus(seedCorpus());
    const onDisk = new Map<string, string>();
    const perDocument = (path: string): boolean => DOCUMENT_FILE_DIRS.some((dir) => path.startsWith(`${dir}/`));
    for (const path of expected.keys()) if (!perDocument(path) && existsSync(join(CONTENT, path))) onDisk.set(path, readFileSync(join(CONTENT, path), 'utf8'));
    for (const dir of DOCUMENT_FILE_DIRS) for (const f of readdirSync(join(CONTENT, dir))) onDisk.set(`${dir}/${f}`, readFileSync(join(CONTENT, dir, f), 'utf8'));
    expect([...onDisk.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(onDisk.get(path), `${path} is stale: run npm run ingest`).toBe(text);
  });
  it('is deterministic', () => {
    const a = renderCorpus(seedCorpus());
    const b = renderCorpus(ingestCorpus(readSeeds(SEEDS), readRegistry(CONTENT)));
    expect([...b]).toEqual([...a]);
  });
});
