import type { Logger } from '../log/logger.js'
import type { Octokit, Repo } from '../github/client.js'
import type { RunInfo } from '../github/runs.js'
import { BranchStore } from '../state/branch-store.js'
import { SCHEMA_VERSION, runRecordPath, serialize, type EffectRecord, type JobRecord, type RunRecord } from '../state/records.js'
import type { JobOutcome } from './act.js'

export interface RunRecordInput {
  repository: string
  run: RunInfo
  trigger: string
  analysedAt: Date
  dryRun: boolean
  jobs: JobOutcome[]
  effects: EffectRecord[]
  errors: string[]
}

/** The state-branch document for one analysed run attempt (pure). */
export function buildRunRecord(input: RunRecordInput): RunRecord {
  const { run } = input
  return {
    schema_version: SCHEMA_VERSION,
    kind: 'run-analysis',
    repository: input.repository,
    run: {
      id: run.id,
      attempt: run.runAttempt,
      workflow_path: run.path,
      workflow_name: run.name,
      event: run.event,
      conclusion: run.conclusion,
      head_branch: run.headBranch,
      head_sha: run.headSha,
      url: run.htmlUrl
    },
    analysed_at: input.analysedAt.toISOString(),
    trigger: input.trigger,
    dry_run: input.dryRun,
    jobs: input.jobs.map(jobRecord),
    effects: input.effects,
    errors: input.errors
  }
}

function jobRecord(job: JobOutcome): JobRecord {
  const { diagnosis, triage } = job
  return {
    job_id: job.job.id,
    name: job.job.name,
    conclusion: job.job.conclusion,
    failing_step: triage.failingStep?.name ?? null,
    fingerprint: triage.fingerprint,
    log: {
      bytes: triage.totalBytes,
      lines: triage.totalLines,
      truncated: triage.truncated || job.logInterrupted,
      available: job.logAvailable,
      redactions: triage.redactions
    },
    excerpt_ranges: triage.excerpt.ranges.map((range): [number, number] => [range.start, range.end]),
    diagnosis: {
      owner: diagnosis.owner,
      category: diagnosis.category,
      confidence: diagnosis.confidence,
      transient: diagnosis.transient,
      summary: diagnosis.summary,
      rule_id: diagnosis.ruleId,
      engine: diagnosis.engine,
      fix: diagnosis.fix?.kind ?? null
    },
    decision: { action: job.decision.action, reasons: job.decision.reasons }
  }
}

/**
 * Writes the run's record to the state branch (created as an orphan when missing). The file is
 * keyed by run id and attempt, so analysing the same attempt again replaces it.
 */
export async function writeRunRecord(octokit: Octokit, repo: Repo, branch: string, record: RunRecord, log: Logger): Promise<string | null> {
  const store = new BranchStore(octokit, repo, branch, log)
  const path = runRecordPath(record.run.id, record.run.attempt)
  const content = serialize(record)
  const result = await store.commit(`ci-monitor: record run ${record.run.id} attempt ${record.run.attempt}`, async (read) => {
    const changes = [{ path, content }]
    if ((await read('README.md')) === null) changes.push({ path: 'README.md', content: STATE_README })
    return changes
  })
  return result.sha
}

const STATE_README = `# ci-monitor state

This branch is written by ci-monitor through the GitHub git data API; do not merge it into your code.

- \`runs/<run id>/attempt-<n>.json\` — one document per analysed run attempt: the diagnosis of each
  failed job, the decision and its reasons, and every effect (pull request, re-run, Slack message).

Every document carries \`schema_version\`.
`
