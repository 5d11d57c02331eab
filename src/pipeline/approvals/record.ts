import { z } from 'zod'
import type { Octokit, Repo } from '../../github/client.js'
import { readFile } from '../../github/contents.js'
import type { FileChange } from '../../github/git.js'
import type { Logger } from '../../log/logger.js'
import { BranchStore } from '../../state/branch-store.js'
import { SCHEMA_VERSION, serialize } from '../../state/records.js'

/**
 * The audit of one approval request on the state branch, `approvals/<number>.json`: every answer
 * (approval, rejection, refusal, expiry), keyed by the event that carried it, and the decision.
 * Writers merge by key, so a re-delivered comment or a re-run of the sweep is recorded once.
 */
const MAX_EVENTS = 50

const OUTCOMES = ['approved', 'rejected', 'expired'] as const
export type ApprovalOutcome = (typeof OUTCOMES)[number]
export type AnswerSource = 'comment' | 'dispatch' | 'schedule'

const eventSchema = z.object({
  /** `comment-<id>`, `dispatch-<run id>-<attempt>` or `expiry`. */
  key: z.string(),
  at: z.string(),
  type: z.enum(['approved', 'rejected', 'expired', 'refused', 'already-decided']),
  actor: z.string().nullable(),
  source: z.enum(['comment', 'dispatch', 'schedule']),
  detail: z.string()
})

export const approvalDocSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  kind: z.literal('approval'),
  repository: z.string(),
  number: z.number().int().positive(),
  form: z.enum(['pull-request', 'issue']),
  url: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/),
  /** The change key the request proposed (from its body), if it carried one. */
  change: z.string().nullable(),
  requested_at: z.string(),
  events: z.array(eventSchema),
  decision: z.object({ outcome: z.enum(OUTCOMES), actor: z.string().nullable(), at: z.string(), source: z.enum(['comment', 'dispatch', 'schedule']) }).nullable()
})

export type ApprovalDoc = z.infer<typeof approvalDocSchema>
export type ApprovalEvent = z.infer<typeof eventSchema>
export type ApprovalRequestFacts = Pick<ApprovalDoc, 'repository' | 'number' | 'form' | 'url' | 'fingerprint' | 'change' | 'requested_at'>

export function approvalPath(number: number): string {
  if (!Number.isInteger(number) || number <= 0) throw new Error('approval requests are numbered issues or pull requests')
  return `approvals/${number}.json`
}

/** Adds an event once (by key); the first decision stays the decision. Pure. */
export function withEvent(doc: ApprovalDoc, event: ApprovalEvent): ApprovalDoc {
  if (doc.events.some((e) => e.key === event.key)) return doc
  const decided = event.type === 'approved' || event.type === 'rejected' || event.type === 'expired'
  return {
    ...doc,
    events: [...doc.events, event].slice(-MAX_EVENTS),
    decision: doc.decision ?? (decided ? { outcome: event.type as ApprovalOutcome, actor: event.actor, at: event.at, source: event.source } : null)
  }
}

export function newApprovalDoc(request: ApprovalRequestFacts): ApprovalDoc {
  return { schema_version: SCHEMA_VERSION, kind: 'approval', ...request, events: [], decision: null }
}

type Parsed = { ok: true; doc: ApprovalDoc } | { ok: false; newer: boolean; problem: string }

export function parseApprovalDoc(text: string): Parsed {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, newer: false, problem: 'not valid JSON' }
  }
  const version = (raw as { schema_version?: unknown } | null)?.schema_version
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return { ok: false, newer: true, problem: `written by a newer ci-monitor (schema_version ${version}); upgrade the action` }
  }
  const parsed = approvalDocSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, newer: false, problem: `does not match the schema (${parsed.error.issues[0]?.message ?? 'invalid'})` }
  return { ok: true, doc: parsed.data }
}

/** The request's record, or null when there is none yet (or it cannot be read). */
export async function readApprovalDoc(octokit: Octokit, repo: Repo, branch: string, number: number): Promise<ApprovalDoc | null> {
  const text = await readFile(octokit, repo, approvalPath(number), branch)
  if (text === null) return null
  const parsed = parseApprovalDoc(text)
  return parsed.ok ? parsed.doc : null
}

/**
 * Records an event on the request's document in one commit, merging with whatever is on the branch
 * tip (retried on races). A document it cannot read is kept aside, never overwritten; one from a
 * newer ci-monitor is left alone and reported.
 */
export async function recordApprovalEvent(
  octokit: Octokit,
  repo: Repo,
  branch: string,
  request: ApprovalRequestFacts,
  event: ApprovalEvent,
  log: Logger
): Promise<string | null> {
  const store = new BranchStore(octokit, repo, branch, log)
  const path = approvalPath(request.number)
  let problem: string | null = null
  await store.commit(`ci-monitor: approval request #${request.number}: ${event.type}`, async (read) => {
    problem = null
    const text = await read(path)
    const changes: FileChange[] = []
    let doc = newApprovalDoc(request)
    if (text !== null) {
      const parsed = parseApprovalDoc(text)
      if (parsed.ok) {
        doc = parsed.doc
      } else if (parsed.newer) {
        problem = `${path} ${parsed.problem}: left unchanged.`
        return []
      } else {
        changes.push({ path: `quarantine/${path.replace(/\.json$/, '')}.${event.key}.json`, content: text })
        problem = `${path} ${parsed.problem}: kept aside and started afresh.`
      }
    }
    const next = withEvent(doc, event)
    if (next === doc && changes.length === 0) return []
    return [...changes, { path, content: serialize(next) }]
  })
  if (problem) log.warning(problem)
  return problem
}
