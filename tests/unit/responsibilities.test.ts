import { describe, expect, it } from 'vitest';
import { defaultActorNote, findClauses, findMentions, foldName, isCollective, parentheticals } from '../../scripts/ingest/responsibilities.ts';
import { matchDepartment } from '../../scripts/ingest/departments.ts';
import { readRegistry } from '../../scripts/ingest/cli.ts';
import { CONTENT } from '../support/corpus.ts';

const actors = (text: string) => findClauses(text).flatMap((c) => c.actors.map((a) => `${a.role}:${a.collective ? '*' : ''}${a.name}`));

describe('responsibility clauses', () => {
  it('reads lead and participants, full- or half-width', () => {
    expect(actors('加强监管。（省生态环境厅牵头，省公安厅、省林草局参与）')).toEqual(['lead:省生态环境厅', 'participant:省公安厅', 'participant:省林草局']);
    expect(actors('加强监管.(省生态环境厅牵头,省公安厅参与)')).toEqual(['lead:省生态环境厅', 'participant:省公安厅']);
  });
  it('keeps nested brackets inside names and folds their variants and OCR spaces', () => {
    expect(parentheticals('任务(市发改委、各县(市)区政府按职责分工负责)')).toHaveLength(1);
    expect(actors('任务(市发改委、市生态环 境局、各县[市]区政府、各开发区 管委会按职责分工负责)')).toEqual(['responsible:市发改委', 'responsible:市生态环境局', 'responsible:*各县（市）区政府', 'responsible:*各开发区管委会']);
    expect(foldName('各县〔市〕区政府')).toBe(foldName('各县[市]区政府'));
  });
  it('reads 牵头负责, 等部门, and a list that takes the role of the list after it', () => {
    expect(actors('（长春市政府牵头负责）')).toEqual(['lead:长春市政府']);
    expect(actors('(省林草局、省自然资源厅等按职责分工负责)')).toEqual(['responsible:省林草局', 'responsible:省自然资源厅']);
    expect(actors('(市水利局、市农业农村局等河长制成员单位,各县〔市〕区政府按职责分工负责)')).toEqual(['responsible:市水利局', 'responsible:市农业农村局', 'responsible:*各县（市）区政府']);
    expect(actors('(省发展改革委和各相关部门按职责分工负责)')).toEqual(['responsible:省发展改革委', 'responsible:*各相关部门']);
    expect(actors('(省工业和信息化厅负责)')).toEqual(['responsible:省工业和信息化厅']);
  });
  it('treats groups as collective actors, not departments', () => {
    for (const name of ['各市（州）政府', '各开发区管委会', '各相关部门', '市直相关部门', '有各类产业发展专项资金的部门', '县级政府']) expect(isCollective(name), name).toBe(true);
    for (const name of ['省生态环境厅', '长春市政府', '团省委']) expect(isCollective(name), name).toBe(false);
  });
  it('reads the standing note apart from the clause', () => {
    const text = '全面推进。（省农业农村厅负责，各市、县级政府负责落实。以下任务均需各地政府负责落实，不再列出）';
    expect(actors(text)).toEqual(['responsible:省农业农村厅', 'responsible:*各市', 'responsible:*县级政府']);
    expect(defaultActorNote(text)).toEqual({ name: '各地政府', role: 'responsible', collective: true });
  });
  it('ignores parentheticals that assign nothing', () => {
    expect(findClauses('各市（州）政府（包括长白山管委会及梅河口市）')).toEqual([]);
  });
});

describe('mentions in running text', () => {
  it('records "X部门要…" and both sides of "A会同B…", outside clauses, never 要求', () => {
    const text = '工业和信息化部门要指导落实淘汰落后产能。市生态环境局会同市发改、住建等有关部门制定方案。各地要求严格执行。（市水利局牵头，市财政局配合）';
    expect(findMentions(text).map((m) => [m.actor.name, m.actor.collective])).toEqual([
      ['工业和信息化部门', true],
      ['市生态环境局', false],
      ['市发改、住建等有关部门', true],
    ]);
  });
});

describe('registry matching', () => {
  const registry = readRegistry(CONTENT)!;
  const jilinsheng = registry.governments.find((g) => g.id === '吉林省')!;
  const jilinshi = registry.governments.find((g) => g.id === '吉林市')!;
  it('lands a department’s aliases on one entry', () => {
    expect(matchDepartment('省发改委', jilinsheng, registry)!.id).toBe(matchDepartment('省发展改革委', jilinsheng, registry)!.id);
    expect(matchDepartment('省发展改革委', jilinsheng, registry)!.name).toBe('吉林省发展和改革委员会');
  });
  it('reads 省 and 市 relative to the document’s government', () => {
    expect(matchDepartment('市生态环境局', jilinshi, registry)!.name).toBe('吉林市生态环境局');
    expect(matchDepartment('省生态环境厅', jilinshi, registry)!.name).toBe('吉林省生态环境厅');
    expect(matchDepartment('市生态环境局', jilinsheng, registry)).toBeUndefined();
  });
  it('keeps no collective actor in the registry', () => {
    expect(registry.departments.filter((d) => d.aliases.some(isCollective))).toEqual([]);
  });
});
