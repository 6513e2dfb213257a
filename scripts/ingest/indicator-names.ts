/**
 * Indicator names as written → registry entries. A name is folded (spaces dropped, bracket and
 * numeral widths unified, PM_{2.5} → PM2.5), its unit bracket split off ((%), (微克/立方米)),
 * a leading place (全省, 吉林市) set apart, and a trailing 达到 dropped; what remains must be
 * the registry's name or one of its aliases exactly. Nothing else is tried: a name that does
 * not match is reported, never guessed.
 */
import type { Indicator } from '../../src/schemas/indicator.ts';

const ROMAN: Record<string, string> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI' };

/** Something foldName would change: a space, a full-width bracket or digit, a Roman numeral, a curly quote, PM_{2.5} in any case, <sub>. */
const FOLDABLE = /[\s\u3000（）０-９ⅠⅡⅢⅣⅤⅥ“”„‟「」『』]|pm_?\{?2\.5|<\/?sub>/i;

/** Spaces out, （）→(), ０-９ → 0-9, Ⅲ → III, “”「」 → ", PM _{2.5} → PM2.5, γ kept. */
export function foldName(s: string): string {
  return FOLDABLE.test(s) ? foldNameRules(s) : s;
}

/** foldName's replacements, all of them: what foldName gives when its quick test lets a name through. */
export function foldNameRules(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[ⅠⅡⅢⅣⅤⅥ]/g, (c) => ROMAN[c]!)
    .replace(/[“”„‟「」『』]/g, '"')
    .replace(/PM_?\{?2\.5\}?/gi, 'PM2.5')
    .replace(/<\/?sub>/g, '');
}

/** A unit in brackets after a name: %, ‰, or words of measure (万吨/年, 微克/立方米, 纳戈瑞/小时, 个, 天, 分贝). */
const UNIT_WORD = '(?:[万千亿百]?(?:吨|立方米|平方米|平方千米|平方公里|公顷|亩|元|千瓦|千瓦时|标准煤|个|座|处|家|台|辆|人|户|次|项|天|公里|千米|米|分贝|纳戈瑞|微克|毫克|克|升|小时|年|吨标准煤))';
export const UNIT = new RegExp(`^(?:%|‰|个百分点|μg/m³|mg/m³|dB\\(A\\)|${UNIT_WORD}(?:/${UNIT_WORD})*)$`);

/** Units folded for comparison: μg/m³ is 微克/立方米. */
export function foldUnit(unit: string): string {
  const u = foldName(unit);
  if (/^μg\/m[³3]$/i.test(u)) return '微克/立方米';
  if (/^mg\/m[³3]$/i.test(u)) return '毫克/立方米';
  return u;
}

export function isUnit(s: string): boolean {
  return UNIT.test(foldName(s));
}

/** Split a trailing unit bracket: 细颗粒物(PM2.5)年均浓度(微克/立方米) → name + 微克/立方米. Other brackets stay. */
export function splitUnit(folded: string): { name: string; unit?: string } {
  const m = /^(.*?)\(([^()]+)\)$/.exec(folded);
  if (m && m[1] && isUnit(m[2]!)) return { name: m[1], unit: foldUnit(m[2]!) };
  return { name: folded };
}

/** Leading words that say where, not what: 全省, 全市, 我省, 本市, or a place of the registry. */
const REGION_WORDS = /^(?:全省|全市|全州|全县|全区|全国|我省|我市|本省|本市)/;

export function splitRegion(folded: string, places: string[]): { name: string; region?: string } {
  const w = REGION_WORDS.exec(folded);
  if (w) return { name: folded.slice(w[0].length), region: w[0] };
  // Not a list of places (长春市、吉林市、四平市…): that is part of what the name says.
  const place = [...places].sort((a, b) => b.length - a.length).find((p) => folded.startsWith(p) && folded.length > p.length && !/^[、，和及等]/.test(folded.slice(p.length)));
  return place ? { name: folded.slice(place.length), region: place } : { name: folded };
}

export interface NameParts {
  /** The name as written, spaces folded. */
  written: string;
  /** What is matched against the registry. */
  key: string;
  unit?: string;
  /** A place the name starts with (吉林市), or a region word (全省). */
  region?: string;
}

/** Fold a name and take off its unit, its place and a trailing 达到 (受污染耕地安全利用率达到(%)). */
export function nameParts(written: string, places: string[]): NameParts {
  const folded = foldName(written);
  const { name, unit } = splitUnit(folded);
  const r = splitRegion(name, places);
  const key = r.name.replace(/(?:达到|要达到)$/, '');
  const out: NameParts = { written: written.replace(/\s+/g, ''), key };
  if (unit) out.unit = unit;
  if (r.region) out.region = r.region;
  return out;
}

/** How a registry name or alias is compared: folded, without a unit bracket. */
export const registryKey = (name: string): string => splitUnit(foldName(name)).name;

/** name → indicator, over the canonical names and every alias, folded (validate.ts refuses a key shared by two indicators). */
export class IndicatorMatcher {
  private readonly byKey = new Map<string, Indicator>();
  readonly places: string[];

  constructor(indicators: Indicator[], places: string[] = []) {
    this.places = places;
    for (const ind of indicators)
      for (const n of [ind.name, ...ind.aliases]) {
        const key = registryKey(n);
        if (!this.byKey.has(key)) this.byKey.set(key, ind);
      }
  }

  match(key: string): Indicator | undefined {
    return this.byKey.get(key);
  }
}
