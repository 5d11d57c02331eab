import { isMap, isScalar } from 'yaml'
import type { Node, Pair, Scalar, YAMLMap } from 'yaml'
import type { FixIntent } from '../../classify/types.js'
import { codeSpan } from '../../notify/escape.js'
import { parseActionRef } from '../action-ref.js'
import { appendToBlockMap, insertAboveKey } from '../block-edit.js'
import type { EditPlan } from '../edit-plan.js'
import { findSteps } from '../job-match.js'
import { ACTION_SCOPES, parseAcceptedPermissions, RESTRICTED_DEFAULT, scopesForAction } from '../permission-table.js'
import type { GrantLevel, TokenScope } from '../permission-table.js'
import { replaceScalarValue } from '../source-edit.js'
import type { TextEdit } from '../source-edit.js'
import type { FixRefusal, PlanFixInput } from '../types.js'
import { scalarAt } from '../workflow-doc.js'
import type { Workflow, WorkflowJob } from '../workflow-doc.js'
import { editableJob } from './locate.js'

type PermissionIntent = Extract<FixIntent, { kind: 'add-permission' }>
type Levels = Partial<Record<string, GrantLevel | 'none'>>

const RANK: Record<string, number> = { none: 0, read: 1, write: 2 }

/** The job's token permissions as declared: its own block, else the workflow's, else the repository default. */
interface Declared {
  source: 'job' | 'workflow' | 'default'
  /** Mapping form; null for `read-all` / `write-all`. */
  levels: Levels | null
  all: 'read-all' | 'write-all' | null
}

/**
 * Adds the one token scope a "Resource not accessible by integration" failure lacks to the failed
 * job's `permissions:`. The scope comes from an `x-accepted-github-permissions` value printed in
 * the log (checked against the token's scopes) or from ci-monitor's table of what well-known
 * actions need; never from free text, never more than one scope, never `write-all`.
 */
export function planAddPermission(workflow: Workflow, intent: PermissionIntent, input: PlanFixInput): EditPlan | FixRefusal {
  const job = editableJob(workflow, input.jobName)
  if ('refused' in job) return job
  const jobLabel = `job ${codeSpan(job.key)}`
  const declared = declaredPermissions(workflow, job)
  const current = (scope: string): number => {
    if (declared.all) return declared.all === 'write-all' ? 2 : 1
    const levels: Levels = declared.levels ?? RESTRICTED_DEFAULT
    return RANK[levels[scope] ?? 'none']!
  }
  const needed = neededScope(workflow, job, intent, current)
  if ('refused' in needed) return needed
  const { scope, level, why } = needed

  const edit = permissionEdit(workflow, job, declared, scope, level)
  if ('refused' in edit) return edit
  const newBlock = declared.source === 'default'
  const grantText = codeSpan(`${scope}: ${level}`)
  const description = [
    `Grants ${grantText} to the GITHUB_TOKEN of ${jobLabel}: ${why}. The API answered "Resource not accessible by integration" (HTTP 403) because the token lacked it.`,
    declared.source === 'workflow'
      ? `${capital(jobLabel)} had no ${codeSpan('permissions')} of its own, so it gets a block that repeats the workflow's scopes and adds this one; other jobs keep the workflow's.`
      : declared.source === 'default'
        ? `The workflow declares no ${codeSpan('permissions')}, so the token had the repository's default. A declared block sets every scope it does not list to none; this one lists the restricted default (${codeSpan('contents: read')}, ${codeSpan('packages: read')}) plus ${grantText}. If the repository's default is the permissive one, scopes this job used without declaring them are narrowed: check the job's other steps.`
        : `Only ${jobLabel} changes.`,
    'Runs from forks never get this fix: their token is read-only by design, whatever the workflow asks for.'
  ].join('\n\n')
  return {
    edits: [edit.edit],
    expect: [{ path: [...job.path, 'permissions'], value: edit.value }],
    title: `Grant ${scope}: ${level} to job ${job.key}`,
    description,
    rollback: newBlock
      ? `Revert the commit, or delete the ${codeSpan('permissions')} block of ${jobLabel}.`
      : `Revert the commit, or remove ${grantText} from the ${codeSpan('permissions')} of ${jobLabel}.`,
    risk: { kind: 'add-permission', level, newBlock },
    permissionGrant: { job: job.key, scope, level }
  }
}

