import { z } from 'astro/zod';

/** Where a piece of text came from: a seed file and an inclusive, 1-based line range. */
export const SourceSpanSchema = z.object({
  /** Seed file name, relative to seeds/. */
  file: z.string().min(1),
  /** First source line (1-based). */
  start: z.number().int().min(1),
  /** Last source line (inclusive). */
  end: z.number().int().min(1),
});
export type SourceSpan = z.output<typeof SourceSpanSchema>;

/** One line of text kept verbatim (after normalisation) with its source line range. */
export const SourceTextSchema = z.object({
  /** The text as shown on the page. */
  text: z.string(),
  /** First source line (1-based). */
  start: z.number().int().min(1),
  /** Last source line (inclusive). */
  end: z.number().int().min(1),
});
export type SourceText = z.output<typeof SourceTextSchema>;
