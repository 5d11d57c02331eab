/**
 * A short id of "this failure": the same when a re-run differs only in numbers, hashes, temp
 * paths, timestamps, ports or ids; different when the cause or the job differs. It keys fix PR
 * branches, Slack threads and the LLM memo, so it must stay stable across versions of this code
 * unless the change is deliberate.
 */
import { createHash } from 'node:crypto'

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g
const TEMP_PATH = /(?:\/tmp|\/var\/folders|\/private\/var\/folders|\/home\/runner\/work\/_temp|[a-z]:\\users\\[^\\\s]{1,100}\\appdata\\local\\temp|\/github\/home)(?:[/\\][^\s'"`)\]]{0,300})?/g
const HEX = /\b(?:0x)?(?=[0-9a-f]{0,200}\d)[0-9a-f]{7,}\b/g
const TIMESTAMP = /\b\d{4}-\d\d-\d\d[t ]\d\d:\d\d:\d\d(?:[.,]\d+)?z?\b/g
const NUMBER = /\d+(?:[.,]\d+)*/g

/** One line as it enters the fingerprint. */
export function stableText(text: string): string {
  return text
    .toLowerCase()
    .replace(UUID, '<id>')
    .replace(TEMP_PATH, '<tmp>')
    .replace(TIMESTAMP, '<time>')
    .replace(HEX, '<hex>')
    .replace(NUMBER, '0')
    .replace(/\s+/g, ' ')
    .trim()
}

/** 16 lowercase hex characters of SHA-256 over the parts. */
export function fingerprintOf(parts: readonly string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\n')
  return hash.digest('hex').slice(0, 16)
}
