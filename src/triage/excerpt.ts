/**
 * Picks the lines that state the cause. Every kept line has a score; lines that score high seed
 * a block, which grows over the lines that belong to the same message: stack frames, indented
 * details, the rest of a tool's tagged error block (`[ERROR] …`). Blocks are ranked (score, then
 * position: the first real error beats its echoes) and taken while they still say something
 * comparable to the best one: first the head of each, then, budget permitting, the rest of each,
 * so a long stack trace is shown whole when there is room but never crowds out a second cause.
 */
import { continuesError, isStackFrame } from './signals.js'
import type { LineRange } from './types.js'

export interface ScoredLine {
  n: number
  text: string
  score: number
  /** Never shown as context: a step's echoed script, post-job cleanup. */
  quiet: boolean
  /** Tool boilerplate: shown only inside an error block. */
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
/** Lines before a block that introduce it ("Run …", "> Task … FAILED", "remote: …"). */
const LEAD_IN = 2
/** Lines of a block's body before its first seed (a Docker build's context before its error). */
const MAX_LEAD_BODY = 12
/** Lines after the last seed of a block that may continue it (a long stack trace). */
const MAX_CONTINUATION = 200
/** Plain lines after a block that finish its sentence ("The list of available versions is …"). */
const TRAILER = 1
/**
 * What every chosen block shows before any block shows more: an equal share of the budget, at
 * least a few lines (the error and its first details), at most a screenful.
 */
const MIN_HEAD = 6
const MAX_HEAD = 24
/** Blocks scoring below this share of the best one are left out. */
const KEEP_RATIO = 0.5

interface Block {
  first: number
  last: number
  score: number
}

/** Indices into `lines` (sorted by line number) of the excerpt, in log order. */
export function selectExcerpt(lines: readonly ScoredLine[], budget: ExcerptBudget): number[] {
  let seeds = lines.map((l, i) => (l.score >= SEED ? i : -1)).filter((i) => i >= 0)
  if (seeds.length === 0) seeds = lines.map((l, i) => (l.score >= WEAK_SEED ? i : -1)).filter((i) => i >= 0)
  if (seeds.length === 0) return []

  const blocks = blocksOf(lines, seeds)
  blocks.sort((a, b) => b.score - a.score || a.first - b.first)
  const floor = blocks[0]!.score * KEEP_RATIO
  const chosen = blocks.filter((b) => b.score >= floor)
  const taken: number[] = []
  const next = chosen.map((b) => b.first)
  let chars = 0
  // Takes lines of the block in rank `r` up to index `until`; false once the budget is spent.
  const take = (r: number, until: number): boolean => {
    for (; next[r]! <= until; next[r]!++) {
      const length = Math.min(lines[next[r]!]!.text.length, budget.lineChars) + 1
      if (taken.length >= budget.maxLines || (chars + length > budget.maxChars && taken.length > 0)) return false
      chars += length
      taken.push(next[r]!)
    }
    return true
  }
  const head = Math.max(MIN_HEAD, Math.min(MAX_HEAD, Math.floor(budget.maxLines / chosen.length)))
  let room = true
  for (let r = 0; r < chosen.length && room; r++) room = take(r, Math.min(chosen[r]!.last, chosen[r]!.first + head - 1))
  for (let r = 0; r < chosen.length && room; r++) room = take(r, chosen[r]!.last)
  return taken.sort((a, b) => a - b)
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

/** A seed, the lines of its block around it, and the lines that lead into the block. */
function grow(lines: readonly ScoredLine[], seed: number): Block {
  const adjacent = (i: number, j: number): boolean => lines[j] !== undefined && lines[i] !== undefined && lines[j]!.n === lines[i]!.n + 1
  const blank = (i: number): boolean => lines[i]!.text.trim() === ''
  const tag = tagOf(lines[seed]!.text)
  // Context that introduces or ends a block: not a separator rule, and for a tagged block (Maven's
  // `[ERROR] …`) not a line of another level (`[INFO] Finished at: …`).
  const context = (i: number): boolean => {
    const text = lines[i]!.text
    if (lines[i]!.quiet || lines[i]!.noise || blank(i) || SEPARATOR.test(text)) return false
    return tag === null || !LEVEL_TAG.test(text) || text.startsWith(tag)
  }
  const tagged = (i: number): boolean => tag !== null && lines[i]!.text.startsWith(tag)
  // Part of the message: continues it, names a failure itself, or carries the seed's tag.
  const body = (i: number): boolean => !lines[i]!.quiet && !blank(i) && (continuesError(lines[i]!.text) || lines[i]!.score > 0 || tagged(i))
  // "To add an exception for this directory, call:" introduces the indented lines after it.
  const introduces = (i: number): boolean => {
    if (!lines[i]!.text.trimEnd().endsWith(':') || lines[i]!.quiet || lines[i]!.noise) return false
    const next = adjacent(i, i + 1) && blank(i + 1) ? i + 2 : i + 1
    return adjacent(next - 1, next) && /^\s/.test(lines[next]!.text) && body(next)
  }

  // Back from the seed over the lines of the same block: tagged or failing lines, separators, the
  // frames of the trace a "Caused by:" continues, and the source excerpt some tools print above
  // their error (`  32 | >>> RUN apk add …` under a `Dockerfile:32` header). Not over other
  // indented lines: those belong to whatever line heads them (a usage text, a config dump).
  const before = (i: number): boolean => {
    const text = lines[i]!.text
    if (lines[i]!.noise || lines[i]!.quiet || blank(i)) return false
    return isStackFrame(text) || /^\s*\d+ +[|│]|^[\w./-]+:\d+$/.test(text) || (body(i) && !/^\s/.test(text))
  }
  let first = seed
  while (seed - first < MAX_LEAD_BODY && adjacent(first - 1, first) && before(first - 1)) first--
  for (let k = 0; k < LEAD_IN && adjacent(first - 1, first) && context(first - 1); k++) first--

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
    const goesOn = adjacent(i, i + 1) && body(i + 1)
    if (body(i) || introduces(i) || ((blank(i) || line.noise) && goesOn)) {
      last = i
      since++
      continue
    }
    break
  }
  for (let t = 0; t < TRAILER && adjacent(last, last + 1) && context(last + 1); t++) last++
  return { first, last, score }
}

/** A rule of dashes or equals signs, possibly behind a level tag: it separates, it says nothing. */
const SEPARATOR = /^(?:\[[A-Z]+\] ?)?[-=_*~#\s]{3,}$/
const LEVEL_TAG = /^\[(?:INFO|WARNING|WARN|DEBUG|ERROR|FATAL)\]/

/** The tag a tool puts on every line of an error block, e.g. Maven's `[ERROR]` or npm's `npm ERR!`. */
function tagOf(text: string): string | null {
  return /^(?:\[(?:ERROR|FATAL)\]|npm ERR!|npm error)(?= |$)/.exec(text)?.[0] ?? null
}

/**
 * The blocks of the seeds (in log order): a seed inside the block before it adds to that block
 * (growing it again would find the same lines, and a flood of errors would cost quadratic time);
 * overlapping or touching blocks become one. Many seeds together add a little weight.
 */
function blocksOf(lines: readonly ScoredLine[], seeds: readonly number[]): Block[] {
  const blocks: Block[] = []
  const seedsIn: number[] = []
  for (const seed of seeds) {
    const last = blocks[blocks.length - 1]
    if (last && seed <= last.last) {
      seedsIn[blocks.length - 1]!++
      continue
    }
    const block = grow(lines, seed)
    if (last && block.first <= last.last + 1 && lines[block.first]!.n <= lines[last.last]!.n + 1) {
      last.last = Math.max(last.last, block.last)
      last.score = Math.max(last.score, block.score)
      seedsIn[blocks.length - 1]!++
    } else {
      blocks.push(block)
      seedsIn.push(1)
    }
  }
  blocks.forEach((block, i) => (block.score += 0.15 * Math.min(3, seedsIn[i]! - 1)))
  return blocks
}
