/**
 * Stories across sources: near-duplicates, versions, same-story clusters, version diffs and the timeline.
 *
 * The data the stories core (electron/core/stories) answers with, over IPC and in the CLI's `--json`.
 * Pure TypeScript: no 'electron', no 'node:*', no DOM.
 */

/** Another article with (nearly) the same text: a reprint, a syndicated copy, the same page saved twice. */
export interface DuplicateMember {
  id: string
  title: string
  site: string | null
  /** Estimated Jaccard similarity of the two texts' word shingles, 0..1. */
  similarity: number
}

/** Another version of the same article (same canonical or source URL, or same site and very similar text). */
export interface VersionMember {
  id: string
  title: string
  site: string | null
  capturedAt: string | null
  published: string | null
}

/** What `similar ID` answers: the article's copies, its versions (oldest first) and its story cluster. */
export interface SimilarAnswer {
  duplicates: DuplicateMember[]
  versions: VersionMember[]
  story: { id: string; size: number } | null
}

/** One operation of a word diff: kept, deleted (only in the first article) or inserted (only in the second). */
export type DiffOp = ['=' | '-' | '+', string]

/** A metadata field that differs between the two sides. */
export interface FieldChange {
  before: string | null
  after: string | null
}

/** A word-level comparison of two articles' extracted text (`diff ID1 ID2`). */
export interface ArticleDiff {
  ops: DiffOp[]
  /** Only the fields that differ: title, site, author, published, capturedAt, url, sourceUrl, language. */
  fields: Record<string, FieldChange>
  /** What each side's source says about it (the banner's disclaimers and flags), to show beside the diff. */
  sides: [DiffSide, DiffSide]
}

/** One side of a diff, as the reader labels it. */
export interface DiffSide {
  id: string
  title: string
  site: string | null
  published: string | null
  capturedAt: string | null
  disclaimers: string[]
  flags: string[]
}

/** A cluster of articles about the same event, across sites. */
export interface StoryCluster {
  /** Stable while its earliest member stays: usable as `story:ID` in a search. */
  id: string
  size: number
  /** A representative headline (the earliest member's). */
  title: string
  sites: string[]
  languages: string[]
  /** ISO 8601: the earliest member's date (published, else captured, else imported). */
  firstSeen: string | null
  /** Which date `firstSeen` is: a story seen only by its import date is undated. */
  firstSeenBy: 'published' | 'captured' | 'imported'
  lastSeen: string | null
  /** Member ids, earliest first. */
  members: string[]
}

/** Where the grouping of stories stands: sent as `stories:changed` when a grouping pass starts and ends. */
export interface StoriesStatus {
  state: 'grouping' | 'ready'
  /** Story clusters of two or more articles (as of the last finished pass). */
  stories: number
  /** Articles grouped (as of the last finished pass). */
  articles: number
}

/** Which clusters to list. */
export interface StoriesRequest {
  /** ISO date (inclusive): clusters last seen on or after it. */
  from?: string
  /** ISO date (inclusive): clusters first seen on or before it. */
  to?: string
  /** Smallest cluster to list (default 2). */
  minSize?: number
  limit?: number
}

/** The width of a timeline bin. */
export type TimelineUnit = 'day' | 'week' | 'month'

/** One bar of the timeline: hits of one site that start in one bin. */
export interface TimelineBin {
  /** ISO date (YYYY-MM-DD) the bin starts on. */
  start: string
  site: string
  count: number
}

/** Hits over time, per source (`timeline "QUERY"`). */
export interface Timeline {
  by: TimelineUnit
  bins: TimelineBin[]
  /** Hits with no publication or capture date. */
  undated: number
  /** The undated hits binned by import date instead, labelled as such wherever shown. */
  undatedByImport: TimelineBin[]
}
