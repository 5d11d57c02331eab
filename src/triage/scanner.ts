/**
 * One pass over raw log bytes that finds the lines holding a keyword (keywords.ts). It is an
 * Aho–Corasick automaton compiled to a flat transition table, ASCII letters folded to lowercase:
 * one table lookup per byte, no decoding, no regex, so cost stays linear whatever the input
 * (a 10 MB line, binary junk) and close to what grep does.
 */
import { BINARY_BYTES, KEYWORDS, KIND_BINARY, type Keyword } from './keywords.js'

export interface ScanTables {
  /** Next state, pre-multiplied by 256: `delta[state | byte]`. */
  delta: Int32Array
  /** States at or above this offset are accepting. */
  acceptFrom: number
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

  // Renumber so accepting states come last: the hot loop then needs one comparison per byte.
  const order: number[] = []
  for (let s = 0; s < count; s++) if (!accepting[s]) order.push(s)
  const acceptIndex = order.length
  for (let s = 0; s < count; s++) if (accepting[s]) order.push(s)
  const renumbered = new Int32Array(count)
  order.forEach((s, i) => (renumbered[s] = i))
  const delta = new Int32Array(count * 256)
  for (let s = 0; s < count; s++) {
    const row = renumbered[s]! * 256
    for (let b = 0; b < 256; b++) delta[row + b] = renumbered[next[s * 256 + b]!]! * 256
  }
  const acceptWeight = new Uint8Array(count - acceptIndex)
  const acceptKind = new Uint8Array(count - acceptIndex)
  for (let i = acceptIndex; i < count; i++) {
    acceptWeight[i - acceptIndex] = weight[order[i]!]!
    acceptKind[i - acceptIndex] = kind[order[i]!]!
  }
  return { delta, acceptFrom: acceptIndex * 256, weight: acceptWeight, kind: acceptKind }
}

/** What one pass over a block found: its line count, its longest line, and the lines with a hit. */
export class BlockScan {
  /** Lines in the block (a last line without LF counts). */
  lines = 0
  /** Length in bytes of the longest line. */
  longest = 0
  /** Hits, as parallel arrays reused between blocks to avoid garbage. */
  count = 0
  /** Index of the line in the block (0-based). */
  line = new Int32Array(1024)
  start = new Int32Array(1024)
  end = new Int32Array(1024)
  weight = new Uint8Array(1024)
  kind = new Uint8Array(1024)

  push(line: number, start: number, end: number, weight: number, kind: number): void {
    if (this.count === this.start.length) this.grow()
    const i = this.count++
    this.line[i] = line
    this.start[i] = start
    this.end[i] = end
    this.weight[i] = weight
    this.kind[i] = kind
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

/**
 * One pass over `bytes` (complete lines, LF-separated): every line is counted, and a line holding
 * a keyword is a hit with the weight and kind of its first keyword. The rest of a hit line is not
 * scanned: the first word only orders candidates when a huge log overflows the store, and every
 * kept line is rescored in full later.
 */
export function scanBlock(bytes: Uint8Array, tables: ScanTables, into: BlockScan): void {
  into.count = 0
  scanLines(bytes, tables.delta, tables.acceptFrom, tables.weight, tables.kind, into)
}

/** A runner timestamp, `2024-01-02T03:04:05.1234567Z `, holds no keyword: lines skip it. */
const TIMESTAMP_BYTES = 29

// The hot path of triage: kept monomorphic and free of property loads in the inner loop; line ends
// are found with the native byte search, the automaton runs one table lookup per byte.
function scanLines(bytes: Uint8Array, delta: Int32Array, acceptFrom: number, weights: Uint8Array, kinds: Uint8Array, into: BlockScan): void {
  const n = bytes.length
  let line = 0
  let longest = 0
  let start = 0
  while (start < n) {
    let end = bytes.indexOf(10, start)
    if (end < 0) end = n
    const length = end - start
    if (length > longest) longest = length
    const stamped = length > TIMESTAMP_BYTES && bytes[start + 10] === 84 && bytes[start + 27] === 90 && bytes[start + 28] === 32 && bytes[start + 4] === 45
    let i = stamped ? start + TIMESTAMP_BYTES : start
    let state = 0
    for (; i < end; i++) {
      state = delta[state | bytes[i]!]!
      if (state >= acceptFrom) break
    }
    if (i < end) into.push(line, start, end, weights[(state - acceptFrom) >> 8]!, kinds[(state - acceptFrom) >> 8]!)
    line++
    start = end + 1
  }
  into.lines = line
  into.longest = longest
}
