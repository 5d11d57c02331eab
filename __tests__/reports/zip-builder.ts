// Builds zip archives in memory for the tests (PKWARE APPNOTE 6.3 layout), honest or crafted:
// lying sizes, data descriptors (as streaming writers such as archiver emit), ZIP64 records,
// symlinks, encrypted flags and central entries aliasing another entry's data.
import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipInput {
  name: string
  data: Buffer | string
  /** Default `deflate`. */
  method?: 'deflate' | 'store'
  /** Size written in the headers instead of the real one. */
  declaredSize?: number
  crc?: number
  /** Zeros in the local header, sizes in a data descriptor after the data (general-purpose bit 3). */
  dataDescriptor?: boolean
  /** Unix mode in the external attributes (made by Unix), e.g. 0o120777 for a symlink. */
  unixMode?: number
  encrypted?: boolean
  /** Central entry pointing at entry `aliasOf`'s local header and data; no local record of its own. */
  aliasOf?: number
}

export interface ZipOptions {
  /** Write sizes and offsets through ZIP64 extra fields and end records. */
  zip64?: boolean
  comment?: string
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2)
  b.writeUInt16LE(n)
  return b
}
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n >>> 0)
  return b
}
const u64 = (n: number): Buffer => {
  const b = Buffer.alloc(8)
  b.writeBigUInt64LE(BigInt(n))
  return b
}

export function buildZip(inputs: readonly ZipInput[], options: ZipOptions = {}): Buffer {
  const parts: Buffer[] = []
  let offset = 0
  const push = (b: Buffer): void => {
    parts.push(b)
    offset += b.length
  }
  const records: Array<{ name: Buffer; flags: number; method: number; crc: number; csize: number; size: number; local: number; mode?: number }> = []
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8')
    const raw = Buffer.isBuffer(input.data) ? input.data : Buffer.from(input.data, 'utf8')
    const method = input.method === 'store' ? 0 : 8
    const body = method === 8 ? deflateRawSync(raw) : raw
    const crc = input.crc ?? crc32(raw)
    const size = input.declaredSize ?? raw.length
    const flags = 0x800 | (input.dataDescriptor ? 0x8 : 0) | (input.encrypted ? 0x1 : 0)
    if (input.aliasOf !== undefined) {
      const target = records[input.aliasOf]
      records.push({ ...target, name, mode: input.unixMode })
      continue
    }
    const local = offset
    const zeroSizes = input.dataDescriptor === true
    const extra = options.zip64 ? Buffer.concat([u16(1), u16(16), u64(zeroSizes ? 0 : size), u64(zeroSizes ? 0 : body.length)]) : Buffer.alloc(0)
    push(
      Buffer.concat([
        u32(0x04034b50), u16(options.zip64 ? 45 : 20), u16(flags), u16(method), u16(0), u16(0),
        u32(zeroSizes ? 0 : crc),
        u32(options.zip64 ? 0xffffffff : zeroSizes ? 0 : body.length),
        u32(options.zip64 ? 0xffffffff : zeroSizes ? 0 : size),
        u16(name.length), u16(extra.length), name, extra
      ])
    )
    push(body)
    if (zeroSizes) push(Buffer.concat([u32(0x08074b50), u32(crc), u32(body.length), u32(size)]))
    records.push({ name, flags, method, crc, csize: body.length, size, local, mode: input.unixMode })
  }
  const directoryStart = offset
  for (const r of records) {
    const extra = options.zip64 ? Buffer.concat([u16(1), u16(24), u64(r.size), u64(r.csize), u64(r.local)]) : Buffer.alloc(0)
    const madeBy = r.mode !== undefined ? (3 << 8) | 20 : 20
    push(
      Buffer.concat([
        u32(0x02014b50), u16(madeBy), u16(options.zip64 ? 45 : 20), u16(r.flags), u16(r.method), u16(0), u16(0),
        u32(r.crc),
        u32(options.zip64 ? 0xffffffff : r.csize),
        u32(options.zip64 ? 0xffffffff : r.size),
        u16(r.name.length), u16(extra.length), u16(0), u16(0), u16(0),
        u32(r.mode !== undefined ? (r.mode << 16) >>> 0 : 0),
        u32(options.zip64 ? 0xffffffff : r.local),
        r.name, extra
      ])
    )
  }
  const directorySize = offset - directoryStart
  const comment = Buffer.from(options.comment ?? '', 'utf8')
  if (options.zip64) {
    const record = offset
    push(
      Buffer.concat([
        u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0),
        u64(records.length), u64(records.length), u64(directorySize), u64(directoryStart)
      ])
    )
    push(Buffer.concat([u32(0x07064b50), u32(0), u64(record), u32(1)]))
    push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(comment.length), comment]))
  } else {
    push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(records.length), u16(records.length), u32(directorySize), u32(directoryStart), u16(comment.length), comment]))
  }
  return Buffer.concat(parts)
}
