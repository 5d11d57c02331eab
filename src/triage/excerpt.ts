/**
 * Picks the few lines that state the cause. Every kept line has a score; lines that score high
 * seed a region, which grows over the lines that continue it (stack frames, indented details).
 * Regions are ranked (score, then position: the first real error beats its echoes) and taken
 * while they fit the budget and still say something comparable to the best one.
 */
import { continuesError } from './signals.js'
import type { LineRange } from './types.js'

export interface ScoredLine {
  n: number
  text: string
  score: number
  /** Never shown as context: a step's echoed script, post-job cleanup. */
  quiet: boolean
  /** Tool boilerplate: shown only when sandwiched inside an error block. */
  noise: boolean
}

export interface ExcerptBudget {
  maxLines: number
  maxChars: number
  /** Characters a line takes at most once clipped for display. */
  lineChars: number
}

const SEED = 2
const WEAK_SEED = 1
/** Lines before a region that introduce it ("Run …", "> Task … FAILED", "remote: …"). */
const LEAD_IN = 2
/** Lines after the last seed of a region that may continue it. */
const MAX_CONTINUATION = 10
/** Plain lines after a region that finish its sentence ("The list of available versions is …"). */
const TRAILER = 1
/** A region longer than this keeps its head, so one flood of errors cannot fill the budget. */
const REGION_CAP = 24
/** Regions scoring below this share of the best one are left out. */
const KEEP_RATIO = 0.5

interface Region {
  first: number
  last: number
  score: number
}

/** Indices into `lines` (sorted by line number) of the excerpt, in log order. */
export function selectExcerpt(lines: readonly ScoredLine[], budget: ExcerptBudget): number[] {
  let seeds = lines.map((l, i) => (l.score >= SEED ? i : -1)).filter((i) => i >= 0)
  if (seeds.length === 0) seeds = lines.map((l, i) => (l.score >= WEAK_SEED ? i : -1)).filter((i) => i >= 0)
  if (seeds.length === 0) return []

  const regions = mergeRegions(seeds.map((i) => grow(lines, i)), lines)
  regions.sort((a, b) => b.score - a.score || a.first - b.first)
  const floor = regions[0]!.score * KEEP_RATIO
  const chosen: number[] = []
  let chars = 0
  for (const region of regions) {
    if (region.score < floor || chosen.length >= budget.maxLines) break
    const end = Math.min(region.last, region.first + REGION_CAP - 1)
    for (let i = region.first; i <= end && chosen.length < budget.maxLines; i++) {
      const length = Math.min(lines[i]!.text.length, budget.lineChars) + 1
      if (chars + length > budget.maxChars && chosen.length > 0) break
      chars += length
      chosen.push(i)
    }
  }
  return chosen.sort((a, b) => a - b)
}

export function toRanges(lineNumbers: readonly number[]): LineRange[] {
  const ranges: LineRange[] = []
  for (const n of lineNumbers) {
    const last = ranges[ranges.length - 1]
    if (last && n === last.end + 1) last.end = n
    else ranges.push({ start: n, end: n })
  }
  return ranges
}

/** A seed, the lines that lead into it, the lines that continue it. */
function grow(lines: readonly ScoredLine[], seed: number): Region {
  const adjacent = (i: number, j: number): boolean => lines[j] !== undefined && lines[i] !== undefined && lines[j]!.n === lines[i]!.n + 1
  const context = (i: number): boolean => !lines[i]!.quiet && !lines[i]!.noise && lines[i]!.text.trim() !== ''
  let first = seed
  while (seed - first < LEAD_IN && adjacent(first - 1, first) && context(first - 1)) first--
  let last = seed
  let since = 0
  let score = lines[seed]!.score
  for (let i = seed + 1; adjacent(i - 1, i) && since < MAX_CONTINUATION; i++) {
    const line = lines[i]!
    if (line.score >= SEED) {
      last = i
      since = 0
      score = Math.max(score, line.score)
      continue
    }
    if (line.quiet) break
    // A blank line (Jest puts one under each failing test's title) or a line of boilerplate
    // inside a block does not end it when the block goes on right after.
    const next = lines[i + 1]
    const goesOn = adjacent(i, i + 1) && next!.text.trim() !== '' && !next!.quiet && (continuesError(next!.text) || next!.score >= WEAK_SEED)
    const inside = (line.text.trim() === '' || line.noise) && goesOn
    if (!inside && (line.text.trim() === '' || line.noise || !(continuesError(line.text) || line.score >= WEAK_SEED))) break
    last = i
    since++
  }
  for (let t = 0; t < TRAILER && adjacent(last, last + 1) && context(last + 1); t++) last++
  return { first, last, score }
}

/** Overlapping or touching regions become one; many seeds together add a little weight. */
function mergeRegions(regions: readonly Region[], lines: readonly ScoredLine[]): Region[] {
  const merged: Region[] = []
  const seedsIn = new Map<Region, number>()
  for (const region of [...regions].sort((a, b) => a.first - b.first)) {
    const last = merged[merged.length - 1]
    if (last && region.first <= last.last + 1 && lines[region.first]!.n <= lines[last.last]!.n + 1) {
      last.last = Math.max(last.last, region.last)
      last.score = Math.max(last.score, region.score)
      seedsIn.set(last, (seedsIn.get(last) ?? 1) + 1)
    } else {
      const copy = { ...region }
      merged.push(copy)
      seedsIn.set(copy, 1)
    }
  }
  for (const region of merged) region.score += 0.15 * Math.min(3, (seedsIn.get(region) ?? 1) - 1)
  return merged
}
