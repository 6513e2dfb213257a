import { z } from 'astro/zod';

/** A periodical that publishes issues, e.g. 吉林省人民政府公报. */
export const PublicationSchema = z.object({
  /** URL-safe id, from the masthead's romanised name or the name's pinyin (never from a file name). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Name as printed on the masthead. */
  name: z.string().min(1),
  /** Romanised name printed on the masthead, if any (JILINSHENG RENMIN ZHENGFU GONGBAO). */
  nameLatin: z.string().optional(),
  /** Sponsoring body (…主办), if printed. */
  sponsor: z.string().optional(),
  /** Frequency as printed: 半月刊, 月刊 … (from the most recent issue that states it). */
  frequency: z.string().optional(),
});
export type Publication = z.output<typeof PublicationSchema>;
