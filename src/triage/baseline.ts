/**
 * What the same job printed in its last green run, kept compactly so triage can tell the lines
 * that are new in the failing log from echoes of normal output (the LogSage / CiDiff idea). Only
 * the lines that can rank in triage are recorded: those the keyword scan flags. Each is reduced
 * to the template the fingerprint uses (numbers, hashes, temp paths, timestamps masked), and the
 * templates go into a Bloom filter of fixed size: memory stays at 512 KiB whatever the log's
 * size, membership costs four bit tests, and a false "seen" (under 1 in 10 000 up to 100 000
 * templates, 1 in 500 at the cap) only demotes a line, never hides it.
 */
import { stableText } from './fingerprint.js'
import { LineBlocks } from './line-blocks.js'
import { normalizeLine } from './normalize.js'
import { BlockScan, KEYWORD_TABLES, scanBlock } from './scanner.js'

export interface Baseline {
  /** Lines of the green log that were read. */
  readonly lines: number
  /** Distinct templates recorded (a Bloom filter may merge a few that collide). */
  readonly templates: number
  /** The template cap was reached: later lines of the green log were not recorded. */
  readonly saturated: boolean
  /** The filter: BITS bits, four per template. */
  readonly bits: Uint32Array
}

export interface BaselineOptions {
  /** Bytes read before the rest of the log is skipped (default 512 MiB). */
  maxBytes?: number
  /** Longest line kept, in bytes (default 8192). */
  maxLineLength?: number
}

const BITS = 1 << 22
const PROBES = 4
/** Past this many templates the false-positive rate would climb: recording stops. */
const MAX_TEMPLATES = 250_000

export async function buildBaseline(source: AsyncIterable<Uint8Array | string>, options: BaselineOptions = {}): Promise<Baseline> {
  const builder = new BaselineBuilder(options)
  for await (const chunk of source) if (!builder.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)) break
  return builder.end()
}

export function baselineFromText(text: string, options: BaselineOptions = {}): Baseline {
  const builder = new BaselineBuilder(options)
  builder.push(Buffer.from(text, 'utf8'))
  return builder.end()
}

/** Did the green log print a line with this (normalised) text's template? */
export function inBaseline(baseline: Baseline, text: string): boolean {
  return probe(baseline.bits, stableText(text), false)
}

class BaselineBuilder {
  private readonly blocks: LineBlocks
  private readonly maxLineLength: number
  private readonly scan = new BlockScan()
  private readonly bits = new Uint32Array(BITS / 32)
  private lines = 0
  private templates = 0
  private saturated = false

  constructor(options: BaselineOptions) {
    this.maxLineLength = positive(options.maxLineLength, 8192)
    this.blocks = new LineBlocks(this.maxLineLength, positive(options.maxBytes, 512 * 1024 * 1024))
  }

  /** Returns false once the byte cap is reached. */
  push(chunk: Uint8Array): boolean {
    for (const block of this.blocks.push(chunk)) this.record(block)
    return !this.blocks.done
  }

  end(): Baseline {
    const tail = this.blocks.end()
    if (tail) this.record(tail)
    return { lines: this.lines, templates: this.templates, saturated: this.saturated, bits: this.bits }
  }

  private record(block: Uint8Array): void {
    const scan = this.scan
    scanBlock(block, KEYWORD_TABLES, scan)
    this.lines += scan.lines
    for (let h = 0; h < scan.count && !this.saturated; h++) {
      if (scan.weight[h] === 0) continue
      const end = Math.min(scan.end[h]!, scan.start[h]! + this.maxLineLength)
      const text = normalizeLine(Buffer.from(block.buffer, block.byteOffset + scan.start[h]!, end - scan.start[h]!).toString('utf8')).text
      if (!probe(this.bits, stableText(text), true)) this.templates++
      if (this.templates >= MAX_TEMPLATES) this.saturated = true
    }
  }
}

/** Tests (and with `add`, sets) the template's bits; returns whether all were already set. */
function probe(bits: Uint32Array, template: string, add: boolean): boolean {
  // Two independent 32-bit hashes (FNV-1a and a multiplicative variant) make the k probes.
  let h1 = 0x811c9dc5
  let h2 = 0x9e3779b9
  for (let i = 0; i < template.length; i++) {
    const c = template.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x85ebca6b) ^ (h2 >>> 13)
  }
  h2 |= 1
  let seen = true
  for (let k = 0; k < PROBES; k++) {
    const bit = (h1 + Math.imul(k, h2)) & (BITS - 1)
    const word = bit >>> 5
    const mask = 1 << (bit & 31)
    if ((bits[word]! & mask) === 0) {
      seen = false
      if (!add) return false
      bits[word]! |= mask
    }
  }
  return seen
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}
