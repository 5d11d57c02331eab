/**
 * One pass over raw log bytes that counts lines and finds the lines holding a keyword
 * (keywords.ts). It is an Aho–Corasick automaton compiled to a flat transition table, ASCII
 * letters folded to lowercase, LF a state of its own: one table lookup per byte, no decoding, no
 * regex, so cost stays linear whatever the input (a 10 MB line, binary junk). Runner timestamps
 * and the rest of a line after its first keyword are skipped, and four lanes run at once.
 */
import { BINARY_BYTES, KEYWORDS, KIND_BINARY, type Keyword } from './keywords.js'

export interface ScanTables {
  /** Next state, pre-multiplied by 256: `delta[state | byte]`. */
  delta: Int32Array
  /** States at or above this offset are events: accepting states, then the line end. */
  acceptFrom: number
  /** The state every LF leads to. */
  lineEnd: number
  /** Weight and kind of each accepting state, indexed by `(state - acceptFrom) >> 8`. */
  weight: Uint8Array
  kind: Uint8Array
}

export function buildScanTables(keywords: readonly Keyword[] = KEYWORDS): ScanTables {
  const children: Map<number, number>[] = [new Map()]
  const weight = [0]
  const kind = [0]
  const accepting = [false]
  const addPath = (bytes: Iterable<number>, w: number, k: number): void => {
    let state = 0
    for (const raw of bytes) {
      const byte = raw >= 65 && raw <= 90 ? raw + 32 : raw
      let next = children[state]!.get(byte)
      if (next === undefined) {
        next = children.length
        children.push(new Map())
        weight.push(0)
        kind.push(0)
        accepting.push(false)
        children[state]!.set(byte, next)
      }
      state = next
    }
    accepting[state] = true
    weight[state] = Math.max(weight[state]!, w)
    kind[state]! |= k
  }
  for (const keyword of keywords) addPath(Buffer.from(keyword.text, 'utf8'), keyword.weight, keyword.kind ?? 0)
  for (const byte of BINARY_BYTES) addPath([byte], 0, KIND_BINARY)

  // Breadth-first: failure links, then the full transition table; outputs inherit along failure links.
  const count = children.length
  const next = new Int32Array(count * 256)
  const failure = new Int32Array(count)
  for (let b = 0; b < 256; b++) next[b] = children[0]!.get(b) ?? 0
  const queue = [...children[0]!.values()]
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!
    const fallback = failure[state]!
    if (accepting[fallback]) {
      accepting[state] = true
      weight[state] = Math.max(weight[state]!, weight[fallback]!)
      kind[state]! |= kind[fallback]!
    }
    for (let b = 0; b < 256; b++) {
      const child = children[state]!.get(b)
      if (child === undefined) {
        next[state * 256 + b] = next[fallback * 256 + b]!
      } else {
        next[state * 256 + b] = child
        failure[child] = next[fallback * 256 + b]!
        queue.push(child)
      }
    }
  }
  // Uppercase ASCII behaves like lowercase.
  for (let s = 0; s < count; s++) for (let b = 65; b <= 90; b++) next[s * 256 + b] = next[s * 256 + b + 32]!

  // Renumber so accepting states come last, then add the line-end state after them: the hot
  // loop needs one comparison per byte to notice either. LF leads every state to the line end.
  const order: number[] = []
  for (let s = 0; s < count; s++) if (!accepting[s]) order.push(s)
  const acceptIndex = order.length
  for (let s = 0; s < count; s++) if (accepting[s]) order.push(s)
  const renumbered = new Int32Array(count)
  order.forEach((s, i) => (renumbered[s] = i))
  const lineEnd = count * 256
  const delta = new Int32Array((count + 1) * 256)
  for (let s = 0; s < count; s++) {
    const row = renumbered[s]! * 256
    for (let b = 0; b < 256; b++) delta[row + b] = renumbered[next[s * 256 + b]!]! * 256
  }
  // After a line end the scan restarts from the root.
  delta.copyWithin(lineEnd, 0, 256)
  for (let row = 0; row <= lineEnd; row += 256) delta[row + 10] = lineEnd
  const acceptWeight = new Uint8Array(count - acceptIndex)
  const acceptKind = new Uint8Array(count - acceptIndex)
  for (let i = acceptIndex; i < count; i++) {
    acceptWeight[i - acceptIndex] = weight[order[i]!]!
    acceptKind[i - acceptIndex] = kind[order[i]!]!
  }
  return { delta, acceptFrom: acceptIndex * 256, lineEnd, weight: acceptWeight, kind: acceptKind }
}

