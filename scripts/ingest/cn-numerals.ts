/** Chinese numerals → integers: 三十三 → 33, 一百零五 → 105, 两千 → 2000; Arabic digits pass through. */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function parseCnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '' || ![...s].every((c) => c in DIGITS || c in UNITS)) return undefined;
  let total = 0;
  let digit = 0;
  let sawDigit = false;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
      sawDigit = true;
    } else {
      const unit = UNITS[c]!;
      total += (sawDigit ? digit : 1) * unit; // 十三 = 13: a unit without a digit before it counts once
      digit = 0;
      sawDigit = false;
    }
  }
  return total + digit;
}
