import type { Logger } from '../../log/logger.js'
import type { Octokit, Repo } from '../../github/client.js'
import type { SlackResult, SendSlackOptions } from '../../notify/slack.js'
import type { EffectRecord } from '../../state/records.js'
import type { DecidedJob } from '../decide-jobs.js'
import type { ExecutorSettings, LedgerUpdate } from './budgets.js'

export interface SlackTarget {
  token: string
  channel: string
  apiUrl: string
}

export interface ActDeps {
  /** The run's own token (github-token): re-runs. */
  octokit: Octokit
  /** The token that may change workflow files (fix-token), or null. */
  fixOctokit: Octokit | null
  repo: Repo
  log: Logger
  now: () => Date
  slack: SlackTarget | null
  sendSlack: (options: SendSlackOptions) => Promise<SlackResult>
  dryRun: boolean
  /** Where approval requests are announced and how long they wait (config); default: no Slack, 24 hours. */
  approvals?: ApprovalSettings
  /** Re-run and incident budgets, the state branch they are counted on, the incident channel. */
  executor: ExecutorSettings
}

export interface ApprovalSettings {
  /** `slack_channels.approvals` with the bot token, or null. */
  slack: SlackTarget | null
  timeoutHours: number
}

/** A job after ci-monitor acted on it: what was done, in one sentence, and what it produced. */
export interface JobOutcome extends DecidedJob {
  done: string
  prUrl: string | null
  prNumber: number | null
  /** The patch delivered instead of a pull request. */
  patch: string | null
  /** What the executor adds to the fingerprint's document (a re-run, the incident). */
  ledgerUpdate?: LedgerUpdate
}

export type FixOutcome = Pick<JobOutcome, 'prUrl' | 'prNumber' | 'patch' | 'done'>

export interface ActResult {
  jobs: JobOutcome[]
  effects: EffectRecord[]
  /** What went wrong but did not stop the run (the summary and the record say so). */
  problems: string[]
}

/** Every effect the run had (or, in dry-run, would have had), and the problems that degraded it. */
export class EffectLog {
  readonly effects: EffectRecord[] = []
  readonly problems: string[] = []
  private readonly now: () => Date

  constructor(now: () => Date) {
    this.now = now
  }

  record(effect: Omit<EffectRecord, 'at'>): void {
    this.effects.push({ at: this.now().toISOString(), ...effect })
  }

  problem(text: string): void {
    this.problems.push(text)
  }
}
