/**
 * Turns a stream of arbitrary chunks into blocks of whole lines, in bounded memory: a line is
 * never split across blocks, a line longer than the cap keeps its head and the rest is dropped
 * (so a 10 MB line without a newline costs at most the cap), and reading stops at the byte cap.
 * Small chunks (an HTTP download delivers 16–64 KB) are gathered into blocks of at least
 * MIN_BLOCK bytes, since each block has a fixed cost downstream; a large chunk is passed on as a
 * view, not copied, after the one line it completes.
 * Work is on bytes: LF never occurs inside a UTF-8 multi-byte sequence, so a block never cuts a
 * character, and decoding is left to the few lines that are looked at.
 */
const MIN_BLOCK = 256 * 1024

export class LineBlocks {
  /** Bytes consumed (after the byte cap, nothing more is consumed). */
  bytes = 0
  /** True once the byte cap or a cut line dropped content. */
  truncated = false
  /** True once the byte cap is reached: the caller stops reading. */
  done = false

  private readonly maxLineBytes: number
  private readonly maxBytes: number
  /** Whole lines waiting for the block to fill up. */
  private lines: Uint8Array[] = []
  private linesLength = 0
  /** The start of a line whose LF has not arrived yet. */
  private partial: Uint8Array[] = []
  private partialLength = 0
  private skippingRestOfLine = false
  private atStart = true

  constructor(maxLineBytes: number, maxBytes: number) {
    this.maxLineBytes = maxLineBytes
    this.maxBytes = maxBytes
  }

  /**
   * Adds a chunk; returns the blocks of complete lines (each ending with LF) it made ready, in
   * order: none while lines gather, else at most two. A large chunk is not copied: the line it
   * completes goes out on its own (with the lines that waited), then a view of the chunk's lines.
   */
  push(input: Uint8Array): Uint8Array[] {
    let chunk = input
    if (this.done || chunk.length === 0) return []
    if (this.bytes + chunk.length > this.maxBytes) {
      // Only now is it known that the log goes on past the cap.
      chunk = chunk.subarray(0, this.maxBytes - this.bytes)
      this.truncated = true
      this.done = true
    }
    this.bytes += chunk.length
    if (this.atStart) {
      this.atStart = false
      // A UTF-8 byte-order mark is not content.
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3)
    }
    let from = 0
    if (this.skippingRestOfLine) {
      const newline = chunk.indexOf(10)
      if (newline < 0) return []
      this.skippingRestOfLine = false
      // Keep the LF: it ends the truncated line held in `partial`.
      from = newline
    }
    const last = chunk.lastIndexOf(10)
    if (last < from) {
      this.hold(chunk.subarray(from))
      return []
    }
    const complete = chunk.subarray(from, last + 1)
    const rest = chunk.subarray(last + 1)
    const waiting = this.linesLength + this.partialLength
    const blocks: Uint8Array[] = []
    if (waiting + complete.length < MIN_BLOCK) {
      this.lines.push(...this.partial, copy(complete))
      this.linesLength = waiting + complete.length
    } else if (waiting === 0) {
      blocks.push(complete)
    } else {
      const firstEnd = chunk.indexOf(10, from) + 1
      blocks.push(Buffer.concat([...this.lines, ...this.partial, chunk.subarray(from, firstEnd)], waiting + firstEnd - from))
      if (firstEnd <= last) blocks.push(chunk.subarray(firstEnd, last + 1))
      this.lines = []
      this.linesLength = 0
    }
    this.partial = []
    this.partialLength = 0
    this.hold(rest)
    return blocks
  }

  /** What is left at the end of the stream, the last line included even without LF. */
  end(): Uint8Array | null {
    this.lines.push(...this.partial)
    this.linesLength += this.partialLength
    this.partial = []
    this.partialLength = 0
    return this.linesLength > 0 ? this.flushLines() : null
  }

  private flushLines(): Uint8Array {
    const block = this.lines.length === 1 ? this.lines[0]! : Buffer.concat(this.lines, this.linesLength)
    this.lines = []
    this.linesLength = 0
    return block
  }

  private hold(part: Uint8Array): void {
    if (part.length === 0) return
    const room = this.maxLineBytes - this.partialLength
    let kept = part
    if (part.length > room) {
      kept = part.subarray(0, Math.max(0, room))
      this.skippingRestOfLine = true
      this.truncated = true
    }
    if (kept.length === 0) return
    this.partial.push(copy(kept))
    this.partialLength += kept.length
  }
}

/** Bytes kept past this call are copied: the caller may reuse its chunk buffer. */
function copy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length)
  out.set(bytes)
  return out
}
