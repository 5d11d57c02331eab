/**
 * Compaction of old months (pure): the per-run documents of every calendar month that ended more
 * than `COMPACT_AFTER_DAYS` ago are folded into that month's `archive/YYYY-MM.jsonl` (archive.ts)
 * and deleted in the same commit, so the state branch grows by a file or two a month instead of
 * several per run. The loader reads archive lines as the files they were, so every figure and
 * report is the same before and after.
 *
 * Folded: run records (`run-analysis`, `run-recovery`), `recoveries/` and `verifications/` — one
 * or more per run, and never written again once their run is old. Not folded: fingerprint
 * documents (one per failure signature, read by path at every analysis), `fix-pulls/` (one per
 * fix pull request, few, and rewritten while the pull request is open), `approvals/` (read by
 * number when answered), the audit trail (already one hash-chained file per month, never
 * rewritten), `quarantine/` (kept as found for a person) and the dashboard.
 *
 * A document is dated by when it was written: `analysed_at`, `recorded_at`, or for a recovery
 * `recovered_at`. Every writer stamps the current time or (recoveries) a time within the last 90
 * days, so with the margin no writer ever adds to a folded month; should a file reappear at a
 * folded path (a run analysed again by hand), the loader reads it instead of its line, and the
 * compaction of its own month moves its line there.
 */
import type { TextChange } from '../github/git.js'
import { archiveLine, archivePath, isArchivable, monthOf, parseArchive, parseArchivePath, renderArchive, MAX_ARCHIVE_PART_BYTES } from './archive.js'
import { readDocument, type StateFile } from './load.js'
import { WINDOWS } from './metrics.js'
import { serialize } from './records.js'
import { verificationHeaderSchema, verificationPath } from './verifications.js'

const DAY_MS = 24 * 60 * 60 * 1000
/**
 * A month is folded once all of it is this old: the longest window of the figures, plus a month
 * for writers that come late (GitHub re-runs a run up to 30 days after it started).
 */
export const COMPACT_AFTER_DAYS = Math.max(...WINDOWS) + 30
/** Originals folded per sweep at most: one commit stays small, the next sweep goes on. */
export const FOLDS_PER_SWEEP = 500

export interface CompactionOptions {
  now: Date
  /** Paths of the branch that exist but could not be read (too large …): their month is left alone. */
  unread?: readonly string[]
  limit?: number
  maxPartBytes?: number
}

export interface CompactionPlan {
  /** Archive parts written or deleted, originals deleted. */
  changes: TextChange[]
  /** Per month, oldest first: originals folded and the month's archive files after this commit. */
  folded: { month: string; files: number; archives: string[] }[]
  /** Old documents that qualify, left for the next sweep by the bound. */
  waiting: number
  /** Old documents left where they are, and why (one sentence each). */
  problems: string[]
}

interface Month {
  /** Part number → text on the branch. */
  parts: Map<number, string>
  /** Path → archive line. */
  lines: Map<string, string>
  /** Why the month's archive must not be rewritten, and the documents that wait for it. */
  broken: { reason: string; waiting: number } | null
}

