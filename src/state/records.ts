/**
 * What ci-monitor writes to its state branch. Every document carries `schema_version`, so later
 * versions can migrate older ones and refuse newer ones. Keys are snake_case, the JSON convention.
 */
export const SCHEMA_VERSION = 1

export type EffectKind =
  | 'slack-message'
  | 'pull-request'
  | 'patch'
  | 'rerun'
  | 'job-summary'
  | 'annotation'
  | 'cache-delete'
  | 'incident-issue'
  | 'incident-slack'
  | 'approval-request'
  | 'approval-decision'
  | 'comment'
  | 'ready-for-review'

/** One thing the run did, tried, or (dry-run) would have done. */
export interface EffectRecord {
  at: string
  kind: EffectKind
  outcome: 'done' | 'updated' | 'skipped' | 'failed' | 'dry-run'
  detail: string
  url?: string
}

export interface JobRecord {
  job_id: number
  name: string
  conclusion: string | null
  failing_step: string | null
  fingerprint: string
  /** `redactions`: secrets masked in the log, counted per family (never the values). */
  log: { bytes: number; lines: number; truncated: boolean; available: boolean; redactions: Record<string, number> }
  excerpt_ranges: [number, number][]
  /**
   * The same job's log in the last green run, when there was one: lines read, and how many
   * candidate lines of the failure it also printed (ranked below the lines that are new).
   */
  compared_with_green?: { lines: number; demoted: number } | null
  diagnosis: {
    owner: string
    category: string
    confidence: number
    transient: boolean
    summary: string
    rule_id: string | null
    engine: string
    fix: string | null
  }
  /** What the state branch knew before this run: earlier occurrences, flaky passes of the same commit. */
  history: { seen_before: number; flaky_passes: number }
  /** The LLM step: skipped, memo-hit, answered or fallback, with tokens and cost; never the text sent. */
  llm: Record<string, unknown> | null
  decision: { action: string; reasons: string[] }
}

export interface RunRecord {
  schema_version: typeof SCHEMA_VERSION
  kind: 'run-analysis'
  repository: string
  run: {
    id: number
    attempt: number
    workflow_path: string
    workflow_name: string
    event: string
    conclusion: string | null
    head_branch: string
    head_sha: string
    url: string
  }
  /** The most recent successful run of the workflow before this one (same branch, else default branch). */
  last_green: { run_id: number; head_sha: string; branch: string; url: string; culprit_range: string } | null
  /** JUnit/TRX reports read from the run's artifacts, and the artifacts passed over with why. */
  test_reports: {
    artifacts: { name: string; tests: number; failures: number; truncated: boolean }[]
    skipped: { name: string; reason: string }[]
    unavailable: string | null
  }
  analysed_at: string
  trigger: string
  dry_run: boolean
  jobs: JobRecord[]
  effects: EffectRecord[]
  errors: string[]
}

/** One file per run attempt: analysing the same attempt again replaces its record, never doubles it. */
export function runRecordPath(runId: number, attempt: number): string {
  return `runs/${runId}/attempt-${attempt}.json`
}

export function serialize(document: unknown): string {
  return JSON.stringify(document, null, 2) + '\n'
}
