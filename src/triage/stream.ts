/**
 * The streaming pass over a job log: blocks of whole lines go through the keyword scanner, lines
 * are counted without being decoded, and only the raw bytes of the lines around hits are copied
 * into the bounded candidate store. Step headers and runner error markers are decoded on the
 * spot (they are few); everything else kept is decoded once, at the end.
 */
import { isUtf8 } from 'node:buffer'
import { CandidateStore, RECENT_WINDOWS, type Window } from './candidates.js'
import { KIND_BINARY, KIND_ENDGROUP, KIND_ERROR_MARKER, KIND_GROUP, KIND_POST_JOB, KIND_RUNNER } from './keywords.js'
import { normalizeLine, type Marker } from './normalize.js'
import { BlockScan, buildScanTables, scanBlock } from './scanner.js'
import { SegmentTracker } from './segments.js'

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
/** Hits this close together share a window. */
const JOIN_GAP = 4
const MAX_WINDOW_LINES = 48
const MAX_ERROR_LINES = 500
/** Lines kept from the end of what was read: context across blocks, the excerpt of last resort. */
const TAIL_LINES = 10

const TABLES = buildScanTables()

interface Draft {
  beginLine: number
  /** Offset in the block of the first of the draft's lines that is in the block. */
  beginOffset: number
  lastHitLine: number
  weight: number
}

interface RawLines {
  start: number
  lines: Uint8Array[]
  cut: Set<number>
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
  private tail: RawLines = { start: 1, lines: [], cut: new Set() }
  /** Windows still owed context lines from the start of the next blocks. */
  private owed: { window: Window; lines: number }[] = []

  constructor(maxLineBytes: number) {
    this.maxLineBytes = maxLineBytes
  }

  push(bytes: Uint8Array): void {
    // A plain view: Buffer methods (subarray, slice) go through the species constructor, slowly.
    const block = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    const firstLine = this.lines + 1
    if (this.owed.length > 0) this.payOwed(block, firstLine)
    const scan = this.scan
    scanBlock(block, TABLES, scan)
    // Invalid UTF-8 is rare: only then is every line checked.
    if (!isUtf8(block)) this.binaryLines += countInvalidLines(block)
    if (scan.longest > this.maxLineBytes) this.lineCut = true
    const drafts: Draft[] = []
    for (let h = 0; h < scan.count; h++) {
      const line = firstLine + scan.line[h]!
      const start = scan.start[h]!
      const kind = scan.kind[h]!
      // A line with invalid UTF-8 was counted above; count a control byte only on a valid line.
      if (kind & KIND_BINARY && isUtf8(block.subarray(start, scan.end[h]!))) this.binaryLines++
      if (kind & ~KIND_BINARY) this.structural(block, start, scan.end[h]!, line, kind)
      if (scan.weight[h]! > 0) this.draft(drafts, block, start, line, scan.weight[h]!, firstLine)
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
    const normal = normalizeLine(this.decode(block.subarray(start, end)))
    if (normal.marker === 'group') this.segments.group(line, normal.text, normal.step)
    else if (normal.marker === 'endgroup') this.segments.endgroup(line)
    else if (normal.marker === 'error' && this.errorLines.length < MAX_ERROR_LINES) this.errorLines.push(line)
    if (kind & KIND_POST_JOB && /^(?:Post job cleanup\.|Cleaning up orphan processes)/.test(normal.text)) {
      this.segments.postJob(line, normal.text)
    }
  }

  private draft(drafts: Draft[], block: Uint8Array, start: number, line: number, weight: number, firstLine: number): void {
    const last = drafts[drafts.length - 1]
    if (last && line - last.lastHitLine <= JOIN_GAP && line - last.beginLine < MAX_WINDOW_LINES) {
      last.lastHitLine = line
      if (weight > last.weight) last.weight = weight
      return
    }
    // Walk back over the lines before the hit that are in this block; earlier ones are in the tail.
    const beginLine = Math.max(1, line - BEFORE)
    let beginOffset = start
    for (let l = line; l > beginLine && l > firstLine; l--) beginOffset = block.lastIndexOf(10, beginOffset - 2) + 1
    drafts.push({ beginLine, beginOffset, lastHitLine: line, weight })
  }

  /** The newest drafts always stay; older ones compete for the ranked store. */
  private keepDrafts(block: Uint8Array, firstLine: number, drafts: readonly Draft[]): void {
    const split = Math.max(0, drafts.length - RECENT_WINDOWS)
    for (let i = 0; i < split; i++) {
      const draft = drafts[i]!
      if (this.store.wouldAccept(draft.weight, draft.lastHitLine + AFTER - draft.beginLine + 1)) {
        this.store.addRanked(this.copyWindow(block, firstLine, draft))
      }
    }
    for (let i = split; i < drafts.length; i++) {
      for (const pushedOut of this.store.addRecent(this.copyWindow(block, firstLine, drafts[i]!))) this.store.addRanked(pushedOut)
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
    let line = Math.max(draft.beginLine, firstLine)
    if (window.lines.length === 0) window.start = line
    let offset = draft.beginOffset
    const last = draft.lastHitLine + AFTER
    while (line <= last && offset < block.length) {
      let end = block.indexOf(10, offset)
      if (end < 0) end = block.length
      this.copyLine(window, block, offset, end, line)
      offset = end + 1
      line++
    }
    if (line <= last) this.owed.push({ window, lines: last - line + 1 })
    return window
  }

  private payOwed(block: Uint8Array, firstLine: number): void {
    const owed = this.owed
    this.owed = []
    for (const debt of owed) {
      let offset = 0
      let paid = 0
      for (; paid < debt.lines && offset < block.length; paid++) {
        let end = block.indexOf(10, offset)
        if (end < 0) end = block.length
        this.copyLine(debt.window, block, offset, end, firstLine + paid)
        offset = end + 1
      }
      if (paid < debt.lines) this.owed.push({ window: debt.window, lines: debt.lines - paid })
    }
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
    const offsets: number[] = []
    let end = block.length > 0 && block[block.length - 1] === 10 ? block.length - 1 : block.length
    for (let line = this.lines; line >= start; line--) {
      const begin = block.lastIndexOf(10, end - 1) + 1
      offsets.unshift(begin, end)
      end = begin - 1
    }
    for (let i = 0, line = start; i < offsets.length; i += 2, line++) this.copyLine(kept, block, offsets[i]!, offsets[i + 1]!, line)
    return kept
  }

  private copyLine(into: { lines: Uint8Array[]; cut: Set<number> }, block: Uint8Array, start: number, end: number, n: number): void {
    const capped = Math.min(end, start + this.maxLineBytes)
    into.lines.push(block.slice(start, capped))
    if (end > capped) into.cut.add(n)
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