/** The tables for the keyword list: built once, shared by every scan. */
export const KEYWORD_TABLES = buildScanTables()

/** What one pass over a block found: its line count, its longest line, and the lines with a hit. */
export class BlockScan {
  /** Lines in the block (a last line without LF counts). */
  lines = 0
  /** Length in bytes of the longest line. */
  longest = 0
  /** Hits, as parallel arrays reused between blocks to avoid garbage. */
  count = 0
  /** Index of the line in the block (0-based). */
  line: Int32Array
  start: Int32Array
  end: Int32Array
  weight: Uint8Array
  kind: Uint8Array

  constructor(capacity = 1024) {
    this.line = new Int32Array(capacity)
    this.start = new Int32Array(capacity)
    this.end = new Int32Array(capacity)
    this.weight = new Uint8Array(capacity)
    this.kind = new Uint8Array(capacity)
  }

  push(line: number, start: number, end: number, weight: number, kind: number): void {
    if (this.count === this.start.length) this.grow()
    const i = this.count++
    this.line[i] = line
    this.start[i] = start
    this.end[i] = end
    this.weight[i] = weight
    this.kind[i] = kind
  }

  /** Appends another scan's hits, its line indices moved down by `lineOffset`. */
  append(other: BlockScan, lineOffset: number): void {
    const from = this.count
    const count = other.count
    while (this.start.length < from + count) this.grow()
    this.start.set(other.start.subarray(0, count), from)
    this.end.set(other.end.subarray(0, count), from)
    this.weight.set(other.weight.subarray(0, count), from)
    this.kind.set(other.kind.subarray(0, count), from)
    for (let i = 0; i < count; i++) this.line[from + i] = other.line[i]! + lineOffset
    this.count = from + count
  }

  private grow(): void {
    const size = this.start.length * 2
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b)
    this.line = copy(this.line, new Int32Array(size))
    this.start = copy(this.start, new Int32Array(size))
    this.end = copy(this.end, new Int32Array(size))
    this.weight = copy(this.weight, new Uint8Array(size))
    this.kind = copy(this.kind, new Uint8Array(size))
  }
}

/** A run of whole lines of a block, scanned by one lane at a time; its line indices start at 0. */
class Segment extends BlockScan {
  /** Offset where the current line starts. */
  lineStart = 0
  /** Offset just after the segment's last LF, or the block's end. */
  stop = 0

  reset(from: number, stop: number): void {
    this.lines = 0
    this.longest = 0
    this.count = 0
    this.lineStart = from
    this.stop = stop
  }
}

const LANES = 4
/** Segments are about this long: small enough that lanes finish together, large enough to be cheap. */
const SEGMENT_BYTES = 32 * 1024
/** Reused from block to block; a segment's hit arrays start small (a huge block makes many). */
const segments: Segment[] = []
const SEGMENT_CAPACITY = 64

/**
 * One pass over `bytes` (complete lines, LF-separated): every line is counted, and a line holding
 * a keyword is a hit with the weight and kind of its first keyword. The rest of a hit line is not
 * scanned: the first word only orders candidates when a huge log overflows the store, and every
 * kept line is rescored in full later.
 *
 * Each automaton step waits for the previous one (the next state is a table lookup on the
 * current), so a single pass is bound by load latency, not by the CPU's width. The block is cut
 * at line ends into segments, and four lanes step through four segments at once: four
 * independent chains keep the CPU busy (about 1.5× the speed of one lane here). A lane that
 * finishes its segment takes the next one.
 */
export function scanBlock(bytes: Uint8Array, tables: ScanTables, into: BlockScan): void {
  const n = bytes.length
  const count = Math.max(1, Math.ceil(n / SEGMENT_BYTES))
  while (segments.length < count) segments.push(new Segment(SEGMENT_CAPACITY))
  let from = 0
  for (let k = 0; k < count; k++) {
    const stop = k === count - 1 ? n : lineAfter(bytes, Math.max(from, Math.floor((n * (k + 1)) / count)))
    segments[k]!.reset(from, stop)
    from = stop
  }
  const used = segments.slice(0, count)
  if (count < LANES) for (const segment of used) runLane(bytes, tables, segment, skipTimestamp(bytes, segment.lineStart, segment.stop), 0)
  else runLanes(bytes, tables, used)
  collect(used, n, into)
}

