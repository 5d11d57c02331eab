import { z } from 'zod'
import { SCHEMA_VERSION } from './records.js'

/** `verifications/<run id>/attempt-<n>.json`: what the CI of a fix branch showed (pipeline/verify/record.ts writes it). */
export function verificationPath(runId: number, attempt: number): string {
  return `verifications/${runId}/attempt-${attempt}.json`
}

/** The part of a `fix-verification` record the compaction reads: where it belongs and when it was written. */
export const verificationHeaderSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  kind: z.literal('fix-verification'),
  run: z.object({ id: z.number().int().positive(), attempt: z.number().int().positive() }),
  recorded_at: z.iso.datetime()
})
