/**
 * The one shape the model may answer in. The zod schema produces both the JSON schema sent as a
 * strict structured output and the validation of what comes back, so the two cannot drift.
 * Strict mode needs every property required and no extra ones, so absent values are `null`.
 */
import { z } from 'zod'
import { CATEGORY_NAMES } from '../categories.js'

const FIX_KINDS = ['none', 'upgrade-action', 'raise-timeout', 'proposed-diff'] as const

export const fixAnswerSchema = z
  .strictObject({
    kind: z
      .enum(FIX_KINDS)
      .describe("'none' unless the failure is one ci-monitor may fix: a catalog kind, or 'proposed-diff' for another small change to the workflow file."),
    action: z
      .string()
      .nullable()
      .describe("upgrade-action only: the action as 'owner/repo' (no ref, no path), else null."),
    from_ref: z.string().nullable().describe("upgrade-action only: the ref in use, e.g. 'v3', else null."),
    observed_minutes: z.number().nullable().describe('raise-timeout only: the limit in minutes the job or step hit, else null.'),
    step: z.string().nullable().describe('raise-timeout only: the failing step when that step hit its own limit, else null.'),
    diff: z
      .string()
      .nullable()
      .describe('proposed-diff only: a unified diff (---/+++ header, @@ hunks with exact line numbers) of the workflow file, else null.')
  })
  .describe('A fix from the catalog, a proposed diff of the workflow file, or kind none.')

export const answerSchema = z.strictObject({
  category: z.enum(CATEGORY_NAMES).describe('The category of the root cause.'),
  confidence: z.number().min(0).max(1).describe('How sure you are, from 0 to 1.'),
  transient: z.boolean().describe('True only when re-running the job unchanged would likely pass.'),
  summary: z
    .string()
    .describe('One plain sentence naming the root cause for a developer: no commands, links, mentions or Markdown.'),
  fix: fixAnswerSchema
})

/**
 * What comes back is parsed against the same schema except the fix: a malformed fix is dropped
 * on its own (the verdict can still stand), a malformed verdict is a fallback.
 */
export const answerWithLooseFixSchema = answerSchema.extend({ fix: z.unknown() })

export const RESPONSE_SCHEMA_NAME = 'ci_failure_verdict'

export interface JsonSchemaResponseFormat {
  type: 'json_schema'
  json_schema: { name: string; strict: true; schema: Record<string, unknown> }
}

/** `response_format` for chat completions: strict structured output of `answerSchema`. */
export function responseFormat(): JsonSchemaResponseFormat {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(answerSchema) as Record<string, unknown>
  return { type: 'json_schema', json_schema: { name: RESPONSE_SCHEMA_NAME, strict: true, schema } }
}