/** Offset just after the first LF at or after `at`, or the end. */
function lineAfter(bytes: Uint8Array, at: number): number {
  const lf = bytes.indexOf(10, at)
  return lf < 0 ? bytes.length : lf + 1
}

// The hot path of triage: monomorphic, no property loads in the inner loop. It steps the four
// lanes until one of them reaches an event (a keyword or a line end) or the end of its segment.
// Lane k reads `bytes[b_k + i]`: one shared index lets the compiler drop most bounds checks, and
// an event moves only that lane's base.
function runLanes(bytes: Uint8Array, t: ScanTables, queue: readonly Segment[]): void {
  const delta = t.delta
  const events = t.acceptFrom
  const lineEnd = t.lineEnd
  let next = LANES
  let g0 = queue[0]!
  let g1 = queue[1]!
  let g2 = queue[2]!
  let g3 = queue[3]!
  let i = 0
  let b0 = skipTimestamp(bytes, g0.lineStart, g0.stop)
  let b1 = skipTimestamp(bytes, g1.lineStart, g1.stop)
  let b2 = skipTimestamp(bytes, g2.lineStart, g2.stop)
  let b3 = skipTimestamp(bytes, g3.lineStart, g3.stop)
  let e0 = g0.stop
  let e1 = g1.stop
  let e2 = g2.stop
  let e3 = g3.stop
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  for (;;) {
    const steps = Math.min(e0 - b0, e1 - b1, e2 - b2, e3 - b3) - i
    if (steps > 0) {
      const end = i + steps
      do {
        s0 = delta[s0 | bytes[b0 + i]!]!
        s1 = delta[s1 | bytes[b1 + i]!]!
        s2 = delta[s2 | bytes[b2 + i]!]!
        s3 = delta[s3 | bytes[b3 + i]!]!
        i++
      } while (i < end && s0 < events && s1 < events && s2 < events && s3 < events)
      if (s0 >= events) (b0 = (s0 === lineEnd ? endLine(bytes, g0, b0 + i) : onHit(bytes, t, g0, b0 + i, s0)) - i), (s0 = 0)
      if (s1 >= events) (b1 = (s1 === lineEnd ? endLine(bytes, g1, b1 + i) : onHit(bytes, t, g1, b1 + i, s1)) - i), (s1 = 0)
      if (s2 >= events) (b2 = (s2 === lineEnd ? endLine(bytes, g2, b2 + i) : onHit(bytes, t, g2, b2 + i, s2)) - i), (s2 = 0)
      if (s3 >= events) (b3 = (s3 === lineEnd ? endLine(bytes, g3, b3 + i) : onHit(bytes, t, g3, b3 + i, s3)) - i), (s3 = 0)
      continue
    }
    // A lane reached the end of its segment: it takes the next one; with none left, the others
    // finish alone.
    if (b0 + i >= e0) {
      if (next === queue.length) break
      g0 = queue[next++]!
      ;(e0 = g0.stop), (b0 = skipTimestamp(bytes, g0.lineStart, e0) - i), (s0 = 0)
    }
    if (b1 + i >= e1) {
      if (next === queue.length) break
      g1 = queue[next++]!
      ;(e1 = g1.stop), (b1 = skipTimestamp(bytes, g1.lineStart, e1) - i), (s1 = 0)
    }
    if (b2 + i >= e2) {
      if (next === queue.length) break
      g2 = queue[next++]!
      ;(e2 = g2.stop), (b2 = skipTimestamp(bytes, g2.lineStart, e2) - i), (s2 = 0)
    }
    if (b3 + i >= e3) {
      if (next === queue.length) break
      g3 = queue[next++]!
      ;(e3 = g3.stop), (b3 = skipTimestamp(bytes, g3.lineStart, e3) - i), (s3 = 0)
    }
  }
  runLane(bytes, t, g0, b0 + i, s0)
  runLane(bytes, t, g1, b1 + i, s1)
  runLane(bytes, t, g2, b2 + i, s2)
  runLane(bytes, t, g3, b3 + i, s3)
}

