import type { Logger } from '../log/logger.js'
import type { Octokit, Repo } from '../github/client.js'
import { readFile } from '../github/contents.js'
import { getRun } from '../github/runs.js'
import type { FileChange } from '../github/git.js'
import { BranchStore } from '../state/branch-store.js'
import { fingerprintPath, parseFingerprintDoc, withFlaky } from '../state/fingerprints.js'
import { runRecordPath, serialize, SCHEMA_VERSION } from '../state/records.js'
import { failedFingerprints, type RecoveryRecord } from '../state/recovery.js'

export interface RecoveryInput {
  octokit: Octokit
  repo: Repo
  stateBranch: string
  runId: number
  attempt: number
  now: Date
  dryRun: boolean
  log: Logger
}

/**
 * A re-run attempt passed. If ci-monitor recorded earlier failed attempts of this run (same commit),
 * their failures were flaky: each fingerprint's document gets the event, so the next time that
 * failure shows up it is reported as flaky with its history. Returns the sentence to show.
 */
export async function noteRecovery(input: RecoveryInput): Promise<string> {
  const { octokit, repo, log } = input
  const run = await getRun(octokit, repo, input.runId)
  const failed: { attempt: number; fingerprints: string[] }[] = []
  for (let attempt = 1; attempt < input.attempt; attempt++) {
    // Read by path only: GitHub re-runs a run at most 30 days after it started, long before the
    // sweep folds its month into archive/. A re-delivered event for an older run finds no record
    // and writes nothing; what it recorded the first time is in the archive.
    const text = await readFile(octokit, repo, runRecordPath(run.id, attempt), input.stateBranch)
    const parsed = text === null ? null : failedFingerprints(text)
    if (parsed && parsed.fingerprints.length > 0) failed.push(parsed)
  }
  if (failed.length === 0) {
    return `Run ${run.id} passed on attempt ${input.attempt}; ci-monitor has no record of an earlier failed attempt.`
  }
  const fingerprints = [...new Set(failed.flatMap((f) => f.fingerprints))]
  const sentence = `Run ${run.id} passed on attempt ${input.attempt} after failing on attempt ${failed.map((f) => f.attempt).join(', ')}: ${fingerprints.length} failure fingerprint(s) are flaky (${fingerprints.join(', ')}).`
  if (input.dryRun) return `${sentence} Dry run: not recorded.`

  const at = input.now.toISOString()
  const record: RecoveryRecord = {
    schema_version: SCHEMA_VERSION,
    kind: 'run-recovery',
    repository: `${repo.owner}/${repo.repo}`,
    run: { id: run.id, attempt: input.attempt, head_sha: run.headSha, url: run.htmlUrl },
    recorded_at: at,
    failed_attempts: failed.map((f) => f.attempt),
    flaky_fingerprints: fingerprints
  }
  const store = new BranchStore(octokit, repo, input.stateBranch, log)
  await store.commit(`ci-monitor: run ${run.id} passed on attempt ${input.attempt} (flaky)`, async (read) => {
    const changes: FileChange[] = [{ path: runRecordPath(run.id, input.attempt), content: serialize(record) }]
    for (const fingerprint of fingerprints) {
      const text = await read(fingerprintPath(fingerprint))
      const parsed = text === null ? null : parseFingerprintDoc(text)
      if (!parsed?.ok) continue // analysed attempts always wrote it; a missing or broken one is left to the analysis writer
      let doc = parsed.doc
      for (const { attempt } of failed.filter((f) => f.fingerprints.includes(fingerprint))) {
        doc = withFlaky(doc, { run_id: run.id, head_sha: run.headSha, failed_attempt: attempt, passed_attempt: input.attempt, at })
      }
      changes.push({ path: fingerprintPath(fingerprint), content: serialize(doc) })
    }
    return changes
  })
  return sentence
}
