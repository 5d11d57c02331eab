import type { Octokit, Repo } from '../../github/client.js'
import type { Logger } from '../../log/logger.js'
import type { SendSlackOptions, SlackResult } from '../../notify/slack.js'
import type { SlackTarget } from '../act/types.js'

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

/** What the verify, approval and sweep runs share: clients, state branch, Slack, clock, output. */
export interface HandlerDeps {
  /** github-token: reads, permission lookups and the state branch. */
  octokit: Octokit
  /** The fix token when configured (the identity that opened fix pull requests and requests), else github-token. */
  writer: Octokit
  repo: Repo
  stateBranch: string
  slack: SlackTarget | null
  sendSlack: (options: SendSlackOptions) => Promise<SlackResult>
  now: () => Date
  dryRun: boolean
  log: Logger
}
