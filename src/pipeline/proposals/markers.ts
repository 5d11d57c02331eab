import { createHash } from 'node:crypto'
import { fixPrMarker, type PlannedFix } from '../../remediate/index.js'

/**
 * Hidden HTML comments ci-monitor leaves in what it writes on GitHub, so a later run can recognise
 * its own pull requests, requests and replies without any other store. Bodies are editable by
 * anyone with write access: markers are hints for etiquette and idempotency, never for trust.
 */

export const LABEL = 'ci-monitor'
/** A fix waiting for a maintainer's `/ci-monitor approve` or `/ci-monitor reject`. */
export const APPROVAL_LABEL = 'ci-monitor:approval'
export const APPROVED_LABEL = 'ci-monitor:approved'
export const REJECTED_LABEL = 'ci-monitor:rejected'
/** Closed by the sweep because nobody answered in time: not a rejection of the fix. */
export const EXPIRED_LABEL = 'ci-monitor:expired'

const HEX = '[0-9a-f]'

/**
 * What a fix changes, independent of the rest of the file: its path and the lines it removes and
 * adds. An unrelated edit elsewhere in the workflow keeps the key; a different fix changes it.
 */
export function changeKey(fix: Pick<PlannedFix, 'path' | 'before' | 'after' | 'changedLines'>): string {
  const before = fix.before.split('\n')
  const after = fix.after.split('\n')
  const removed = fix.changedLines.before.map((line) => before[line - 1] ?? '')
  const added = fix.changedLines.after.map((line) => after[line - 1] ?? '')
  return createHash('sha256').update(JSON.stringify([fix.path, removed, added])).digest('hex').slice(0, 16)
}

export const changeMarker = (key: string): string => `<!-- ci-monitor:change ${key} -->`

export function changeOf(body: string): string | null {
  return new RegExp(`<!-- ci-monitor:change (${HEX}{16}) -->`).exec(body)?.[1] ?? null
}

/** True when `body` carries ci-monitor's fix marker for this fingerprint. */
export function isFixPullOf(body: string, fingerprint: string): boolean {
  return body.includes(fixPrMarker(fingerprint))
}

export function fixFingerprintOf(body: string): string | null {
  return new RegExp(`<!-- ci-monitor:fix (${HEX}{8,64}) -->`).exec(body)?.[1] ?? null
}

export const approvalMarker = (fingerprint: string): string => `<!-- ci-monitor:approval ${fingerprint} -->`

export function approvalFingerprintOf(body: string): string | null {
  return new RegExp(`<!-- ci-monitor:approval (${HEX}{8,64}) -->`).exec(body)?.[1] ?? null
}

/** In ci-monitor's reply to a command, keyed by the event it answers (comment id or dispatch run). */
export const replyMarker = (eventKey: string): string => `<!-- ci-monitor:reply ${eventKey} -->`

/** In the comment a verification leaves on the fix pull request, once per run attempt. */
export const verifyMarker = (runId: number, attempt: number): string => `<!-- ci-monitor:verify ${runId}/${attempt} -->`

/** In the comment that holds an update back from a branch others committed to, once per change. */
export const heldMarker = (key: string): string => `<!-- ci-monitor:held ${key} -->`

export function hasMarker(bodies: Iterable<string>, marker: string): boolean {
  for (const body of bodies) if (body.includes(marker)) return true
  return false
}
