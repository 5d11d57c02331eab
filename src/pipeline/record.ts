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
import { quarantinePath } from '../state/quarantine.js'
import { SCHEMA_VERSION, runRecordPath, serialize, type EffectRecord, type JobRecord, type RunRecord } from '../state/records.js'
import { parseRunAnalysis, type RunAnalysisDoc } from '../state/run-analysis.js'
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
  /** False when the run's record was left out (a newer ci-monitor's record is at its path). */
  recordSaved: boolean
  /** Documents that could not be updated (newer schema) or were quarantined (broken). */
  problems: string[]
}

/** Who acted and under which settings, for the run's audit entries. */
export interface RunAudit {
  actor: AuditActor
  inputsDigest: string | null
}

/**
 * Writes the run's record, updates the fingerprint documents and appends the audit entries in one
 * commit on the state branch (created as an orphan when missing). The run record is keyed by run
 * id and attempt and the occurrences by run, attempt and job, so analysing the same attempt again
 * updates what it wrote instead of counting twice. Each retry after a lost race recomputes the
 * documents from the new tip: writers merge. A document that cannot be read is moved to
 * `quarantine/` as it was and reported; one from a newer ci-monitor is left alone and reported.
 * An attempt analysed again after the sweep folded its month into `archive/` (only by hand: its
 * run is months old) is written as a first analysis; the loader reads the new file instead of
 * the archived line, and the compaction of the new file's month replaces the line.
 */
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
  let notes: string[] = []
  let recordSaved = true
  const recordPath = runRecordPath(record.run.id, record.run.attempt)
  const byFingerprint = new Map<string, FingerprintUpdate[]>()
  for (const update of updates) byFingerprint.set(update.fingerprint, [...(byFingerprint.get(update.fingerprint) ?? []), update])

  const result = await store.commit(`ci-monitor: record run ${record.run.id} attempt ${record.run.attempt}`, async (read, blobOf) => {
    problems = []
    notes = []
    recordSaved = true
    const changes: FileChange[] = []
    const keepAside = (path: string, text: string, problem: string): void => {
      const aside = quarantinePath(path, text)
      const blob = blobOf(path)
      changes.push(blob ? { path: aside, blob } : { path: aside, content: text })
      problems.push(`${path}: ${problem}; moved to ${aside} as it was, and written afresh.`)
    }
    // One round of reads, side by side: the shorter an attempt, the fewer races it loses.
    const fingerprints = [...byFingerprint.keys()]
    const [readme, previousText, docTexts, trail] = await Promise.all([
      read('README.md'),
      read(recordPath),
      Promise.all(fingerprints.map((fingerprint) => read(fingerprintPath(fingerprint)))),
      audit ? auditFileChanges(read, auditEntriesForRun(record, audit), new Date(record.analysed_at)) : null
    ])
    if (readme === null) changes.push({ path: 'README.md', content: STATE_README })

    const previous = previousText === null ? null : previousRecord(previousText, record)
    if (previous?.kind === 'newer') {
      recordSaved = false
      problems.push(`${recordPath}: ${previous.problem}. Left unchanged; this run's record is in the job summary instead.`)
    } else {
      if (previous?.kind === 'unreadable') keepAside(recordPath, previousText!, previous.problem)
      changes.push({ path: recordPath, content: serialize(record) })
    }
    const counted = previous?.kind === 'ours' ? previous.doc : null

    for (const [index, fingerprint] of fingerprints.entries()) {
      const group = byFingerprint.get(fingerprint)!
      const path = fingerprintPath(fingerprint)
      const text = docTexts[index]!
      let doc: FingerprintDoc = newFingerprintDoc(fingerprint, group[0]!.owner, group[0]!.category, record.analysed_at)
      if (text !== null) {
        const parsed = parseFingerprintDoc(text)
        if (parsed.ok && parsed.doc.fingerprint !== fingerprint) {
          keepAside(path, text, `holds the document of ${parsed.doc.fingerprint}`)
        } else if (parsed.ok) {
          doc = parsed.doc
          if (parsed.from < doc.schema_version) notes.push(`${path} upgraded from schema_version ${parsed.from} to ${doc.schema_version}.`)
        } else if (parsed.newer) {
          problems.push(`${path}: ${parsed.problem}. Left unchanged.`)
          continue
        } else {
          keepAside(path, text, parsed.problem)
        }
      }
      for (const update of group) {
        // The run's previous record counted this job's occurrence already.
        const earlier = counted?.jobs.some((job) => job.name === update.job && job.fingerprint === fingerprint) ? counted.analysed_at : null
        doc = withOccurrence(
          doc,
          { run_id: record.run.id, attempt: record.run.attempt, job: update.job, head_sha: record.run.head_sha, branch: record.run.head_branch, at: record.analysed_at },
          { owner: update.owner, category: update.category },
          earlier
        )
        if (update.pull) doc = withPull(doc, update.pull)
        if (update.memo) doc = withMemo(doc, update.memo)
        if (update.rerun) doc = withRerun(doc, update.rerun)
        if (update.incident) doc = withIncident(doc, update.incident)
      }
      changes.push({ path, content: serialize(doc) })
    }
    if (trail) {
      // In the same commit as the record: both land, or neither does and the retry redoes both.
      changes.push(...trail.changes)
      if (trail.problem) problems.push(trail.problem)
    }
    return changes
  })
  for (const note of notes) log.info(note)
  for (const problem of problems) log.warning(problem)
  return { sha: result.sha, recordSaved, problems }
}

type Previous = { kind: 'ours'; doc: RunAnalysisDoc } | { kind: 'newer'; problem: string } | { kind: 'unreadable'; problem: string }

/** What is already at the run record's path: an earlier analysis of this attempt, or something to keep. */
function previousRecord(text: string, record: RunRecord): Previous {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { kind: 'unreadable', problem: 'is not valid JSON' }
  }
  const parsed = parseRunAnalysis(raw)
  if (!parsed.ok) return parsed.newer ? { kind: 'newer', problem: parsed.problem } : { kind: 'unreadable', problem: parsed.problem }
  // ci-monitor lays every document out the same way: other bytes mean a person edited this one.
  if (text !== serialize(raw)) return { kind: 'unreadable', problem: 'was edited by hand (it is not laid out as ci-monitor writes it)' }
  if (parsed.doc.run.id !== record.run.id || parsed.doc.run.attempt !== record.run.attempt) {
    return { kind: 'unreadable', problem: `holds the record of run ${parsed.doc.run.id} attempt ${parsed.doc.run.attempt}` }
  }
  return { kind: 'ours', doc: parsed.doc }
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
- \`archive/YYYY-MM.jsonl\` — the run records, recoveries and verifications of a calendar month that
  ended more than 120 days ago (the 90-day window and a 30-day margin), folded there by the scheduled
  sweep and deleted from their own paths in the same commit: one line per document, sorted by path,
  \`{"path": …, "document": …}\`. The document written back to its path as JSON indented by two
  spaces, with a final newline, is the original file byte for byte. A month over 4 MiB goes on in
  \`archive/YYYY-MM.2.jsonl\`, \`.3\` … ci-monitor reads the lines as the files they were: figures and
  reports are the same before and after.
- \`quarantine/\` — documents ci-monitor could not read (edited by hand, broken), kept aside byte for
  byte instead of being overwritten; named after their path and a digest of their content.

Every document carries \`schema_version\`: older ones are upgraded when next written, newer ones are
left alone. The branch is only ever fast-forwarded: \`git log -p\` shows every earlier version.
`
