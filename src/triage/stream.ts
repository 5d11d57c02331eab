/**
 * The streaming pass over a job log: blocks of whole lines go through the keyword scanner, lines
 * are counted without being decoded, and only the raw bytes of the lines around hits (and of the
 * stack trace or indented detail that follows them) are copied into the bounded candidate store.
 * Step headers and runner error markers are decoded on the spot (they are few); everything else
 * kept is decoded once, at the end.
 */
import { isUtf8 } from 'node:buffer'
import { CandidateStore, RECENT_WINDOWS, type Window } from './candidates.js'
import { KIND_BINARY, KIND_ENDGROUP, KIND_ERROR_MARKER, KIND_GROUP, KIND_POST_JOB, KIND_RUNNER } from './keywords.js'
import { normalizeLine, type Marker } from './normalize.js'
import { BlockScan, KEYWORD_TABLES, scanBlock, skipTimestamp } from './scanner.js'
import { SegmentTracker } from './segments.js'
import { continuesError } from './signals.js'

/** One kept line, decoded and normalised. */
export interface StoredLine {
  n: number
  text: string
  marker: Marker | null
  /** The raw line was longer than the line cap. */
  cut: boolean
}

/** Lines kept before the first hit of a window and after its last. */
const BEFORE = 3
const AFTER = 12
/**
 * Past those, a window goes on while lines continue the block above them (stack frames,
 * indented details, "Caused by:"), up to this many more: a stack trace is one cause.
 */
const CONTINUATION = 48
/** Hits this close together share a window. */
const JOIN_GAP = 4
const MAX_WINDOW_LINES = 48
const MAX_ERROR_LINES = 500
/** Lines kept from the end of what was read: context across blocks, the excerpt of last resort. */
const TAIL_LINES = 10

interface Draft {
  beginLine: number
  /** The first hit's line and its offset in the block: the lines before it are found from there. */
  firstHitLine: number
  firstHitStart: number
  lastHitLine: number
  weight: number
}

/**
 * The windows drawn up over one block, as parallel arrays reused from block to block: a huge log
 * has a hundred thousand of them, and only the few that are kept become objects.
 */
class Drafts {
  count = 0
  beginLine = new Int32Array(1024)
  firstHitLine = new Int32Array(1024)
  firstHitStart = new Int32Array(1024)
  lastHitLine = new Int32Array(1024)
  weight = new Uint8Array(1024)

  /** A hit joins the last window when close enough, else opens a new one. */
  hit(line: number, start: number, weight: number): void {
    const last = this.count - 1
    if (last >= 0 && line - this.lastHitLine[last]! <= JOIN_GAP && line - this.beginLine[last]! < MAX_WINDOW_LINES) {
      this.lastHitLine[last] = line
      if (weight > this.weight[last]!) this.weight[last] = weight
      return
    }
    if (this.count === this.weight.length) this.grow()
    const i = this.count++
    this.beginLine[i] = Math.max(1, line - BEFORE)
    this.firstHitLine[i] = line
    this.firstHitStart[i] = start
    this.lastHitLine[i] = line
    this.weight[i] = weight
  }

  get(i: number): Draft {
    return { beginLine: this.beginLine[i]!, firstHitLine: this.firstHitLine[i]!, firstHitStart: this.firstHitStart[i]!, lastHitLine: this.lastHitLine[i]!, weight: this.weight[i]! }
  }

  private grow(): void {
    const size = this.weight.length * 2
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b)
    this.beginLine = copy(this.beginLine, new Int32Array(size))
    this.firstHitLine = copy(this.firstHitLine, new Int32Array(size))
    this.firstHitStart = copy(this.firstHitStart, new Int32Array(size))
    this.lastHitLine = copy(this.lastHitLine, new Int32Array(size))
    this.weight = copy(this.weight, new Uint8Array(size))
  }
}

interface RawLines {
  start: number
  lines: Uint8Array[]
  cut: Set<number>
}

/** Lines a window is still owed from the next blocks: some unconditionally, then continuations. */
interface Debt {
  window: Window
  fixed: number
  continuation: number
}

export class LogStream {
  lines = 0
  binaryLines = 0
  lineCut = false
  readonly errorLines: number[] = []
  readonly store = new CandidateStore()
  readonly segments = new SegmentTracker()

  private readonly maxLineBytes: number
  private readonly scan = new BlockScan()
  private readonly drafts = new Drafts()
  private tail: RawLines = { start: 1, lines: [], cut: new Set() }
  private owed: Debt[] = []

  constructor(maxLineBytes: number) {
    this.maxLineBytes = maxLineBytes
  }

