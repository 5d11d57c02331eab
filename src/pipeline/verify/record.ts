import { z } from 'zod'
import type { Octokit, Repo } from '../../github/client.js'
import { readFile } from '../../github/contents.js'
import type { Logger } from '../../log/logger.js'
import { readRunRecord } from '../archived-record.js'
import { BranchStore } from '../../state/branch-store.js'
import { fingerprintPath, parseFingerprintDoc } from '../../state/fingerprints.js'
import { SCHEMA_VERSION, serialize, type EffectRecord } from '../../state/records.js'
import { verificationPath } from '../../state/verifications.js'

/** `verifications/<run id>/attempt-<n>.json`: what the CI of a fix branch showed and what ci-monitor did. */
export interface VerificationRecord {
  schema_version: typeof SCHEMA_VERSION
  kind: 'fix-verification'
  repository: string
  run: { id: number; attempt: number; number: number; url: string; head_sha: string; conclusion: string | null; workflow_path: string }
  pull: { number: number; url: string }
  fingerprint: string
  /** The jobs that failed before, as they concluded in this run. */
  jobs: { name: string; conclusion: string | null }[]
  outcome: 'verified' | 'failed-again' | 'inconclusive'
  reason: string | null
  recorded_at: string
  effects: EffectRecord[]
}

/**
 * Written once per run attempt: a re-delivered event finds it and records nothing new. Once the
 * sweep folded its month into archive/ (months after the run), a re-delivered event writes it
 * afresh: the loader reads that file instead of the archived line, and the compaction of its own
 * month later replaces the line.
 */
export async function writeVerification(octokit: Octokit, repo: Repo, branch: string, record: VerificationRecord, log: Logger): Promise<void> {
  const path = verificationPath(record.run.id, record.run.attempt)
  await new BranchStore(octokit, repo, branch, log).commit(`ci-monitor: verification of #${record.pull.number} by run ${record.run.id}`, async (read) =>
    (await read(path)) === null ? [{ path, content: serialize(record) }] : []
  )
}

/** What the state branch knows about the failure a fix branch addresses. */
export interface FailureFacts {
  /** Names of the jobs that failed this way, most recent first. */
  jobs: string[]
  /** The workflow those failures ran in, from the latest run record, if readable. */
  workflowPath: string | null
}

const runPathSchema = z.object({ run: z.object({ workflow_path: z.string() }) })

export async function failureFacts(octokit: Octokit, repo: Repo, branch: string, fingerprint: string, log: Logger): Promise<FailureFacts> {
  const text = await readFile(octokit, repo, fingerprintPath(fingerprint), branch)
  const parsed = text === null ? null : parseFingerprintDoc(text)
  if (!parsed?.ok) {
    if (parsed) log.warning(`${fingerprintPath(fingerprint)} ${parsed.problem}; verifying by the run's conclusion.`)
    return { jobs: [], workflowPath: null }
  }
  const occurrences = [...parsed.doc.occurrences].sort((a, b) => b.at.localeCompare(a.at))
  const latest = occurrences[0]
  let workflowPath: string | null = null
  if (latest) {
    // The record may be in the archive of its month by now: a fix pull request can outlive it.
    const record = await readRunRecord(octokit, repo, branch, { id: latest.run_id, attempt: latest.attempt }, latest.at)
    try {
      workflowPath = record === null ? null : runPathSchema.parse(JSON.parse(record)).run.workflow_path
    } catch {
      workflowPath = null
    }
  }
  return { jobs: [...new Set(occurrences.map((o) => o.job))], workflowPath }
}
