// The ways people type a document number, for /wh/ lookup pages: 吉政办发〔2017〕7号 is also
// written with [ ], ( ), （ ）, 【 】 or ［ ］ around the year.
const BRACKETS: Array<[string, string]> = [['〔', '〕'], ['[', ']'], ['(', ')'], ['（', '）'], ['【', '】'], ['［', '］']];

/** A normalised number's parts around its bracketed year: 吉政办发 · 2017 · 7号. */
const WITH_YEAR = /^(.+)〔(\d{4})〕(.+)$/;

/** Every bracket form of a normalised number; numbers without a year bracket have one form. */
export function docNumberForms(docNumber: string): string[] {
  const m = WITH_YEAR.exec(docNumber);
  if (!m) return [docNumber];
  return BRACKETS.map(([open, close]) => `${m[1]}${open}${m[2]}${close}${m[3]}`);
}

/** The year a normalised number is filed under (吉政办发〔2017〕7号 → 2017); an order number (…令第261号) has none. */
export function docNumberYear(docNumber: string): number | undefined {
  const m = WITH_YEAR.exec(docNumber);
  return m ? Number(m[2]) : undefined;
}