  push(bytes: Uint8Array): void {
    // A plain view: Buffer methods (subarray, slice) go through the species constructor, slowly.
    const block = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    const firstLine = this.lines + 1
    if (this.owed.length > 0) this.payOwed(block)
    const scan = this.scan
    scanBlock(block, KEYWORD_TABLES, scan)
    // Invalid UTF-8 is rare: only then is every line checked.
    if (!isUtf8(block)) this.binaryLines += countInvalidLines(block)
    if (scan.longest > this.maxLineBytes) this.lineCut = true
    const drafts = this.drafts
    drafts.count = 0
    for (let h = 0; h < scan.count; h++) {
      const line = firstLine + scan.line[h]!
      const start = scan.start[h]!
      const kind = scan.kind[h]!
      // A line with invalid UTF-8 was counted above; count a control byte only on a valid line.
      if (kind & KIND_BINARY && isUtf8(block.subarray(start, scan.end[h]!))) this.binaryLines++
      if (kind & ~KIND_BINARY) this.structural(block, start, scan.end[h]!, line, kind)
      if (scan.weight[h]! > 0) drafts.hit(line, start, scan.weight[h]!)
    }
    this.lines += scan.lines
    this.keepDrafts(block, firstLine, drafts)
    this.tail = this.tailOf(block, firstLine)
  }

  /** Every kept line once, decoded, in log order. */
  keptLines(): StoredLine[] {
    const byLine = new Map<number, StoredLine>()
    for (const window of this.store.windows()) {
      window.lines.forEach((raw, i) => {
        const n = window.start + i
        if (!byLine.has(n)) byLine.set(n, this.decodeStored(raw, n, window.cut.has(n)))
      })
    }
    return [...byLine.values()].sort((a, b) => a.n - b.n)
  }

  /** The last lines of the log, decoded. */
  lastLines(): StoredLine[] {
    return this.tail.lines.map((raw, i) => this.decodeStored(raw, this.tail.start + i, this.tail.cut.has(this.tail.start + i)))
  }

  private structural(block: Uint8Array, start: number, end: number, line: number, kind: number): void {
    if (kind & KIND_RUNNER) this.segments.runnerPreamble()
    if (!(kind & (KIND_GROUP | KIND_ENDGROUP | KIND_POST_JOB | KIND_ERROR_MARKER))) return
    // The commonest structural lines need no decoding: a group's end, a group that is not a step
    // (`##[group]Operating System`), and error markers once enough are known.
    const content = skipTimestamp(block, start, end)
    if (kind & KIND_ENDGROUP && startsWith(block, content, end, ENDGROUP)) return this.segments.endgroup(line)
    if (kind === KIND_GROUP && startsWith(block, content, end, GROUP) && !startsWith(block, content + GROUP.length, end, RUN) && block[content + GROUP.length] !== 0x1b) return
    if (kind === KIND_ERROR_MARKER && this.errorLines.length >= MAX_ERROR_LINES) return
    const normal = normalizeLine(this.decode(block.subarray(start, end)))
    if (normal.marker === 'group') this.segments.group(line, normal.text, normal.step)
    else if (normal.marker === 'endgroup') this.segments.endgroup(line)
    else if (normal.marker === 'error' && this.errorLines.length < MAX_ERROR_LINES) this.errorLines.push(line)
    if (kind & KIND_POST_JOB && /^(?:Post job cleanup\.|Cleaning up orphan processes)/.test(normal.text)) {
      this.segments.postJob(line, normal.text)
    }
  }

  /** The newest drafts always stay; older ones compete for the ranked store. */
  private keepDrafts(block: Uint8Array, firstLine: number, drafts: Drafts): void {
    const split = Math.max(0, drafts.count - RECENT_WINDOWS)
    for (let i = 0; i < split; i++) {
      if (this.store.wouldAccept(drafts.weight[i]!, drafts.lastHitLine[i]! + AFTER - drafts.beginLine[i]! + 1)) {
        this.store.addRanked(this.copyWindow(block, firstLine, drafts.get(i)))
      }
    }
    for (let i = split; i < drafts.count; i++) {
      for (const pushedOut of this.store.addRecent(this.copyWindow(block, firstLine, drafts.get(i)))) this.store.addRanked(pushedOut)
    }
  }

  private copyWindow(block: Uint8Array, firstLine: number, draft: Draft): Window {
    const window: Window = { start: draft.beginLine, lines: [], cut: new Set(), weight: draft.weight }
    this.tail.lines.forEach((raw, i) => {
      const n = this.tail.start + i
      if (n >= draft.beginLine && n < firstLine) {
        if (window.lines.length === 0) window.start = n
        window.lines.push(raw)
        if (this.tail.cut.has(n)) window.cut.add(n)
      }
    })
    const line = Math.max(draft.beginLine, firstLine)
    if (window.lines.length === 0) window.start = line
    // Walk back from the first hit to the window's first line in this block.
    let offset = draft.firstHitStart
    for (let l = draft.firstHitLine; l > line; l--) offset = block.lastIndexOf(10, offset - 2) + 1
    const debt: Debt = { window, fixed: draft.lastHitLine + AFTER - line + 1, continuation: CONTINUATION }
    if (this.extend(debt, block, offset)) this.owed.push(debt)
    return window
  }

