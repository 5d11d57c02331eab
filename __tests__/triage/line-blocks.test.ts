import { describe, expect, it } from '@jest/globals'
import { LineBlocks } from '../../src/triage/line-blocks.js'
import { chunked } from './helpers.ts'

async function collect(bytes: Uint8Array, seed: number, maxLine = 8192, maxBytes = 1 << 30): Promise<{ text: string; blocks: LineBlocks }> {
  const blocks = new LineBlocks(maxLine, maxBytes)
  const out: Buffer[] = []
  for await (const chunk of chunked(bytes, seed, 7)) {
    for (const block of blocks.push(chunk)) out.push(Buffer.from(block))
    if (blocks.done) break
  }
  const last = blocks.end()
  if (last) out.push(Buffer.from(last))
  return { text: Buffer.concat(out).toString('utf8'), blocks }
}

describe('LineBlocks', () => {
  it('emits whole lines whatever the chunk boundaries, multi-byte characters and CRLF included', async () => {
    const source = 'first line\r\nzweite Zeile: Grüße ✓ 🚀\r\nthird\nlast without newline'
    for (const seed of [1, 2, 3, 42]) {
      const blocks = new LineBlocks(8192, 1 << 30)
      for await (const chunk of chunked(Buffer.from(source), seed, 5)) {
        // Every block ends exactly at a line end and decodes without replacement characters.
        for (const block of blocks.push(chunk)) {
          expect(block[block.length - 1]).toBe(10)
          expect(Buffer.from(block).toString('utf8')).not.toContain('\ufffd')
        }
      }
      blocks.end()
    }
    const { text } = await collect(Buffer.from(source), 9)
    expect(text).toBe(source)
  })

  it('keeps the head of an over-long line, drops the rest, and says so', async () => {
    const long = 'x'.repeat(100_000)
    const { text, blocks } = await collect(Buffer.from(`before\n${long}\nafter\n`), 5, 1000)
    expect(text).toBe(`before\n${'x'.repeat(1000)}\nafter\n`)
    expect(blocks.truncated).toBe(true)
  })

  it('stops reading at the byte cap', async () => {
    const { text, blocks } = await collect(Buffer.from('aaaa\nbbbb\ncccc\n'), 3, 8192, 7)
    expect(blocks.bytes).toBe(7)
    expect(blocks.done).toBe(true)
    expect(blocks.truncated).toBe(true)
    expect(text).toBe('aaaa\nbb')
  })

  it('drops a UTF-8 byte-order mark at the start', async () => {
    const { text } = await collect(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('hello\n')]), 1)
    expect(text).toBe('hello\n')
  })
})

describe('LineBlocks with large chunks', () => {
  it('passes a large chunk on without copying it: the line it completes, then a view of its lines', () => {
    const line = (i: number): string => `line ${i} ${'x'.repeat(i % 50)}\n`
    const text = Array.from({ length: 40_000 }, (_, i) => line(i)).join('')
    const source = Buffer.from(text)
    // One reused buffer, as a reader with a fixed buffer delivers: blocks are used before the next push.
    const reused = Buffer.alloc(300_000)
    const blocks = new LineBlocks(8192, 1 << 30)
    const out: Buffer[] = []
    let views = 0
    for (let offset = 0; offset < source.length; offset += reused.length) {
      const n = source.copy(reused, 0, offset, offset + reused.length)
      const ready = blocks.push(reused.subarray(0, n))
      expect(ready.length).toBeLessThanOrEqual(2)
      for (const block of ready) {
        expect(block[block.length - 1]).toBe(10)
        if (block.buffer === reused.buffer) views++
        out.push(Buffer.from(block))
      }
    }
    const last = blocks.end()
    if (last) out.push(Buffer.from(last))
    expect(Buffer.concat(out).toString()).toBe(text)
    expect(views).toBeGreaterThan(0)
  })
})
