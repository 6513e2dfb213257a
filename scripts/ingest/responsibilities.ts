/**
 * Responsibility clauses: who leads (牵头), who is responsible (负责, 按职责分工负责) and who
 * takes part (参与, 配合) in the task a clause follows:
 * （省生态环境厅牵头，省公安厅、省林草局参与）, (市发改委、各县[市]区政府按职责分工负责).
 * Actors are read as written (OCR spaces and bracket variants folded); matching them to the
 * department registry happens later, with every unmatched name reported.
 */

export type Role = 'lead' | 'responsible' | 'participant' | 'mention';

export interface ClauseActor {
  /** The name as it stands in the clause, whitespace removed, brackets folded to （）. */
  name: string;
  role: Role;
  /** 各市（州）政府, 各相关部门, 市直有关部门 …: a group, never a department page. */
  collective: boolean;
}

export interface Clause {
  /** Offsets of the parenthetical in the text, brackets included. */
  start: number;
  end: number;
  /** The clause text without its outer brackets. */
  text: string;
  actors: ClauseActor[];
  /** Parts that named no role or no actor; reported, never guessed. */
  unparsed: string[];
}

/** Top-level parentheticals of a text, nested brackets (各县(市)区政府) kept inside. */
export function parentheticals(text: string): Array<{ start: number; end: number; inner: string }> {
  const out: Array<{ start: number; end: number; inner: string }> = [];
  const stack: number[] = [];
  // Jump from bracket to bracket: most of a long text has none.
  for (const m of text.matchAll(/[（(）)]/g)) {
    const i = m.index;
    if (m[0] === '（' || m[0] === '(') stack.push(i);
    else {
      // Full- and half-width brackets are mixed freely in OCR text: any opener closes.
      const open = stack.pop();
      if (open !== undefined && stack.length === 0) out.push({ start: open, end: i + 1, inner: text.slice(open + 1, i) });
    }
  }
  return out;
}

/** Role words, longest first; the actor list is whatever precedes one. */
const ROLE_WORDS: Array<[RegExp, Role]> = [
  [/(?:牵头负责|牵头落实|牵头实施|牵头指导|牵头)$/, 'lead'],
  [/(?:按职责分工负责|按职责分工落实|按职责负责|分工负责|共同负责|具体负责|负责落实|负责实施|负责)$/, 'responsible'],
  [/(?:参与实施|配合实施|参与|配合|协助)$/, 'participant'],
];

/** Issuing bodies end like this; 和/及/与 between two of them separates two names (not 工业和信息化厅). */
const BODY_END = /[局厅委办府会院司行台部署门处室团社所站队心]$/;

/** Split an actor list on 、 and on 和/及/与/会同 where both sides are whole bodies. */
function splitActors(list: string): string[] {
  return list
    .split(/、|会同/)
    .flatMap((piece) => {
      const m = /^(.{2,}?)[和及与](.{3,})$/.exec(piece);
      return m && BODY_END.test(m[1]!) && BODY_END.test(m[2]!) ? [m[1]!, m[2]!] : [piece];
    });
}

/** Does this parenthetical assign responsibilities (rather than explain, e.g. 含长白山管委会)? */
export function isResponsibilityClause(inner: string): boolean {
  return /(牵头|负责|参与|配合)/.test(inner) && inner.length <= 200;
}

/** The standing note inside a clause (…。以下任务均需各地政府负责落实，不再列出): read separately. */
const STANDING_NOTE = /以下(?:任务|工作)?均(?:需|由)?([\p{Script=Han}（）()〔〕\[\]]{2,20}?)(?:负责落实|负责|落实)[，,]?不再(?:一一)?列出/u;

/** Fold a name as written: drop spaces, unify the brackets inside it (各县〔市〕区 / 各县[市]区 → 各县（市）区). */
export function foldName(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[〔［\[【(]/g, '（')
    .replace(/[〕］\]】)]/g, '）')
    .replace(/^(?:由|请|和|及|与)/, '');
}

/** A group of bodies rather than one: 各…, …相关部门/有关部门, 各地政府, 市直…部门. */
export function isCollective(name: string): boolean {
  return /^各/.test(name) || /级政府$/.test(name) || /(相关|有关)(部门|单位)$/.test(name) || /^(市直|省直|县直)/.test(name) || /^(相关|有关)/.test(name) || /^有.*的(部门|单位)$/.test(name) || /^开发区/.test(name);
}

