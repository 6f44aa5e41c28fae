/**
 * Slices of the site's cards, for rendering them on several machines
 * (`npm run cards -- --shard K/N`, docs/deploy.md). A card's slice follows from
 * its key alone, a hash of what the card shows (cache.ts): the same card falls in
 * the same slice whatever else the site holds, so a slice's cache entries stay
 * useful from one run to the next, and the hash spreads cards, and so the kinds of
 * cards and their costs, evenly over the slices.
 */

export interface Shard {
  /** 1-based, as written on the command line: 1 to `count`. */
  index: number;
  count: number;
}

/** "K/N" with 1 ≤ K ≤ N; anything else is refused with the reason. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new RangeError(`a shard is written K/N, for example 1/4 (got "${text}")`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > 1024) throw new RangeError(`the number of shards must be from 1 to 1024 (got ${count})`);
  if (index < 1 || index > count) throw new RangeError(`the shard must be from 1 to ${count} (got ${index})`);
  return { index, count };
}

/** The 1-based slice a card key falls in, out of `count`. */
export function shardOf(key: string, count: number): number {
  // The key is hex of a sha256: its first 48 bits are uniform, and exact in a double.
  return (Number.parseInt(key.slice(0, 12), 16) % count) + 1;
}

export const inShard = (key: string, shard: Shard) => shardOf(key, shard.count) === shard.index;