function neededScope(
  workflow: Workflow,
  job: WorkflowJob,
  intent: PermissionIntent,
  current: (scope: string) => number
): { scope: TokenScope; level: GrantLevel; why: string } | FixRefusal {
  const jobLabel = `job ${codeSpan(job.key)}`
  const missingOf = (needs: Partial<Record<TokenScope, GrantLevel>>): [TokenScope, GrantLevel][] =>
    (Object.entries(needs) as [TokenScope, GrantLevel][]).filter(([scope, level]) => current(scope) < RANK[level]!)

  const alternatives = typeof intent.acceptedPermissions === 'string' ? parseAcceptedPermissions(intent.acceptedPermissions) : null
  if (alternatives !== null) {
    if (alternatives.length === 0) {
      return {
        code: 'not-in-catalog',
        refused: 'The API asks for a permission a GITHUB_TOKEN cannot be given (an organization or admin permission); a GitHub App or a token with that permission is needed.'
      }
    }
    const missing = alternatives.map(missingOf)
    if (missing.some((m) => m.length === 0)) return alreadyGranted(jobLabel)
    // Each set is an alternative that suffices on its own: the first one a single scope completes.
    const single = missing.find((m) => m.length === 1)
    if (!single) return severalScopes(jobLabel)
    const [scope, level] = single[0]!
    return { scope, level, why: 'the API response named it in its x-accepted-github-permissions header' }
  }

  const stepName = typeof intent.step === 'string' && intent.step.trim() !== '' ? intent.step : null
  const steps = stepName ? findSteps(workflow, job, stepName) : []
  const uses = steps.length === 1 ? scalarAt(workflow.doc, steps[0]!.map, 'uses')?.value : undefined
  const ref = typeof uses === 'string' ? parseActionRef(uses) : null
  const needs = ref?.kind === 'remote' ? scopesForAction(ref.action) : null
  if (!needs || ref?.kind !== 'remote') {
    return {
      code: 'not-in-catalog',
      refused: `The missing permission could not be told: the log names none in an x-accepted-github-permissions header and the failing step is not one of the ${ACTION_SCOPES.length} actions in ci-monitor's table.`
    }
  }
  const missing = missingOf(needs)
  if (missing.length === 0) return alreadyGranted(jobLabel)
  if (missing.length > 1) return severalScopes(jobLabel)
  const [scope, level] = missing[0]!
  const source = ACTION_SCOPES.find((entry) => entry.action === ref.action.toLowerCase())!.source
  return { scope, level, why: `${codeSpan(ref.action)} needs it (${source})` }
}

function alreadyGranted(jobLabel: string): FixRefusal {
  return {
    code: 'nothing-to-change',
    refused: `Nothing to change: ${jobLabel} already declares the permission the call needs, so the 403 has another cause (a run from a fork, an organization policy capping the token, or a resource outside the repository).`
  }
}

function severalScopes(jobLabel: string): FixRefusal {
  return { code: 'ambiguous', refused: `The call needs more than one scope ${jobLabel} lacks, and ci-monitor grants at most one per fix, so a person should decide.` }
}

function declaredPermissions(workflow: Workflow, job: WorkflowJob): Declared {
  const read = (value: unknown, source: Declared['source']): Declared | null => {
    if (value === undefined) return null
    if (value === 'read-all' || value === 'write-all') return { source, levels: null, all: value }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { source, levels: value as Levels, all: null }
    return { source, levels: {}, all: null }
  }
  const own = workflow.doc.getIn([...job.path, 'permissions'], true) as Node | undefined
  const root = workflow.doc.get('permissions', true) as Node | undefined
  return (
    read(own === undefined ? undefined : toJS(workflow, own), 'job') ??
    read(root === undefined ? undefined : toJS(workflow, root), 'workflow') ?? { source: 'default', levels: null, all: null }
  )
}

function toJS(workflow: Workflow, node: Node): unknown {
  return (node as { toJS(doc: unknown): unknown }).toJS(workflow.doc)
}

function permissionEdit(
  workflow: Workflow,
  job: WorkflowJob,
  declared: Declared,
  scope: TokenScope,
  level: GrantLevel
): { edit: TextEdit; value: Levels } | FixRefusal {
  const notEditable: FixRefusal = { code: 'not-editable', refused: `The ${codeSpan('permissions')} of job ${codeSpan(job.key)} are written in a form ci-monitor does not rewrite.` }
  if (declared.all) {
    return {
      code: 'not-editable',
      refused: `The token permissions are ${codeSpan(declared.all)}; adding one scope would mean listing every other scope, so a person should decide.`
    }
  }
  if (declared.source === 'job') {
    const node = job.map.get('permissions', true) as Node
    if (!isMap(node)) return notEditable
    const value = { ...declared.levels, [scope]: level }
    const pair = node.items.find((p: Pair) => isScalar(p.key) && p.key.value === scope)
    if (pair) {
      const edit = isScalar(pair.value) ? replaceScalarValue(workflow.text, pair.value as Scalar, level) : null
      return edit ? { edit, value } : notEditable
    }
    if (node.flow) return node.items.length === 0 && node.range ? { edit: { start: node.range[0], end: node.range[1], text: `{ ${scope}: ${level} }` }, value } : notEditable
    const edit = appendToBlockMap(workflow.text, node as YAMLMap, [`${scope}: ${level}`])
    return edit ? { edit, value } : notEditable
  }
  // A new job-level block: the workflow's scopes (or the restricted default) plus this one.
  const base: Levels = declared.source === 'workflow' ? { ...declared.levels } : { ...RESTRICTED_DEFAULT }
  const value = { ...base, [scope]: level }
  const steps = job.map.items.find((p: Pair) => isScalar(p.key) && p.key.value === 'steps')
  const lines = ['permissions:', ...Object.entries(value).map(([s, l]) => `  ${s}: ${l}`)]
  if (Object.keys(value).length === 0) return notEditable
  const edit = steps ? insertAboveKey(workflow.text, steps.key as Scalar, lines) : appendToBlockMap(workflow.text, job.map, lines)
  return edit ? { edit, value } : notEditable
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