export function planCompaction(files: readonly StateFile[], options: CompactionOptions): CompactionPlan {
  const horizon = options.now.getTime() - COMPACT_AFTER_DAYS * DAY_MS
  const limit = Math.max(0, options.limit ?? FOLDS_PER_SWEEP)
  const problems: string[] = []
  const months = new Map<string, Month>()
  const month = (key: string): Month => {
    let known = months.get(key)
    if (!known) months.set(key, (known = { parts: new Map(), lines: new Map(), broken: null }))
    return known
  }
  /** Path → months whose archive holds a line for it. */
  const holders = new Map<string, Set<string>>()

  for (const file of files) {
    const at = parseArchivePath(file.path)
    if (!at) continue
    const entry = month(at.month)
    entry.parts.set(at.part, file.text)
    const parsed = parseArchive(file.text)
    const first = parsed.problems[0]
    // Rewriting it would drop the lines it cannot read.
    if (first && !entry.broken) entry.broken = { reason: `${file.path} line ${first.line} ${first.problem}`, waiting: 0 }
    for (const line of parsed.lines) {
      entry.lines.set(line.path, line.text)
      holders.set(line.path, new Set([...(holders.get(line.path) ?? []), at.month]))
    }
  }
  for (const path of options.unread ?? []) {
    const at = parseArchivePath(path)
    if (at && !month(at.month).broken) month(at.month).broken = { reason: `${path} could not be read`, waiting: 0 }
  }

  const candidates: { path: string; month: string; line: string }[] = []
  for (const file of files) {
    if (!isArchivable(file.path)) continue
    const date = writtenAt(file)
    // Unreadable documents stay: the loader reports them and the next writer quarantines them.
    if (date === null) continue
    const key = monthOf(date)
    if (nextMonth(key) > horizon) continue
    if (file.text !== serialize(JSON.parse(file.text))) {
      problems.push(`${file.path} (${key}) is not laid out as ci-monitor writes it (edited by hand?): left in place, as its line could not give back the same bytes.`)
      continue
    }
    const blocked = [key, ...(holders.get(file.path) ?? [])].map((m) => months.get(m)?.broken).find((broken) => broken)
    if (blocked) {
      blocked.waiting++
      continue
    }
    candidates.push({ path: file.path, month: key, line: archiveLine(file.path, file.text) })
  }
  for (const [key, entry] of [...months.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (entry.broken) problems.push(`${entry.broken.reason}: ${key} is not rewritten until it is repaired${entry.broken.waiting > 0 ? ` (${entry.broken.waiting} document(s) left in place)` : ''}.`)
  }

  candidates.sort((a, b) => a.month.localeCompare(b.month) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const taken = candidates.slice(0, limit)
  const changes: TextChange[] = []
  const changed = new Set<string>()
  const counts = new Map<string, number>()
  for (const { path, month: key, line } of taken) {
    // One line per path across the archive: a newer file replaces the line wherever it was.
    for (const other of holders.get(path) ?? []) {
      if (other !== key && months.get(other)!.lines.delete(path)) changed.add(other)
    }
    month(key).lines.set(path, line)
    changed.add(key)
    counts.set(key, (counts.get(key) ?? 0) + 1)
    changes.push({ path, content: null })
  }
  const archives = new Map<string, string[]>()
  for (const key of [...changed].sort()) {
    const entry = months.get(key)!
    const texts = renderArchive(entry.lines, options.maxPartBytes ?? MAX_ARCHIVE_PART_BYTES)
    texts.forEach((text, index) => {
      if (entry.parts.get(index + 1) !== text) changes.push({ path: archivePath(key, index + 1), content: text })
    })
    for (const part of [...entry.parts.keys()].sort((a, b) => a - b)) {
      if (part > texts.length) changes.push({ path: archivePath(key, part), content: null })
    }
    archives.set(key, texts.map((_, index) => archivePath(key, index + 1)))
  }
  return {
    changes,
    folded: [...counts.entries()].map(([key, files]) => ({ month: key, files, archives: archives.get(key)! })),
    waiting: candidates.length - taken.length,
    problems
  }
}

/** When a foldable document was written; null when ci-monitor cannot read it (or it is not foldable). */
function writtenAt(file: StateFile): string | null {
  const read = readDocument(file.path, file.text)
  if (read.read === 'document') {
    const { document } = read
    if (document.kind === 'run-analysis') return document.doc.analysed_at
    if (document.kind === 'run-recovery') return document.doc.recorded_at
    if (document.kind === 'recovery') return document.doc.recovered_at
    return null
  }
  if (read.read === 'other' && read.kind === 'fix-verification') {
    const parsed = verificationHeaderSchema.safeParse(JSON.parse(file.text))
    return parsed.success && verificationPath(parsed.data.run.id, parsed.data.run.attempt) === file.path ? parsed.data.recorded_at : null
  }
  return null
}

/** The first instant of the month after `month` (`YYYY-MM`), in ms. */
function nextMonth(month: string): number {
  const [year, index] = month.split('-').map(Number) as [number, number]
  return Date.UTC(year, index, 1)
}
