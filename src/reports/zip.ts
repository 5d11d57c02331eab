/**
 * Reads chosen entries of a zip archive held in memory. Entry names are data: they pick which
 * entries are wanted (by suffix) and label them, and are never used as paths — nothing is written
 * to disk, so `../`, absolute names, symlinks and duplicate names cannot reach the file system.
 *
 * The central directory is the source of truth (writers that stream, like the archiver library
 * behind actions/upload-artifact, put zeros in local headers and sizes in data descriptors). Every
 * wanted entry is checked before it is inflated: size against the per-entry and total caps,
 * declared compression ratio (zip bombs), bounds and overlap with other entries (the overlapping
 * -entry bomb); then inflated with Node's zlib capped at its declared size, and its length and
 * CRC-32 checked. Deflate and stored entries are read; ZIP64 sizes and offsets are understood.
 */
import { crc32, inflateRawSync } from 'node:zlib'
import type { ZipLimits } from './limits.js'

export interface ZipEntry {
  /** The name as stored in the archive (untrusted). */
  name: string
  bytes: Uint8Array
}

export interface ZipRead {
  entries: ZipEntry[]
  /** Wanted entries that were not read, and why. */
  skipped: Array<{ name: string; reason: string }>
  /** A cap (entry count, total bytes) left wanted entries unread. */
  truncated: boolean
  /** Entries the filter did not want. */
  ignored: number
}

/** The archive as a whole cannot be read. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipError'
  }
}

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_END = 0x06054b50
const SIG_END64 = 0x06064b50
const SIG_LOCATOR64 = 0x07064b50
const END_SIZE = 22
const MAX_COMMENT = 0xffff
const FLAG_ENCRYPTED = 0x1
const FLAG_UTF8 = 0x800
const STORED = 0
const DEFLATED = 8
const U32_MAX = 0xffffffff
const UNIX_HOST = 3
const S_IFMT = 0o170000
const S_IFLNK = 0o120000

interface CentralEntry {
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  size: number
  localOffset: number
  symlink: boolean
}

interface Candidate {
  entry: CentralEntry
  dataStart: number
  dataEnd: number
}

export function readZip(archive: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits): ZipRead {
  const buf = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength)
  const directory = readDirectory(buf)
  const result: ZipRead = { entries: [], skipped: [], truncated: false, ignored: 0 }
  const skip = (name: string, reason: string): void => {
    result.skipped.push({ name, reason })
  }

  const { entries, total } = readCentralEntries(buf, directory, limits.maxEntries)
  if (total > entries.length) {
    result.truncated = true
    skip('(archive)', `${total - entries.length} entries beyond the first ${limits.maxEntries} not read`)
  }

  const candidates: Candidate[] = []
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue
    if (!wanted(entry.name)) {
      result.ignored += 1
      continue
    }
    const problem = entryProblem(entry, limits)
    if (problem) {
      skip(entry.name, problem)
      continue
    }
    const data = locateData(buf, entry, directory.offset)
    if (typeof data === 'string') skip(entry.name, data)
    else candidates.push(data)
  }

  const overlapping = findOverlaps(candidates)
  let inflated = 0
  for (const candidate of candidates) {
    const { entry } = candidate
    if (overlapping.has(candidate)) {
      skip(entry.name, 'its data overlaps another entry (a crafted archive)')
      continue
    }
    if (inflated + entry.size > limits.maxTotalBytes) {
      result.truncated = true
      skip(entry.name, `not read: the archive's ${limits.maxTotalBytes}-byte limit is reached`)
      continue
    }
    const bytes = extract(buf, candidate)
    if (typeof bytes === 'string') {
      skip(entry.name, bytes)
      continue
    }
    inflated += bytes.length
    result.entries.push({ name: entry.name, bytes })
  }
  return result
}

function readDirectory(buf: Buffer): { offset: number; size: number; total: number } {
  if (buf.length < END_SIZE) throw new ZipError('too short to be a zip archive')
  let end = -1
  for (let pos = buf.length - END_SIZE; pos >= Math.max(0, buf.length - END_SIZE - MAX_COMMENT); pos--) {
    if (buf.readUInt32LE(pos) === SIG_END && pos + END_SIZE + buf.readUInt16LE(pos + 20) <= buf.length) {
      end = pos
      break
    }
  }
  if (end < 0) throw new ZipError('no end-of-central-directory record (not a zip archive)')
  if (buf.readUInt16LE(end + 4) !== 0 || buf.readUInt16LE(end + 6) !== 0) throw new ZipError('multi-volume archives are not read')
  let total = buf.readUInt16LE(end + 10)
  let size = buf.readUInt32LE(end + 12)
  let offset = buf.readUInt32LE(end + 16)
  let directoryEnd = end
  if (total === 0xffff || size === U32_MAX || offset === U32_MAX) {
    const locator = end - 20
    if (locator < 0 || buf.readUInt32LE(locator) !== SIG_LOCATOR64) throw new ZipError('ZIP64 locator missing')
    const record = safeNumber(buf.readBigUInt64LE(locator + 8))
    if (record + 56 > locator || buf.readUInt32LE(record) !== SIG_END64) throw new ZipError('ZIP64 end record missing')
    total = safeNumber(buf.readBigUInt64LE(record + 32))
    size = safeNumber(buf.readBigUInt64LE(record + 40))
    offset = safeNumber(buf.readBigUInt64LE(record + 48))
    directoryEnd = record
  }
  if (offset + size > directoryEnd) throw new ZipError('central directory outside the archive')
  return { offset, size, total }
}

function readCentralEntries(buf: Buffer, directory: { offset: number; size: number; total: number }, maxEntries: number): { entries: CentralEntry[]; total: number } {
  const entries: CentralEntry[] = []
  const end = directory.offset + directory.size
  let pos = directory.offset
  const count = Math.min(directory.total, maxEntries)
  for (let i = 0; i < count; i++) {
    if (pos + 46 > end || buf.readUInt32LE(pos) !== SIG_CENTRAL) throw new ZipError(`central directory entry ${i + 1} is corrupt`)
    const nameLength = buf.readUInt16LE(pos + 28)
    const extraLength = buf.readUInt16LE(pos + 30)
    const commentLength = buf.readUInt16LE(pos + 32)
    const next = pos + 46 + nameLength + extraLength + commentLength
    if (next > end) throw new ZipError(`central directory entry ${i + 1} runs past the directory`)
    const flags = buf.readUInt16LE(pos + 8)
    const nameBytes = buf.subarray(pos + 46, pos + 46 + nameLength)
    const sizes = {
      size: buf.readUInt32LE(pos + 24),
      compressedSize: buf.readUInt32LE(pos + 20),
      localOffset: buf.readUInt32LE(pos + 42)
    }
    readZip64Extra(buf.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength), sizes)
    const mode = (buf.readUInt32LE(pos + 38) >>> 16) & S_IFMT
    entries.push({
      // Names without the UTF-8 flag are CP437; latin1 is close enough for a label.
      name: nameBytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1'),
      flags,
      method: buf.readUInt16LE(pos + 10),
      crc: buf.readUInt32LE(pos + 16),
      ...sizes,
      symlink: buf.readUInt8(pos + 5) === UNIX_HOST && mode === S_IFLNK
    })
    pos = next
  }
  return { entries, total: directory.total }
}

/** ZIP64 extended information (header 0x0001): 64-bit values for the fields saturated at 0xFFFFFFFF. */
function readZip64Extra(extra: Buffer, sizes: { size: number; compressedSize: number; localOffset: number }): void {
  let pos = 0
  while (pos + 4 <= extra.length) {
    const id = extra.readUInt16LE(pos)
    const length = extra.readUInt16LE(pos + 2)
    const body = extra.subarray(pos + 4, Math.min(extra.length, pos + 4 + length))
    if (id === 0x0001) {
      let at = 0
      for (const field of ['size', 'compressedSize', 'localOffset'] as const) {
        if (sizes[field] !== U32_MAX) continue
        if (at + 8 > body.length) throw new ZipError('ZIP64 extra field too short')
        sizes[field] = safeNumber(body.readBigUInt64LE(at))
        at += 8
      }
      return
    }
    pos += 4 + length
  }
}

