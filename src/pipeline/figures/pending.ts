/**
 * What the scheduled sweep still has to look up on GitHub before the figures are complete (pure):
 * failed runs ci-monitor analysed whose recovery is not written down yet, and fix pull requests
 * whose outcome is not. Each list is bounded, so one sweep's API budget stays small whatever the
 * size of the history; the next sweep picks up where this one stopped.
 */
import type { StateDocuments } from '../../state/load.js'
import { WINDOWS } from '../../state/metrics.js'

/** Lookups of each kind one sweep makes at most (each costs one to three API requests). */
export const LOOKUPS_PER_SWEEP = 50

const DAY_MS = 24 * 60 * 60 * 1000
/** Failures older than the longest window are not looked up any more: no figure shows them. */
export const RECOVERY_HORIZON_DAYS = Math.max(...WINDOWS)

export interface PendingRecovery {
  runId: number
  /** The first attempt ci-monitor analysed: its completion starts the wait for a success. */
  attempt: number
}

export interface PendingPull {
  number: number
  /** The failure the pull request fixes, from the fingerprint document that names it. */
  fingerprint: string
}

export interface Pending<T> {
  /** The ones to look up in this sweep. */
  next: T[]
  /** All that are waiting, including those left for the next sweep. */
  waiting: number
}

/**
 * Analysed failed runs (within the horizon, not stamped after `now`) with no `recoveries/<id>.json`,
 * newest first: a recent failure matters most to the figures, and an abandoned branch that never
 * turns green again drops out of the first `limit` as newer failures come.
 */
export function pendingRecoveries(documents: StateDocuments, now: Date, limit = LOOKUPS_PER_SWEEP): Pending<PendingRecovery> {
  const recovered = new Set(documents.recoveries.map((doc) => doc.run_id))
  const oldest = now.getTime() - RECOVERY_HORIZON_DAYS * DAY_MS
  const runs = new Map<number, { attempt: number; latest: number }>()
  for (const record of documents.runs) {
    const at = Date.parse(record.analysed_at)
    if (record.jobs.length === 0 || recovered.has(record.run.id) || at > now.getTime() || at < oldest) continue
    const known = runs.get(record.run.id)
    runs.set(record.run.id, { attempt: Math.min(known?.attempt ?? Infinity, record.run.attempt), latest: Math.max(known?.latest ?? -Infinity, at) })
  }
  const sorted = [...runs.entries()].sort(([a, x], [b, y]) => y.latest - x.latest || b - a)
  return { next: sorted.slice(0, Math.max(0, limit)).map(([runId, { attempt }]) => ({ runId, attempt })), waiting: sorted.length }
}

/**
 * Fix pull requests named in fingerprint documents with no final `fix-pulls/<n>.json` (merged or
 * closed), oldest first: ci-monitor keeps few open at once, so the old ones are the ones most
 * likely decided by now.
 */
export function pendingPulls(documents: StateDocuments, limit = LOOKUPS_PER_SWEEP): Pending<PendingPull> {
  const decided = new Set(documents.fixPulls.filter((doc) => doc.state !== 'open').map((doc) => doc.number))
  const pulls = new Map<number, string>()
  // Sorted, so a number named under two fingerprints (a hand edit) always resolves the same way.
  for (const doc of [...documents.fingerprints].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint))) {
    for (const pull of doc.pulls) {
      if (Number.isSafeInteger(pull.number) && pull.number > 0 && !decided.has(pull.number) && !pulls.has(pull.number)) pulls.set(pull.number, doc.fingerprint)
    }
  }
  const sorted = [...pulls.entries()].sort(([a], [b]) => a - b)
  return { next: sorted.slice(0, Math.max(0, limit)).map(([number, fingerprint]) => ({ number, fingerprint })), waiting: sorted.length }
}
