import type { Redis } from 'ioredis';

/** One article handed to the index. `source` is the outlet name or host. */
export interface DedupDocument {
  articleId: string;
  url: string;
  canonicalUrl?: string | null;
  title: string;
  text: string;
  source: string;
  publishedAt?: string | null;
  /** Attribution found upstream (by the extractor); parsed from the text when absent. */
  attribution?: { text: string; outlets: string[] } | null;
}

export type MatchedBy = 'first' | 'url' | 'hash' | 'near';

/** A copy as the index knows it; URL, title and text are in the article store. */
export interface StoryCopy {
  articleId: string;
  source: string;
  publishedAt: string | null;
  matchedBy: MatchedBy;
  /** Containment (0..1) of this copy against the story when it joined; 1 for the first copy and exact matches. */
  similarity: number;
}

export interface StoryState {
  storyId: string;
  copies: StoryCopy[];
  /** The most complete copy (most text), the one to show. */
  bestCopyId: string;
  original: { source: string; basis: 'attribution' | 'earliest'; articleId: string | null };
  /** Who cites whom, citing outlet first: ["UNN", "The Washington Post"] reads "UNN citing The Washington Post". */
  attributionChain: string[];
  /** Story ids folded into this one (merges and renames); `getStory` resolves them to this story. */
  mergedFrom: string[];
}

export interface DedupDecision {
  status: 'new-story' | 'new-copy' | 'already-seen';
  story: StoryState;
}

export interface DedupIndex {
  assign(doc: DedupDocument): Promise<DedupDecision>;
  getStory(storyId: string): Promise<StoryState | null>;
}

export interface DedupIndexOptions {
  redis: Redis;
  /** Key prefix owned by this index (e.g. "dd:"). */
  prefix: string;
  /** How long an article can be matched: entries live at least this long, at most one partition longer. Default 7 days. */
  windowSeconds?: number;
  /** Width of one time partition of the index. Default windowSeconds / 2 (entries live 1 to 1.5 windows). */
  partitionSeconds?: number;
  /** Containment at or above which two texts are copies. Default 0.7. */
  threshold?: number;
  /**
   * Hash buckets per index family and partition. Size it so that a bucket holds fewer fields than the
   * server's `hash-max-listpack-entries` (compact encoding, 128 by default): about 3 × articles per
   * partition / 100 (the anchor family has 3 fields per article). Each partition keeps the count it was
   * first written with, so a new value applies from the next partition on. Default 4096 (about 136,000
   * articles per partition).
   */
  buckets?: number;
  /**
   * How story ids are chosen. `order-independent` (default): the smallest member id, so the same set of
   * copies gets the same id whatever the arrival order, but a story is renamed (old id kept in `mergedFrom`)
   * when a copy with a smaller id joins. `first-seen`: a story keeps the id it was created with and is
   * renamed only when two stories merge (then the smaller id survives).
   */
  storyIds?: 'order-independent' | 'first-seen';
  /** Clock in milliseconds (tests). */
  now?: () => number;
  /** Near-duplicate candidate stories confirmed per article (most anchor hits first). Default 8. */
  maxCandidates?: number;
  /** Attempts when a concurrent writer changed what this one read. Default 20. */
  maxRetries?: number;
}
