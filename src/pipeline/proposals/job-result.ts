/**
 * What a verify, approval or sweep run can conclude, as the `decision` output says it:
 * - verify: `verified`, `failed-again`, `inconclusive`, `not-ours` (not a ci-monitor fix run),
 *   `stale` (the pull request moved on), `other-workflow`;
 * - approval: `approved`, `rejected`, `refused` (no write access), `ignored`, `repeat`,
 *   `already-decided`;
 * - sweep: `expired`, `none-expired`.
 */
export const HANDLER_OUTCOMES = [
  'verified',
  'failed-again',
  'inconclusive',
  'not-ours',
  'stale',
  'other-workflow',
  'approved',
  'rejected',
  'refused',
  'ignored',
  'repeat',
  'already-decided',
  'expired',
  'none-expired'
] as const
export type HandlerOutcome = (typeof HANDLER_OUTCOMES)[number]

/** What a verify, approval or sweep run did, for the step's notice and outputs. */
export interface JobResult {
  /** One plain sentence (no untrusted text beyond logins and numbers). */
  sentence: string
  /** The word for the `decision` output. */
  outcome: HandlerOutcome
  /** The pull request or issue concerned, if any. */
  url: string | null
}
