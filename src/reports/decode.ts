/**
 * Report bytes to text. Test tools write UTF-8 almost always; .NET tools on Windows may write
 * UTF-16 with a byte-order mark, and old Ant/Java setups declare ISO-8859-1. Invalid bytes become
 * U+FFFD instead of failing the whole file.
 */

// Single-byte encodings a report may declare; anything else is read as UTF-8.
const SINGLE_BYTE: Record<string, string> = {
  'iso-8859-1': 'latin1',
  latin1: 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'us-ascii': 'latin1',
  ascii: 'latin1'
}

const DECLARATION = /^<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/

export function decodeReportBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2))
  // The declaration is ASCII in every encoding we read, so latin1 shows it faithfully.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256))
  const declared = DECLARATION.exec(head)?.[1]?.toLowerCase()
  const single = declared ? SINGLE_BYTE[declared] : undefined
  return decode(single ?? 'utf-8', bytes)
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes)
}
