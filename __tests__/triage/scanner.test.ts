import { describe, expect, it } from '@jest/globals'
import { BINARY_BYTES, KEYWORDS, KIND_BINARY, KIND_ERROR_MARKER, KIND_GROUP } from '../../src/triage/keywords.js'
import { BlockScan, buildScanTables, scanBlock } from '../../src/triage/scanner.js'
import { prng } from './helpers.ts'

const tables = buildScanTables()

function scan(text: string): { line: string; weight: number; kind: number }[] {
  const bytes = Buffer.from(text)
  const scan = new BlockScan()
  scanBlock(bytes, tables, scan)
  const out = []
  for (let i = 0; i < scan.count; i++) {
    expect(text.split('\n')[scan.line[i]!]).toBe(bytes.toString('utf8', scan.start[i], scan.end[i]))
    out.push({ line: bytes.toString('utf8', scan.start[i], scan.end[i]), weight: scan.weight[i]!, kind: scan.kind[i]! })
  }
  return out
}

describe('scanBlock', () => {
  it('finds keyword lines whatever their case and skips the others', () => {
    const hits = scan('all good\nBUILD FAILED in 3s\nnothing here\nnpm ERR! code ENOSPC\nfine\nNo Space Left On Device\n')
    expect(hits.map((h) => h.line)).toEqual(['BUILD FAILED in 3s', 'npm ERR! code ENOSPC', 'No Space Left On Device'])
  })

  it('reports runner markers and group headers as structure', () => {
    const [error, group] = scan('##[error]Process completed with exit code 1.\n##[group]Run npm test\n')
    expect(error!.kind & KIND_ERROR_MARKER).toBeTruthy()
    expect(group!.kind & KIND_GROUP).toBeTruthy()
  })

  it('spots control bytes as binary', () => {
    const [hit] = scan('plain\nbin\u0000ary\n')
    expect(hit!.line).toBe('bin\u0000ary')
    expect(hit!.kind & KIND_BINARY).toBeTruthy()
  })

  it('counts every line and skips runner timestamps', () => {
    const scan = new BlockScan()
    scanBlock(Buffer.from('2024-05-06T09:14:02.1234567Z plain\n2024-05-06T09:14:02.1234567Z Error: x\n\nlast'), tables, scan)
    expect(scan.lines).toBe(4)
    expect(scan.count).toBe(1)
    expect(scan.line[0]).toBe(1)
  })

  it('matches non-ASCII markers on their UTF-8 bytes (the Jest bullet)', () => {
    expect(scan('  ● suite › test\n').map((h) => h.line)).toEqual(['  ● suite › test'])
  })
})

/** Every keyword (and binary byte) by its last byte, for the slow reference search below. */
const ENDING_IN = new Map<number, { bytes: Buffer; weight: number; kind: number }[]>()
for (const word of [
  ...KEYWORDS.map((k) => ({ bytes: Buffer.from(k.text, 'utf8'), weight: k.weight, kind: k.kind ?? 0 })),
  ...BINARY_BYTES.map((b) => ({ bytes: Buffer.from([b]), weight: 0, kind: KIND_BINARY }))
]) {
  const last = word.bytes[word.bytes.length - 1]!
  ENDING_IN.set(last, [...(ENDING_IN.get(last) ?? []), word])
}

/** What the scanner must report for one line, found the slow way: every keyword tried at every end. */
function reference(line: Uint8Array): { weight: number; kind: number } | null {
  const stamp = Buffer.from('0000-00-00T00:00:00.0000000Z ')
  const stamped = line.length >= stamp.length && stamp.every((b, i) => (b === 48 ? line[i]! >= 48 && line[i]! <= 57 : line[i] === b))
  const from = stamped ? stamp.length : 0
  const lower = Buffer.from(line.map((b) => (b >= 65 && b <= 90 ? b + 32 : b)))
  for (let end = from + 1; end <= lower.length; end++) {
    const ending = (ENDING_IN.get(lower[end - 1]!) ?? []).filter((w) => end - w.bytes.length >= from && lower.subarray(end - w.bytes.length, end).equals(w.bytes))
    if (ending.length > 0) return { weight: Math.max(...ending.map((w) => w.weight)), kind: ending.reduce((k, w) => k | w.kind, 0) }
  }
  return null
}

describe('scanBlock on blocks of every size', () => {
  const pieces = [
    'plain words here', 'ERROR', 'Error: boom', 'build FAILED', 'npm ERR! code E404', 'No Space Left', '  at org.x.Y(Y.java:1)',
    '2024-05-06T09:14:02.1234567Z ', '2024-05-06T09:14:0', '##[group]Run x', '##[endgroup]', '##[error]bad', '::error::x',
    '\u25cf suite \u203a test', '\u00d7 3', '\u0000', '\u0007bel', 'caf\u00e9', '\r', '\t', 'x'.repeat(300), 'Post job cleanup.', ' \u203a '
  ]

  function randomLog(seed: number, lines: number): Buffer {
    const random = prng(seed)
    const out: string[] = []
    for (let i = 0; i < lines; i++) {
      const parts: string[] = []
      for (let k = Math.floor(random() * 5); k >= 0; k--) parts.push(pieces[Math.floor(random() * pieces.length)]!)
      out.push(parts.join(random() < 0.5 ? ' ' : ''))
    }
    return Buffer.from(out.join('\n') + (random() < 0.5 ? '\n' : ''), 'utf8')
  }

  it('reports, line by line, exactly the first keyword a slow search finds (four lanes and one)', () => {
    for (const [seed, lines] of [[1, 40], [2, 9000], [3, 14000], [4, 1]] as const) {
      const bytes = randomLog(seed, lines)
      const scan = new BlockScan()
      scanBlock(bytes, tables, scan)
      const split: Buffer[] = []
      for (let start = 0; start < bytes.length; ) {
        let end = bytes.indexOf(10, start)
        if (end < 0) end = bytes.length
        split.push(bytes.subarray(start, end))
        start = end + 1
      }
      expect(scan.lines).toBe(split.length)
      expect(scan.longest).toBe(Math.max(0, ...split.map((l) => l.length)))
      const expected = split.flatMap((line, i) => {
        const hit = reference(line)
        return hit ? [{ line: i, ...hit }] : []
      })
      const got = Array.from({ length: scan.count }, (_, h) => ({ line: scan.line[h]!, weight: scan.weight[h]!, kind: scan.kind[h]! }))
      expect(got).toEqual(expected)
      for (let h = 0; h < scan.count; h++) expect(bytes.subarray(scan.start[h], scan.end[h]).equals(split[scan.line[h]!]!)).toBe(true)
    }
  })

  it('never skips a line end hidden where a runner timestamp would be', () => {
    const bytes = Buffer.from('2024-05-06T09:14:02.1\nerror here\n2024-05-06T09:14:02.1234567Z error\n')
    const scan = new BlockScan()
    scanBlock(bytes, tables, scan)
    expect(scan.lines).toBe(3)
    expect(Array.from(scan.line.subarray(0, scan.count))).toEqual([1, 2])
  })
})
