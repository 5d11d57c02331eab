/**
 * `archive/YYYY-MM.jsonl`: the per-run documents of one old calendar month, folded into one file by
 * the scheduled sweep (see compaction.ts) so the state branch does not grow by a file per run for
 * ever. One line per document, sorted by path: `{"path": …, "document": …}`. Only documents laid out
 * exactly as ci-monitor writes them are folded, so `serialize(document)` is, byte for byte, the file
 * that was at `path`: any line can be put back. A month larger than `MAX_ARCHIVE_PART_BYTES`
 * continues in `archive/YYYY-MM.2.jsonl`, `.3` …, each part holding later paths than the one before.
 */
import { serialize } from './records.js'

/** Half the largest document the readers accept (load.ts MAX_DOCUMENT_BYTES), so a part is always read. */
export const MAX_ARCHIVE_PART_BYTES = 4 * 1024 * 1024

const PART_PATH = /^archive\/(\d{4}-(?:0[1-9]|1[0-2]))(?:\.([1-9]\d*))?\.jsonl$/

/** The documents that are folded: one per run attempt, per failed run's recovery, per fix-branch run. */
const ARCHIVABLE = [/^runs\/\d+\/attempt-\d+\.json$/, /^recoveries\/\d+\.json$/, /^verifications\/\d+\/attempt-\d+\.json$/]

export function isArchivable(path: string): boolean {
  return ARCHIVABLE.some((pattern) => pattern.test(path))
}

/** `month` is `YYYY-MM`; part 1 has no number. */
export function archivePath(month: string, part = 1): string {
  return part === 1 ? `archive/${month}.jsonl` : `archive/${month}.${part}.jsonl`
}

export function parseArchivePath(path: string): { month: string; part: number } | null {
  const match = PART_PATH.exec(path)
  if (!match) return null
  const part = match[2] === undefined ? 1 : Number(match[2])
  // `.1.jsonl` would be a second name for part 1.
  return part === 1 && match[2] !== undefined ? null : { month: match[1]!, part }
}

/** The UTC calendar month of a time, `YYYY-MM`. */
export function monthOf(time: string | number): string {
  return new Date(typeof time === 'string' ? Date.parse(time) : time).toISOString().slice(0, 7)
}

export interface ArchiveLine {
  path: string
  /** The line as written: `{"path":…,"document":…}`. */
  text: string
  /** The original file's text. */
  original: string
}

export interface ParsedArchive {
  lines: ArchiveLine[]
  /** Lines that are not archive lines (1-based); the others are still read. */
  problems: { line: number; problem: string }[]
}

/** The line for a document that was at `path` with `text` (as ci-monitor writes it). */
export function archiveLine(path: string, text: string): string {
  return JSON.stringify({ path, document: JSON.parse(text) as unknown })
}

export function parseArchive(text: string): ParsedArchive {
  const result: ParsedArchive = { lines: [], problems: [] }
  const rows = text.split('\n')
  if (rows.at(-1) === '') rows.pop()
  for (const [index, row] of rows.entries()) {
    const problem = (problem: string) => result.problems.push({ line: index + 1, problem })
    let raw: unknown
    try {
      raw = JSON.parse(row)
    } catch {
      problem('not valid JSON')
      continue
    }
    const line = raw as { path?: unknown; document?: unknown } | null
    if (typeof line !== 'object' || line === null || Array.isArray(line) || typeof line.path !== 'string' || !isObject(line.document)) {
      problem('not an archive line ({"path": …, "document": {…}})')
    } else if (!isArchivable(line.path)) {
      // An archive line never stands in for a live document such as a fingerprint or audit/HEAD.json.
      problem(`${JSON.stringify(line.path.slice(0, 200))} is not a path whose documents are archived`)
    } else {
      result.lines.push({ path: line.path, text: row, original: serialize(line.document) })
    }
  }
  return result
}

/**
 * The month's lines (by path) as the texts of its parts, part 1 first: sorted by path, a new part
 * begun whenever the next line would take the current one past `maxBytes`.
 */
export function renderArchive(lines: ReadonlyMap<string, string>, maxBytes = MAX_ARCHIVE_PART_BYTES): string[] {
  const parts: string[] = []
  let current = ''
  for (const path of [...lines.keys()].sort()) {
    const line = `${lines.get(path)!}\n`
    if (current !== '' && Buffer.byteLength(current) + Buffer.byteLength(line) > maxBytes) {
      parts.push(current)
      current = ''
    }
    current += line
  }
  if (current !== '') parts.push(current)
  return parts
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
