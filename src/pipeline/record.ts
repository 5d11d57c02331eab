import type { Logger } from '../log/logger.js'
import type { Octokit, Repo } from '../github/client.js'
import type { RunInfo } from '../github/runs.js'
import { BranchStore } from '../state/branch-store.js'
import type { FileChange } from '../github/git.js'
import {
  fingerprintPath,
  newFingerprintDoc,
  parseFingerprintDoc,
  withIncident,
  withMemo,
  withOccurrence,
  withPull,
  withRerun,
  type FingerprintDoc,
  type IncidentState,
  type RerunEntry
} from '../state/fingerprints.js'
import { auditEntriesForRun, auditFileChanges, type AuditActor } from '../state/audit.js'
import { SCHEMA_VERSION, runRecordPath, serialize, type EffectRecord, type JobRecord, type RunRecord } from '../state/records.js'
import type { JobOutcome } from './act/index.js'
import type { LastGreen } from './last-green.js'
import { llmRecord } from './refine.js'

export interface RunRecordInput {
  repository: string
  run: RunInfo
  trigger: string
  analysedAt: Date
  dryRun: boolean
  jobs: JobOutcome[]
  effects: EffectRecord[]
  errors: string[]
  lastGreen: Omit<LastGreen, 'jobs'> | null
  testReports: RunRecord['test_reports']
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
    last_green: input.lastGreen
      ? {
          run_id: input.lastGreen.id,
          head_sha: input.lastGreen.headSha,
          branch: input.lastGreen.branch,
          url: input.lastGreen.htmlUrl,
          // The change that broke the build is in this range.
          culprit_range: `${input.lastGreen.headSha}..${run.headSha}`
        }
      : null,
    test_reports: input.testReports,
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
    compared_with_green: triage.baseline && { lines: triage.baseline.lines, demoted: triage.baseline.demoted },
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
    history: { seen_before: job.history.seen, flaky_passes: job.history.flaky.length },
    llm: llmRecord(job.llm),
    decision: { action: job.decision.action, reasons: job.decision.reasons }
  }
}

/** What a run adds to a fingerprint's document. */
export interface FingerprintUpdate {
  fingerprint: string
  owner: string
  category: string
  job: string
  pull: { number: number; url: string } | null
  /** A new LLM verdict to memoise (null: keep what is there). */
  memo: unknown
  /** A re-run ci-monitor made, counted against the fingerprint's daily budget. */
  rerun: RerunEntry | null
  /** The incident raised or updated for the fingerprint (null: keep what is there). */
  incident: IncidentState | null
}

export function fingerprintUpdates(jobs: JobOutcome[], memos: Map<string, unknown> = new Map()): FingerprintUpdate[] {
  return jobs.map((job) => ({
    fingerprint: job.triage.fingerprint,
    owner: job.diagnosis.owner,
    category: job.diagnosis.category,
    job: job.job.name,
    pull: job.prUrl && job.prNumber ? { number: job.prNumber, url: job.prUrl } : null,
    memo: memos.get(job.triage.fingerprint) ?? null,
    rerun: job.ledgerUpdate?.rerun ?? null,
    incident: job.ledgerUpdate?.incident ?? null
  }))
}

export interface StateWrite {
  sha: string | null
  /** Documents that could not be updated (newer schema) or were quarantined (broken). */
  problems: string[]
}

/**
 * Writes the run's record and updates the fingerprint documents in one commit on the state branch
 * (created as an orphan when missing). The run record is keyed by run id and attempt and the
 * occurrences by run, attempt and job, so analysing the same attempt again changes nothing twice.
 * Each retry after a lost race recomputes the documents from the new tip: writers merge.
 */
/** Who acted and under which settings, for the run's audit entries. */
export interface RunAudit {
  actor: AuditActor
  inputsDigest: string | null
}

