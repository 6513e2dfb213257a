/** Document numbers (文号) in their canonical form: 〔〕 brackets, half-width digits, no spaces. */
import { DOC_NUMBER } from './patterns.ts';

/** Normalise the first document number in `s`: 吉政办发[2017]7号 / 吉政办发（２０１７）７号 → 吉政办发〔2017〕7号. */
export function normaliseDocNumber(s: string): string | undefined {
  const folded = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = DOC_NUMBER.exec(folded);
  if (!m) return undefined;
  const serial = m[3]!.replace(/\s+/g, '').replace(/[—－–]/g, '-');
  return `${m[1]}〔${m[2]}〕${serial}${m[4]}`;
}

/** Order numbers: 吉林省人民政府令 第261号, 吉政令第261号 → { issuer, serial }. */
export function parseOrderNumber(s: string): { issuer: string; serial: number } | undefined {
  const m = /([\p{Script=Han}]{1,16}令)\s*第\s*(\d+)\s*[号號]/u.exec(s);
  return m ? { issuer: m[1]!, serial: Number(m[2]) } : undefined;
}