/** Parse one clause body into actors with roles. A list without a role word takes the role of the list after it (…等河长制成员单位,各县区政府按职责分工负责). */
export function parseClause(inner: string): Pick<Clause, 'actors' | 'unparsed'> {
  const actors: ClauseActor[] = [];
  const unparsed: string[] = [];
  let waiting: string[] = [];
  for (const rawPart of inner.split(/[，,；;。]/)) {
    const part = rawPart.replace(/\s+/g, '');
    if (!part) continue;
    // A role word ends the part and is at most seven characters long: look only at the tail
    // (the unanchored patterns were otherwise tried from every character of a long part).
    const tail = part.slice(-8);
    const role = ROLE_WORDS.find(([re]) => re.test(tail));
    const names = splitActors(role ? part.slice(0, part.length - role[0].exec(tail)![0].length) : part)
      .map((n) => foldName(n).replace(/等(?:相关)?(?:[\p{Script=Han}]{0,8}?成员单位|部门|单位)?$/u, ''))
      .filter((n) => n.length >= 2);
    if (!role) {
      if (names.length) waiting.push(...names);
      else unparsed.push(part);
      continue;
    }
    if (names.length === 0) {
      unparsed.push(part);
      continue;
    }
    for (const name of [...waiting, ...names]) actors.push({ name, role: role[1], collective: isCollective(name) });
    waiting = [];
  }
  unparsed.push(...waiting);
  return { actors, unparsed };
}

export function findClauses(text: string): Clause[] {
  return parentheticals(text)
    .filter((p) => isResponsibilityClause(p.inner))
    .map((p) => ({ start: p.start, end: p.end, text: p.inner, ...parseClause(p.inner.includes('不再') ? p.inner.replace(STANDING_NOTE, '') : p.inner) }));
}

/** 以下任务均需各地政府负责落实，不再列出: every later task of the document also has this actor. */
export function defaultActorNote(text: string): ClauseActor | undefined {
  const m = text.includes('不再') ? STANDING_NOTE.exec(text) : null; // asked of every passage; the note always says 不再
  if (!m) return undefined;
  const name = foldName(m[1]!);
  return { name, role: 'responsible', collective: isCollective(name) || /^各/.test(name) || /各地/.test(name) };
}

/** A body named in running text rather than in a clause: "X部门要…", "A会同B…". */
export interface Mention {
  start: number;
  end: number;
  actor: ClauseActor;
}

const DEPT_END = '(?:部门|厅|局|委|办|机关)';
/** Where "…部门要" (not 要求) or "…会同…" can start: found first, so the name patterns run only there. */
const MUST_AT = new RegExp(`${DEPT_END}要(?!求)`, 'gu');
/** 工业和信息化部门要指导…, 省直各有关部门要…: the name ending right before 要. */
const MUST_NAME = new RegExp(`((?:[\\p{Script=Han}]{1,8}、)*[\\p{Script=Han}]{1,14}?${DEPT_END})$`, 'u');
/** 市生态环境局会同市发改、住建等有关部门…: both sides. */
const TOGETHER = new RegExp(`([\\p{Script=Han}]{2,14}?${DEPT_END})会同((?:[\\p{Script=Han}]{1,10}、)*[\\p{Script=Han}]{1,16}?${DEPT_END})`, 'gu');

/** Leading function words belong to the sentence, not the name (由…, 及时…). */
const LEAD_WORDS = /^(?:由|并|及时|同时|要求|其中|对|在|和|与|及)+/;

// A module-level helper rather than a closure per call: findMentions runs for every passage, and
// tsx (esbuild keepNames) renames every closure it creates with Object.defineProperty, which cost
// more than the search itself.

/** The mention `raw` at offset `at` adds to `out`: its function words dropped, unless it is too short or lies in a clause. */
function pushMention(out: Mention[], raw: string, at: number, inClause: Clause[]): void {
  const lead = LEAD_WORDS.exec(raw)?.[0].length ?? 0;
  const name = foldName(raw.slice(lead));
  if (name.length < 2 || inClause.some((c) => c.start <= at && at < c.end)) return;
  out.push({ start: at + lead, end: at + raw.length, actor: { name, role: 'mention', collective: isCollective(name) || /(?:部门|机关)$/.test(name) } });
}

/** Mentions in a text outside its responsibility clauses (`inClause`: the text's clauses, when the caller already has them), recorded with role "mention". */
export function findMentions(text: string, inClause: Clause[] = findClauses(text)): Mention[] {
  const out: Mention[] = [];
  for (const at of text.matchAll(MUST_AT)) {
    const end = at.index + at[0].length - 1; // the 要
    const window = text.slice(Math.max(0, end - 120), end);
    const m = MUST_NAME.exec(window);
    if (m) pushMention(out, m[1]!, end - m[1]!.length, inClause);
  }
  if (!text.includes('会同')) return out.sort((a, b) => a.start - b.start);
  for (const m of text.matchAll(TOGETHER)) {
    pushMention(out, m[1]!, m.index, inClause);
    pushMention(out, m[2]!, m.index + m[1]!.length + 2, inClause);
  }
  return out.sort((a, b) => a.start - b.start);
}
