/**
 * Which shard each page of the search index goes into, kept from build to build.
 *
 * Cut by position alone, one new page moves every later shard boundary, and every shard must be
 * indexed again (at 10,005 documents, ~105 s of the index's ~170 s rebuild). Instead the previous
 * build's layout (its manifest, scripts/search-index/shard-store.ts) is kept: a shard whose pages
 * are all still there with the same HTML is reused as it was written; a shard with a page changed
 * or gone is indexed again with the pages it still has; new pages fill the last shard up to the
 * shard size, then new shards. With no usable manifest, pages are cut in URL order at the shard
 * size, as a first build always is.
 *
 * Pure: no I/O. The caller checks that a reused shard's bundle is still in the cache.
 */

/** A shard of the previous build, as its manifest records it. */
export interface ManifestShard {
  /** Its number: the bundle's path and language tag (build-search-index.ts, shardPath and shardLanguage). */
  id: number;
  /** Its pages, in catalog order, with the key of the HTML they were indexed from. */
  pages: Array<{ url: string; key: string }>;
  /** Each Pagefind record id of the bundle → the URL of its passage. */
  records: Record<string, string>;
}

export interface ShardManifest {
  /** What the bundles depend on besides the pages (the index's code, Pagefind's version and settings). */
  version: string;
  /** The block separator the passages were written with. */
  separator: string;
  /** The characters Pagefind was told are words: every bundle's entry lists them, and the browser splits queries by them. */
  include: string;
  shards: ManifestShard[];
}

export interface LayoutPlan {
  /** The pages in catalog order: the kept shards' pages shard by shard, then the new pages in URL order. */
  order: string[];
  /** The previous build's shards that still hold pages, with the URLs they keep, in order. */
  kept: Array<{ id: number; urls: string[]; reuse: boolean }>;
  /** How many pages are new (not in a kept shard): they come last in `order`. */
  added: number;
  /** Why the previous layout is not used; undefined when it is (or there was none). */
  discarded?: string;
}

/** A shard of this build. */
export interface ShardSlot {
  id: number;
  /** Reused as the previous build wrote it: its bundle is restored, not indexed again. */
  reuse: boolean;
  /** Its passages are written: it is indexed again, or it is the last kept shard and new pages may still go into it. */
  writes: boolean;
  /** Its pages' URLs, in catalog order. */
  urls: string[];
  units: number;
}

/**
 * Places pages into shards as they come, in the order planLayout gives: kept shards first, each
 * page into the shard it was in; then new pages into the last shard while it has room, then new
 * shards of at most `shardUnits` characters (a page is never split). Whether a new page fits in
 * the last shard is known only once its characters are counted, so when new pages are coming
 * the last shard's passages are written anyway, and it is reused only if none went into it.
 */
export class ShardLayout {
  readonly slots: ShardSlot[] = [];
  private readonly slotOfUrl = new Map<string, ShardSlot>();
  /** The shard new pages go into: the last kept one, then the newest. */
  private open: ShardSlot | undefined;
  private nextId: number;

  constructor(
    kept: LayoutPlan['kept'],
    private readonly shardUnits: number,
    newPages: boolean,
  ) {
    for (const shard of kept) {
      const slot: ShardSlot = { id: shard.id, reuse: shard.reuse, writes: !shard.reuse, urls: [], units: 0 };
      this.slots.push(slot);
      for (const url of shard.urls) this.slotOfUrl.set(url, slot);
    }
    this.open = this.slots.at(-1);
    if (this.open && newPages) this.open.writes = true;
    this.nextId = Math.max(-1, ...kept.map((s) => s.id)) + 1;
  }

  /** The shard a page goes into. */
  place(url: string, units: number): ShardSlot {
    let slot = this.slotOfUrl.get(url);
    if (slot === undefined) {
      if (this.open === undefined || (this.open.units > 0 && this.open.units + units > this.shardUnits)) {
        this.open = { id: this.nextId++, reuse: false, writes: true, urls: [], units: 0 };
        this.slots.push(this.open);
      }
      slot = this.open;
      slot.reuse = false;
    }
    slot.urls.push(url);
    slot.units += units;
    return slot;
  }

  /** The shards that hold pages, in catalog order (a kept shard whose pages are all gone holds none). */
  shards(): ShardSlot[] {
    return this.slots.filter((slot) => slot.urls.length > 0);
  }
}

/**
 * The previous layout applied to this build's pages (`pages` in URL order, each with its key):
 * the order to place them in and the kept shards to build a ShardLayout from. `hasBundle` says
 * whether a shard's bundle is still in the cache. The block separator is chosen after the pages
 * are read, so the caller indexes every kept shard again if it changed (`reindexAll`).
 */
export function planLayout(
  pages: ReadonlyArray<{ url: string; key: string }>,
  previous: ShardManifest | undefined,
  version: string,
  hasBundle: (id: number) => boolean,
): LayoutPlan {
  const fresh = (discarded?: string): LayoutPlan => ({ order: pages.map((p) => p.url), kept: [], added: pages.length, ...(discarded ? { discarded } : {}) });
  if (previous === undefined) return fresh();
  if (previous.version !== version) return fresh('the index code, Pagefind or its settings changed');
  const keyOf = new Map(pages.map((p) => [p.url, p.key]));
  const placed = new Set<string>();
  const kept: LayoutPlan['kept'] = [];
  for (const shard of previous.shards) {
    const urls = shard.pages.filter((p) => keyOf.has(p.url)).map((p) => p.url);
    for (const url of urls) placed.add(url);
    if (urls.length === 0) {
      // The first shard is the bundle the browser loads Pagefind from: it must exist.
      if (shard.id === 0) return fresh('every page of the first shard is gone');
      continue;
    }
    const unchanged = urls.length === shard.pages.length && shard.pages.every((p) => keyOf.get(p.url) === p.key);
    kept.push({ id: shard.id, urls, reuse: unchanged && hasBundle(shard.id) });
  }
  const added = pages.filter((p) => !placed.has(p.url)).map((p) => p.url);
  return { order: [...kept.flatMap((s) => s.urls), ...added], kept, added: added.length };
}

/** The same plan with every kept shard indexed again, for `reason` (a new block separator or character): the layout stays. */
export function reindexAll(plan: LayoutPlan, reason: string): LayoutPlan {
  return { ...plan, kept: plan.kept.map((shard) => ({ ...shard, reuse: false })), discarded: reason };
}
