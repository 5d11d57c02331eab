import { z } from 'zod'
import { SCHEMA_VERSION } from './records.js'

/**
 * Written when a re-run attempt passes after ci-monitor recorded a failed attempt of the same run:
 * the same commit failed and then passed, so those failures were flaky (and the re-run worked).
 */
export interface RecoveryRecord {
  schema_version: typeof SCHEMA_VERSION
  kind: 'run-recovery'
  repository: string
  run: { id: number; attempt: number; head_sha: string; url: string }
  recorded_at: string
  /** Earlier attempts ci-monitor had recorded as failed. */
  failed_attempts: number[]
  flaky_fingerprints: string[]
}

// The part of a run record a recovery needs; read back from the branch, so validated.
const failedAttemptSchema = z.object({
  kind: z.literal('run-analysis'),
  run: z.object({ attempt: z.number().int() }),
  jobs: z.array(z.object({ fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/) }))
})

export function failedFingerprints(text: string): { attempt: number; fingerprints: string[] } | null {
  try {
    const parsed = failedAttemptSchema.safeParse(JSON.parse(text))
    if (!parsed.success) return null
    return { attempt: parsed.data.run.attempt, fingerprints: [...new Set(parsed.data.jobs.map((job) => job.fingerprint))] }
  } catch {
    return null
  }
}