function entryProblem(entry: CentralEntry, limits: ZipLimits): string | null {
  if (entry.flags & FLAG_ENCRYPTED) return 'encrypted'
  if (entry.symlink) return 'a symbolic link'
  if (entry.method !== STORED && entry.method !== DEFLATED) return `compression method ${entry.method} is not supported`
  if (entry.size > limits.maxEntryBytes) return `inflates to ${entry.size} bytes (limit ${limits.maxEntryBytes})`
  const ratio = entry.compressedSize === 0 ? (entry.size === 0 ? 0 : Infinity) : entry.size / entry.compressedSize
  if (entry.size > limits.ratioFloorBytes && ratio > limits.maxRatio) return `compression ratio ${Number.isFinite(ratio) ? Math.round(ratio) : '∞'}:1 is above ${limits.maxRatio}:1 (a zip bomb?)`
  return null
}

function locateData(buf: Buffer, entry: CentralEntry, directoryOffset: number): Candidate | string {
  const header = entry.localOffset
  if (header + 30 > directoryOffset || buf.readUInt32LE(header) !== SIG_LOCAL) return 'local header missing (corrupt archive)'
  const dataStart = header + 30 + buf.readUInt16LE(header + 26) + buf.readUInt16LE(header + 28)
  const dataEnd = dataStart + entry.compressedSize
  if (dataEnd > directoryOffset) return 'data runs past the end of the entries (corrupt archive)'
  return { entry, dataStart, dataEnd }
}

/** Entries whose bytes (local header to end of data) overlap an earlier one's. */
function findOverlaps(candidates: readonly Candidate[]): Set<Candidate> {
  const byStart = [...candidates].sort((a, b) => a.entry.localOffset - b.entry.localOffset)
  const overlapping = new Set<Candidate>()
  let reach = 0
  for (const candidate of byStart) {
    if (candidate.entry.localOffset < reach) overlapping.add(candidate)
    reach = Math.max(reach, candidate.dataEnd)
  }
  return overlapping
}

function extract(buf: Buffer, { entry, dataStart, dataEnd }: Candidate): Uint8Array | string {
  const data = buf.subarray(dataStart, dataEnd)
  let bytes: Buffer
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.size) return 'stored entry with two different sizes (corrupt archive)'
    bytes = data
  } else {
    try {
      // Capped at the declared size: a lying header cannot make us inflate more.
      bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) })
    } catch (error) {
      const code = (error as { code?: unknown }).code
      return code === 'ERR_BUFFER_TOO_LARGE' ? 'inflates beyond its declared size (a zip bomb?)' : 'deflate data is corrupt'
    }
  }
  if (bytes.length !== entry.size) return `holds ${bytes.length} bytes, not the ${entry.size} declared (corrupt archive)`
  if (crc32(bytes) !== entry.crc) return 'CRC-32 mismatch (corrupt archive)'
  return bytes
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('ZIP64 value out of range')
  return Number(value)
}
