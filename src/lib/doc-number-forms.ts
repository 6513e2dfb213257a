// The ways people type a document number, for /wh/ lookup pages: 吉政办发〔2017〕7号 is also
// written with [ ], ( ), （ ）, 【 】 or ［ ］ around the year.
const BRACKETS: Array<[string, string]> = [['〔', '〕'], ['[', ']'], ['(', ')'], ['（', '）'], ['【', '】'], ['［', '］']];

/** Every bracket form of a normalised number; numbers without a year bracket have one form. */
export function docNumberForms(docNumber: string): string[] {
  const m = /^(.+)〔(\d{4})〕(.+)$/.exec(docNumber);
  if (!m) return [docNumber];
  return BRACKETS.map(([open, close]) => `${m[1]}${open}${m[2]}${close}${m[3]}`);
}