  private payOwed(block: Uint8Array): void {
    const owed = this.owed
    this.owed = []
    for (const debt of owed) if (this.extend(debt, block, 0)) this.owed.push(debt)
  }

  /**
   * Copies the lines a window is owed from `offset` on: the fixed ones, then those that continue
   * the block above. Returns true when the block ended before the debt was settled.
   */
  private extend(debt: Debt, block: Uint8Array, offset: number): boolean {
    const starts: number[] = []
    const ends: number[] = []
    let at = offset
    while (at < block.length) {
      let end = block.indexOf(10, at)
      if (end < 0) end = block.length
      if (debt.fixed > 0) debt.fixed--
      else if (debt.continuation > 0 && continuesError(normalizeLine(this.decode(block.subarray(at, end))).text)) debt.continuation--
      else {
        debt.continuation = 0
        break
      }
      starts.push(at)
      ends.push(end)
      at = end + 1
    }
    this.copyLines(debt.window, block, starts, ends, debt.window.start + debt.window.lines.length)
    return at >= block.length && (debt.fixed > 0 || debt.continuation > 0)
  }

  private tailOf(block: Uint8Array, firstLine: number): RawLines {
    const start = Math.max(firstLine, this.lines - TAIL_LINES + 1)
    const kept: RawLines = { start, lines: [], cut: new Set() }
    // Lines of the previous tail still among the last ones (a block shorter than the tail).
    const carried = this.tail.lines.filter((_, i) => this.tail.start + i >= this.lines - TAIL_LINES + 1)
    if (carried.length > 0 && start === firstLine) {
      kept.start = firstLine - carried.length
      kept.lines.push(...carried)
      for (const n of this.tail.cut) if (n >= kept.start) kept.cut.add(n)
    }
    // Offsets of the block's last lines, found walking back from its end.
    const starts: number[] = []
    const ends: number[] = []
    let end = block.length > 0 && block[block.length - 1] === 10 ? block.length - 1 : block.length
    for (let line = this.lines; line >= start; line--) {
      const begin = block.lastIndexOf(10, end - 1) + 1
      starts.unshift(begin)
      ends.unshift(end)
      end = begin - 1
    }
    this.copyLines(kept, block, starts, ends, start)
    return kept
  }

  /**
   * Copies lines out of the block (which the caller may reuse), each capped to the line limit:
   * one copy for the lot, unless a line is so long that the copy would keep far more than the caps.
   */
  private copyLines(into: { lines: Uint8Array[]; cut: Set<number> }, block: Uint8Array, starts: readonly number[], ends: readonly number[], firstN: number): void {
    if (starts.length === 0) return
    const from = starts[0]!
    const to = ends[ends.length - 1]!
    const max = this.maxLineBytes
    const shared = to - from <= starts.length * max ? block.slice(from, to) : null
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!
      const end = ends[i]!
      const capped = Math.min(end, start + max)
      into.lines.push(shared ? shared.subarray(start - from, capped - from) : block.slice(start, capped))
      if (end > capped) into.cut.add(firstN + i)
    }
  }

  private decodeStored(raw: Uint8Array, n: number, cut: boolean): StoredLine {
    const normal = normalizeLine(this.decode(raw))
    return { n, text: normal.text, marker: normal.marker, cut }
  }

  private decode(bytes: Uint8Array): string {
    const capped = bytes.length > this.maxLineBytes ? bytes.subarray(0, this.maxLineBytes) : bytes
    return Buffer.from(capped.buffer, capped.byteOffset, capped.length).toString('utf8')
  }
}

const ENDGROUP = Buffer.from('##[endgroup]')
const GROUP = Buffer.from('##[group]')
const RUN = Buffer.from('Run ')

function startsWith(block: Uint8Array, at: number, end: number, prefix: Uint8Array): boolean {
  if (end - at < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (block[at + i] !== prefix[i]) return false
  return true
}

/** Lines of a block that are not valid UTF-8 (only called when the block as a whole is not). */
function countInvalidLines(block: Uint8Array): number {
  let invalid = 0
  for (let start = 0; start < block.length; ) {
    let end = block.indexOf(10, start)
    if (end < 0) end = block.length
    if (!isUtf8(block.subarray(start, end))) invalid++
    start = end + 1
  }
  return invalid
}
