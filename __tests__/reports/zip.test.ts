// The in-memory zip reader: honest archives (ours, the zip CLI's, ZIP64, streamed with data
// descriptors) read exactly; crafted ones (bombs, lying sizes, overlaps, path tricks) bounded.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { readZip, ZIP_LIMITS, ZipError, isReportFileName } from '../../src/reports/index.js'
import { buildZip } from './zip-builder.ts'

const xml = (name: string): string => `<testsuite name="${name}"><testcase name="t"/></testsuite>`
const names = (read: { entries: Array<{ name: string }> }): string[] => read.entries.map((e) => e.name)
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8')

describe('honest archives', () => {
  it('reads deflated, stored and streamed (data-descriptor) entries; skips directories and unwanted files', () => {
    const zip = buildZip([
      { name: 'reports/', data: '', method: 'store' },
      { name: 'reports/a.xml', data: xml('a') },
      { name: 'reports/b.xml', data: xml('b'), method: 'store' },
      { name: 'reports/c.xml', data: xml('c'), dataDescriptor: true },
      { name: 'reports/index.html', data: '<html></html>' },
      { name: 'reports/empty.xml', data: '' }
    ])
    const read = readZip(zip, isReportFileName, ZIP_LIMITS)
    expect(names(read)).toEqual(['reports/a.xml', 'reports/b.xml', 'reports/c.xml', 'reports/empty.xml'])
    expect(read.entries.map((e) => text(e.bytes))).toEqual([xml('a'), xml('b'), xml('c'), ''])
    expect(read).toMatchObject({ skipped: [], truncated: false, ignored: 1 })
  })

  it('reads ZIP64 end records and extra fields', () => {
    const zip = buildZip([{ name: 'a.xml', data: xml('a') }, { name: 'b.trx', data: '<TestRun/>', dataDescriptor: true }], { zip64: true })
    expect(readZip(zip, isReportFileName, ZIP_LIMITS).entries.map((e) => [e.name, text(e.bytes)])).toEqual([
      ['a.xml', xml('a')],
      ['b.trx', '<TestRun/>']
    ])
  })

  it('reads an archive with a trailing comment', () => {
    expect(names(readZip(buildZip([{ name: 'a.xml', data: xml('a') }], { comment: 'made by a test' }), isReportFileName, ZIP_LIMITS))).toEqual(['a.xml'])
  })

  const zipCli = ['/usr/bin/zip', '/bin/zip'].find((p) => existsSync(p))
  ;(zipCli ? it : it.skip)(`reads what the Info-ZIP zip tool writes${zipCli ? '' : ' (skipped: zip is not installed)'}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ci-monitor-zip-'))
    try {
      mkdirSync(path.join(dir, 'build', 'test-results'), { recursive: true })
      const report = readFileSync(fileURLToPath(new URL('../fixtures/reports/TEST-com.example.shop.CartTest.xml', import.meta.url)))
      writeFileSync(path.join(dir, 'build', 'test-results', 'TEST-CartTest.xml'), report)
      writeFileSync(path.join(dir, 'build', 'notes.txt'), 'x'.repeat(10_000))
      execFileSync(zipCli as string, ['-q', '-r', path.join(dir, 'out.zip'), 'build'], { cwd: dir })
      const read = readZip(readFileSync(path.join(dir, 'out.zip')), isReportFileName, ZIP_LIMITS)
      expect(names(read)).toEqual(['build/test-results/TEST-CartTest.xml'])
      expect(Buffer.from(read.entries[0].bytes).equals(report)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('crafted archives', () => {
  it('skips a zip bomb by its declared ratio without inflating it', () => {
    const zip = buildZip([{ name: 'bomb.xml', data: Buffer.alloc(4 * 1024 * 1024) }, { name: 'ok.xml', data: xml('ok') }])
    const read = readZip(zip, isReportFileName, ZIP_LIMITS)
    expect(names(read)).toEqual(['ok.xml'])
    expect(read.skipped).toEqual([{ name: 'bomb.xml', reason: expect.stringMatching(/^compression ratio \d+:1 is above 200:1/) }])
  })

  it('does not judge the ratio of small entries: a short, repetitive report is no bomb', () => {
    const repetitive = `<testsuite>${'<testcase classname="a.B" name="same" time="0"/>'.repeat(10_000)}</testsuite>`
    const read = readZip(buildZip([{ name: 'same.xml', data: repetitive }]), isReportFileName, ZIP_LIMITS)
    expect(read.skipped).toEqual([])
    expect(text(read.entries[0].bytes)).toBe(repetitive)
  })

  it('stops an entry that inflates beyond the size it declares', () => {
    const noisy = Array.from({ length: 20_000 }, (_, i) => `<testcase name="t${(i * 7919) % 10007}"/>`).join('')
    const zip = buildZip([{ name: 'liar.xml', data: noisy, declaredSize: 40_000 }])
    expect(readZip(zip, isReportFileName, ZIP_LIMITS).skipped).toEqual([{ name: 'liar.xml', reason: 'inflates beyond its declared size (a zip bomb?)' }])
  })

  it('refuses an entry over the per-entry cap and stops at the total cap', () => {
    const mb = (fill: string): Buffer => Buffer.from(fill.repeat(1024 * 1024))
    const limits = { ...ZIP_LIMITS, maxRatio: 100_000, maxEntryBytes: 1.5 * 1024 * 1024, maxTotalBytes: 2.5 * 1024 * 1024 }
    const zip = buildZip([
      { name: 'huge.xml', data: Buffer.concat([mb('a'), mb('b')]) },
      { name: '1.xml', data: mb('c') },
      { name: '2.xml', data: mb('d') },
      { name: '3.xml', data: mb('e') }
    ])
    const read = readZip(zip, isReportFileName, limits)
    expect(names(read)).toEqual(['1.xml', '2.xml'])
    expect(read.truncated).toBe(true)
    expect(read.skipped).toEqual([
      { name: 'huge.xml', reason: `inflates to ${2 * 1024 * 1024} bytes (limit ${1.5 * 1024 * 1024})` },
      { name: '3.xml', reason: `not read: the archive's ${2.5 * 1024 * 1024}-byte limit is reached` }
    ])
  })

  it('reads only the first entries of an archive with too many', () => {
    const zip = buildZip(Array.from({ length: 50 }, (_, i) => ({ name: `r${i}.xml`, data: xml(String(i)) })))
    const read = readZip(zip, isReportFileName, { ...ZIP_LIMITS, maxEntries: 10 })
    expect(read.entries).toHaveLength(10)
    expect(read.truncated).toBe(true)
    expect(read.skipped).toEqual([{ name: '(archive)', reason: '40 entries beyond the first 10 not read' }])
  })

  it('returns names such as ../ and absolute paths as data only; duplicates are two entries', () => {
    const hostile = ['../../evil.xml', '/etc/cron.d/evil.xml', 'C:\\Windows\\evil.xml', 'a/../../evil.xml', 'dup.xml', 'dup.xml']
    const zip = buildZip(hostile.map((name, i) => ({ name, data: xml(String(i)) })))
    const read = readZip(zip, isReportFileName, ZIP_LIMITS)
    expect(names(read)).toEqual(hostile)
    expect(read.entries.map((e) => text(e.bytes))).toEqual(hostile.map((_, i) => xml(String(i))))
  })

  it('the archive reader and the artifact adapter have no file-system access at all', () => {
    for (const file of ['../../src/reports/zip.ts', '../../src/github/artifacts.ts', '../../src/reports/collect.ts']) {
      const source = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')
      expect(source).not.toMatch(/from ['"](?:node:)?fs(?:\/promises)?['"]|require\(/)
    }
  })

  it('skips symbolic links and encrypted entries', () => {
    const zip = buildZip([
      { name: 'link.xml', data: '/home/runner/.ssh/id_rsa', method: 'store', unixMode: 0o120777 },
      { name: 'secret.xml', data: xml('s'), encrypted: true },
      { name: 'plain.xml', data: xml('p'), unixMode: 0o100644 }
    ])
    const read = readZip(zip, isReportFileName, ZIP_LIMITS)
    expect(names(read)).toEqual(['plain.xml'])
    expect(read.skipped).toEqual([
      { name: 'link.xml', reason: 'a symbolic link' },
      { name: 'secret.xml', reason: 'encrypted' }
    ])
  })

  it('refuses central entries that alias another entry\'s data (the overlapping-entry bomb)', () => {
    const zip = buildZip([{ name: 'a.xml', data: xml('a') }, ...Array.from({ length: 5 }, (_, i) => ({ name: `alias${i}.xml`, data: '', aliasOf: 0 }))])
    const read = readZip(zip, isReportFileName, ZIP_LIMITS)
    expect(names(read)).toEqual(['a.xml'])
    expect(read.skipped.map((s) => s.reason)).toEqual(Array(5).fill('its data overlaps another entry (a crafted archive)'))
  })

  it('detects a CRC mismatch and a stored entry whose sizes disagree', () => {
    const zip = buildZip([
      { name: 'crc.xml', data: xml('c'), crc: 1234 },
      { name: 'stored.xml', data: xml('s'), method: 'store', declaredSize: 3 }
    ])
    expect(readZip(zip, isReportFileName, ZIP_LIMITS).skipped).toEqual([
      { name: 'crc.xml', reason: 'CRC-32 mismatch (corrupt archive)' },
      { name: 'stored.xml', reason: 'stored entry with two different sizes (corrupt archive)' }
    ])
  })

  it('throws ZipError for what is not a zip archive, or a cut one', () => {
    expect(() => readZip(Buffer.from('PK\u0003\u0004 not really a zip'), isReportFileName, ZIP_LIMITS)).toThrow(ZipError)
    expect(() => readZip(Buffer.alloc(0), isReportFileName, ZIP_LIMITS)).toThrow('too short')
    const zip = buildZip([{ name: 'a.xml', data: xml('a') }])
    expect(() => readZip(zip.subarray(0, zip.length - 30), isReportFileName, ZIP_LIMITS)).toThrow(ZipError)
    // a directory that claims more entries than it holds
    const lying = Buffer.from(zip)
    lying.writeUInt16LE(9, lying.length - 12)
    expect(() => readZip(lying, isReportFileName, ZIP_LIMITS)).toThrow('central directory entry 2 is corrupt')
  })
})
