/**
 * Who is answerable for each task: responsibility clauses of every document resolved against
 * the hand-kept registry (content/registry/). Relative names are read in the document's
 * jurisdiction (省发改委 in a 吉林省 document → 吉林省发展和改革委员会; 市生态环境局 in a 吉林市 plan
 * → 吉林市生态环境局). Names the registry does not know are reported, never guessed.
 */
import type { Assignment, Department, Government } from '../../src/schemas/department.ts';
import type { Diagnostic } from './types.ts';
import type { CorpusDoc } from './pipeline.ts';
import { textSlots, type TextSlot } from './body-text.ts';
import { defaultActorNote, findClauses, findMentions, type ClauseActor } from './responsibilities.ts';

export interface Registry {
  governments: Government[];
  departments: Department[];
}

/** A link from an actor's name in the text to its department page. */
export interface ActorRef {
  anchor: string;
  field: 'text' | 'title';
  start: number;
  end: number;
  department: string;
}

/** The government a document speaks for: the first registry government its issuers or title name. */
export function jurisdictionOf(doc: CorpusDoc, registry: Registry): Government | undefined {
  const places = [...registry.governments].sort((a, b) => b.id.length - a.id.length);
  for (const text of [...doc.doc.issuers, doc.doc.title]) {
    const hit = places.find((g) => text.includes(g.id));
    if (hit) return hit;
  }
  return undefined;
}

/** Resolve one name in a jurisdiction. */
export function matchDepartment(name: string, gov: Government | undefined, registry: Registry): Department | undefined {
  const byGov = (g: string | undefined) => registry.departments.filter((d) => d.government === g);
  const province = gov?.level === 'province' ? gov.id : gov?.parent;
  const city = gov?.level === 'city' ? gov.id : undefined;
  // Relative names: 省… belongs to the province, 市… to the city the document speaks for.
  if (/^省/.test(name)) return byGov(province).find((d) => d.aliases.includes(name));
  if (/^市/.test(name)) return city ? byGov(city).find((d) => d.aliases.includes(name)) : undefined;
  // Absolute names (吉林银保监局, 长春市政府, 团省委): the canonical name anywhere, or an alias in this jurisdiction.
  return registry.departments.find((d) => d.name === name) ?? [...byGov(city), ...byGov(province)].find((d) => d.aliases.includes(name)) ?? registry.departments.find((d) => d.aliases.includes(name) && !/^[省市县]/.test(name));
}

/** The pattern that finds a folded name as written: spaces and bracket variants allowed. */
function namePattern(name: string): RegExp {
  const pattern = [...name].map((c) => (c === '（' ? '[（(〔\\[［【]' : c === '）' ? '[）)〕\\]］】]' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\\s*');
  return new RegExp(pattern, 'gu');
}

/** Where `name` (folded) stands in `text` between from and to; `patterns` keeps each name's regex (built once per name, not per occurrence). */
function locate(text: string, name: string, from: number, to: number, patterns: Map<string, RegExp>): { start: number; end: number } | undefined {
  let re = patterns.get(name);
  if (!re) patterns.set(name, (re = namePattern(name)));
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index + m[0].length <= to ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** The task's words: its text without the clause, shortened. */
function taskText(text: string, start: number, end: number): string {
  const t = (text.slice(0, start) + text.slice(end)).trim();
  // Up to 80 UTF-16 units is up to 80 characters; a longer text is counted by code point only as
  // far as the 81st (spreading it into an array of characters cost more than the rest of the stage).
  if (t.length <= 80) return t;
  let count = 0;
  let cut = 0;
  for (let i = 0; i < t.length; count++) {
    if (count === 78) cut = i;
    if (count === 80) return `${t.slice(0, cut)}…`;
    i += t.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return t;
}

export function assignResponsibilities(documents: CorpusDoc[], registry: Registry | undefined, diagnostics: Diagnostic[]): Assignment[] {
  const out: Assignment[] = [];
  // The same few hundred names recur in every document: resolve each (name, jurisdiction) once.
  const matched = new Map<string, Department | undefined>();
  const match = (name: string, gov: Government | undefined, reg: Registry): Department | undefined => {
    const key = `${gov?.id ?? ''}\u0000${name}`;
    if (!matched.has(key)) matched.set(key, matchDepartment(name, gov, reg));
    return matched.get(key);
  };
  // One closure for the whole corpus, not one per passage: under tsx, which ran ingest before,
  // esbuild's keepNames renamed each closure created with Object.defineProperty, which cost more
  // than the rest of the loop; one closure is still the cheaper shape.
  const add = (d: CorpusDoc, gov: Government | undefined, slot: TextSlot, actor: ClauseActor, implicit: boolean, task: string): Assignment => {
    const line = slot.span.start;
    const dep = !actor.collective && registry ? match(actor.name, gov, registry) : undefined;
    if (registry && !actor.collective && !dep)
      diagnostics.push({ file: d.doc.span.file, line, rule: 'departments/unmatched', message: `no registry entry for ${actor.name}${gov ? ` in ${gov.id}` : ''}`, severity: 'warning' });
    const a: Assignment = { actor: actor.name, collective: actor.collective, role: actor.role, implicit, document: d.slug, anchor: slot.anchor, task, line };
    if (dep) a.department = dep.id;
    if (slot.top) a.part = slot.top.anchor;
    out.push(a);
    return a;
  };
  const patterns = new Map<string, RegExp>();
  for (const d of documents) {
    d.actorRefs = [];
    const gov = registry ? jurisdictionOf(d, registry) : undefined;
    let standing: ClauseActor | undefined;
    for (const slot of textSlots(d.doc.body)) {
      const clauses = findClauses(slot.text);
      for (const c of clauses) {
        const task = taskText(slot.text, c.start, c.end);
        let at = c.start;
        for (const actor of c.actors) {
          const a = add(d, gov, slot, actor, false, task);
          const where = locate(slot.text, actor.name, at, c.end, patterns);
          if (where) {
            at = where.end;
            if (a.department) d.actorRefs.push({ anchor: slot.anchor, field: slot.field, start: where.start, end: where.end, department: a.department });
          }
        }
        for (const u of c.unparsed)
          diagnostics.push({ file: d.doc.span.file, line: slot.span.start, rule: 'departments/unparsed', message: `clause part names no role or no body: ${u}`, severity: 'warning' });
      }
      // Bodies named in the running text (X部门要…, A会同B…): mentions, linked when the registry knows them.
      const mentions = findMentions(slot.text, clauses);
      const whole = mentions.length ? taskText(slot.text, 0, 0) : '';
      for (const m of mentions) {
        const dep = !m.actor.collective && registry ? match(m.actor.name, gov, registry) : undefined;
        const a: Assignment = { actor: m.actor.name, collective: m.actor.collective || !dep, role: 'mention', implicit: false, document: d.slug, anchor: slot.anchor, task: whole, line: slot.span.start };
        if (dep) {
          a.department = dep.id;
          d.actorRefs.push({ anchor: slot.anchor, field: slot.field, start: m.start, end: m.end, department: dep.id });
        }
        if (slot.top) a.part = slot.top.anchor;
        out.push(a);
      }
      // A standing note (以下任务均需各地政府负责落实，不再列出) adds its actor to every later task.
      if (standing && clauses.length > 0) add(d, gov, slot, standing, true, taskText(slot.text, clauses[0]!.start, clauses[0]!.end));
      standing = defaultActorNote(slot.text) ?? standing;
    }
  }
  return out;
}