export async function writeRunState(
  octokit: Octokit,
  repo: Repo,
  branch: string,
  record: RunRecord,
  updates: FingerprintUpdate[],
  log: Logger,
  audit: RunAudit | null = null
): Promise<StateWrite> {
  const store = new BranchStore(octokit, repo, branch, log)
  let problems: string[] = []
  const result = await store.commit(`ci-monitor: record run ${record.run.id} attempt ${record.run.attempt}`, async (read) => {
    problems = []
    const changes: FileChange[] = [{ path: runRecordPath(record.run.id, record.run.attempt), content: serialize(record) }]
    if ((await read('README.md')) === null) changes.push({ path: 'README.md', content: STATE_README })
    const byFingerprint = new Map<string, FingerprintUpdate[]>()
    for (const update of updates) byFingerprint.set(update.fingerprint, [...(byFingerprint.get(update.fingerprint) ?? []), update])
    for (const [fingerprint, group] of byFingerprint) {
      const path = fingerprintPath(fingerprint)
      const text = await read(path)
      let doc: FingerprintDoc = newFingerprintDoc(fingerprint, group[0]!.owner, group[0]!.category, record.analysed_at)
      if (text !== null) {
        const parsed = parseFingerprintDoc(text)
        if (parsed.ok) {
          doc = parsed.doc
        } else if (/newer ci-monitor/.test(parsed.problem)) {
          problems.push(`${path} ${parsed.problem}: left unchanged.`)
          continue
        } else {
          // Never overwrite what we cannot read: keep it aside for a person to look at.
          const aside = `quarantine/${path.replace(/\.json$/, '')}.${record.run.id}-${record.run.attempt}.json`
          changes.push({ path: aside, content: text })
          problems.push(`${path} ${parsed.problem}: moved to ${aside} and started afresh.`)
        }
      }
      for (const update of group) {
        doc = withOccurrence(
          doc,
          { run_id: record.run.id, attempt: record.run.attempt, job: update.job, head_sha: record.run.head_sha, branch: record.run.head_branch, at: record.analysed_at },
          { owner: update.owner, category: update.category }
        )
        if (update.pull) doc = withPull(doc, update.pull)
        if (update.memo) doc = withMemo(doc, update.memo)
        if (update.rerun) doc = withRerun(doc, update.rerun)
        if (update.incident) doc = withIncident(doc, update.incident)
      }
      changes.push({ path, content: serialize(doc) })
    }
    if (audit) {
      // In the same commit as the record: both land, or neither does and the retry redoes both.
      const trail = await auditFileChanges(read, auditEntriesForRun(record, audit), new Date(record.analysed_at))
      changes.push(...trail.changes)
      if (trail.problem) problems.push(trail.problem)
    }
    return changes
  })
  for (const problem of problems) log.warning(problem)
  return { sha: result.sha, problems }
}

const STATE_README = `# ci-monitor state

This branch is written by ci-monitor through the GitHub git data API; do not merge it into your code.
Every JSON document carries \`kind\` and \`schema_version\`.

- \`runs/<run id>/attempt-<n>.json\` — one document per analysed run attempt (\`run-analysis\`): the
  diagnosis of each failed job, the decision and its reasons, and every effect (pull request, re-run,
  Slack message). A re-run attempt that passed after a recorded failure is a \`run-recovery\` here.
- \`fingerprints/<fingerprint>.json\` — one document per failure signature: occurrences, flaky history
  (the same commit failed, then passed on a re-run), fix pull requests, the memoised LLM verdict, the
  re-runs ci-monitor made (the daily budget counts them) and the incident raised for it.
- \`audit/YYYY-MM.jsonl\` and \`audit/HEAD.json\` — the hash-chained audit trail of every decision
  and effect, one line per entry; \`ci-monitor audit verify --state DIR\` checks it.
- \`approvals/<number>.json\` — each approval request (issue or draft pull request) and its answers.
- \`verifications/<run id>/attempt-<n>.json\` — what the CI of a fix branch showed.
- \`recoveries/<run id>.json\` — when a failed run's workflow next passed on the same branch
  (written by the scheduled sweep; time to recovery).
- \`fix-pulls/<number>.json\` — what became of a fix pull request: merged or closed unmerged
  (written by the scheduled sweep).
- \`index.html\` and \`data.json\` — the dashboard and its figures over 7, 30 and 90 days (written
  by the scheduled sweep; \`ci-monitor report --state DIR\` prints the same figures).
- \`quarantine/\` — documents ci-monitor could not read, kept aside instead of being overwritten.
`