/** One lane alone through the rest of a segment, from `p` in `state`. */
function runLane(bytes: Uint8Array, t: ScanTables, segment: Segment, p: number, state: number): void {
  const delta = t.delta
  const events = t.acceptFrom
  const stop = segment.stop
  let s = state
  let i = p
  while (i < stop) {
    s = delta[s | bytes[i++]!]!
    if (s >= events) (i = s === t.lineEnd ? endLine(bytes, segment, i) : onHit(bytes, t, segment, i, s)), (s = 0)
  }
}

/** A line ended just before `p`: count it, and skip the next line's runner timestamp. */
function endLine(bytes: Uint8Array, segment: Segment, p: number): number {
  if (p - 1 - segment.lineStart > segment.longest) segment.longest = p - 1 - segment.lineStart
  segment.lines++
  segment.lineStart = p
  return skipTimestamp(bytes, p, segment.stop)
}

// Buffer's search is memchr; a typed array's own indexOf is a plain loop.
const bufferIndexOf = Buffer.prototype.indexOf

/** A keyword ended just before `p`: record the line as a hit and go on from the next line. */
function onHit(bytes: Uint8Array, t: ScanTables, segment: Segment, p: number, state: number): number {
  // The rest of a line is usually short, where a plain loop beats a native search's call; a long
  // rest goes to the native search.
  const stop = segment.stop
  const near = Math.min(stop, p + 48)
  let lf = p
  while (lf < near && bytes[lf] !== 10) lf++
  if (lf === near && lf < stop) {
    lf = bufferIndexOf.call(bytes, 10, lf) as number
    if (lf < 0 || lf > stop) lf = stop
  }
  const accept = (state - t.acceptFrom) >> 8
  segment.push(segment.lines, segment.lineStart, lf, t.weight[accept]!, t.kind[accept]!)
  // The line ends here: count it now rather than stepping onto its LF.
  return lf < stop ? endLine(bytes, segment, lf + 1) : stop
}

/** The segments' hits in block order, their line indices made block-wide; a last line without LF counts. */
function collect(parts: readonly Segment[], n: number, into: BlockScan): void {
  into.count = 0
  let lines = 0
  let longest = 0
  for (const part of parts) {
    into.append(part, lines)
    lines += part.lines
    if (part.longest > longest) longest = part.longest
  }
  // Only the segment that reaches the block's end can hold a line without LF; any after it are empty.
  const open = parts.find((part) => part.lineStart < part.stop)
  if (open) {
    lines++
    if (n - open.lineStart > longest) longest = n - open.lineStart
  }
  into.lines = lines
  into.longest = longest
}

/**
 * A runner timestamp, `2024-01-02T03:04:05.1234567Z `, holds no keyword: a line starting with one
 * is scanned after it. Every byte is checked (an LF is below '0'), so a line end is never skipped.
 * Written out rather than looped: this runs once per line.
 */
const TIMESTAMP_BYTES = 29

export function skipTimestamp(b: Uint8Array, p: number, stop: number): number {
  const stamped =
    p + TIMESTAMP_BYTES < stop && b[p + 10] === 84 && b[p + 28] === 32 && b[p + 27] === 90 &&
    b[p + 4] === 45 && b[p + 7] === 45 && b[p + 13] === 58 && b[p + 16] === 58 && b[p + 19] === 46 &&
    digit(b[p]!) && digit(b[p + 1]!) && digit(b[p + 2]!) && digit(b[p + 3]!) && digit(b[p + 5]!) && digit(b[p + 6]!) &&
    digit(b[p + 8]!) && digit(b[p + 9]!) && digit(b[p + 11]!) && digit(b[p + 12]!) && digit(b[p + 14]!) && digit(b[p + 15]!) &&
    digit(b[p + 17]!) && digit(b[p + 18]!) && digit(b[p + 20]!) && digit(b[p + 21]!) && digit(b[p + 22]!) && digit(b[p + 23]!) &&
    digit(b[p + 24]!) && digit(b[p + 25]!) && digit(b[p + 26]!)
  return stamped ? p + TIMESTAMP_BYTES : p
}

function digit(byte: number): boolean {
  return byte - 48 >>> 0 < 10
}
