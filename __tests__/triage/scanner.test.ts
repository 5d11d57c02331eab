import { describe, expect, it } from '@jest/globals'
import { KIND_BINARY, KIND_ERROR_MARKER, KIND_GROUP } from '../../src/triage/keywords.js'
import { BlockScan, buildScanTables, scanBlock } from '../../src/triage/scanner.js'

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
