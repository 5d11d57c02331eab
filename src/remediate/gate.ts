import { diffLines } from 'diff'
import { codeSpan } from '../notify/escape.js'
import { readWorkflow } from './gate/data.js'
import { changedCommands, downloadAndExecute, weakensChecks } from './gate/commands.js'
import { environment, newActions, secrets } from './gate/inputs.js'
import { permissions } from './gate/permissions.js'
import { defaultWorkflowValidator } from './gate/schema.js'
import type { WorkflowValidator } from './gate/schema.js'
import { conditions, continueOnError, matrices, removals, runners, timeouts, triggers } from './gate/structure.js'
import type { GateViolation } from './gate/types.js'
import type { PermissionGrant } from './types.js'

export type { GateRule, GateViolation } from './gate/types.js'
export type { WorkflowValidator } from './gate/schema.js'

/**
 * The safety gate every workflow edit passes, whatever fix type or engine produced it. It compares
 * the workflow before and after and reports the changes that "fix" a failure by hiding it or that
 * hand out power: skipping or tolerating failures, deleting work, weaker tests, changed triggers,
 * wider token permissions, anything near secrets, code fetched and run, unpinned actions, other
 * runners; and an edit that is too large or breaks the workflow syntax.
 */
export interface GateOptions {
  /** The one scope an `add-permission` fix grants; every other widening is refused. */
  permissionGrant?: PermissionGrant | null
  /** Syntax check of the edited workflow (default: the built-in minimal check). */
  validate?: WorkflowValidator
  /** Most lines a fix may add plus remove. */
  maxChangedLines?: number
  /** Highest `timeout-minutes` a fix may set. */
  maxTimeoutMinutes?: number
}

/** Enough for every catalog fix (the free-disk step is 8 lines, a copied permissions block a few more). */
export const MAX_CHANGED_LINES = 20
const DEFAULT_MAX_TIMEOUT_MINUTES = 360

export function checkFixSafety(before: string, after: string, options: GateOptions = {}): GateViolation[] {
  const old = readWorkflow(before)
  const now = readWorkflow(after)
  if (old === null || now === null) {
    return [{ rule: 'unparseable', message: 'The workflow cannot be read as YAML before or after the change, so the change cannot be checked.' }]
  }
  const parts = diffLines(before, after)
  const changedText = parts.filter((part) => part.added || part.removed).map((part) => part.value)
  const addedLines = parts.filter((part) => part.added).flatMap((part) => part.value.split('\n').filter((line) => line !== ''))
  const changed = parts.filter((part) => part.added || part.removed).reduce((sum, part) => sum + (part.count ?? 0), 0)
  const maxLines = options.maxChangedLines ?? MAX_CHANGED_LINES
  return [
    ...(changed > maxLines ? [{ rule: 'too-large' as const, message: `The change touches ${changed} lines, more than the ${maxLines} a fix may.` }] : []),
    ...schema(before, after, options.validate ?? defaultWorkflowValidator),
    ...continueOnError(old, now),
    ...conditions(old, now),
    ...removals(old, now),
    ...triggers(old, now),
    ...matrices(old, now),
    ...permissions(old, now, options.permissionGrant ?? null),
    ...secrets(changedText, old, now),
    ...environment(old, now),
    ...newActions(old, now),
    ...runners(old, now),
    ...changedCommands(old, now),
    ...downloadAndExecute(addedLines),
    ...weakensChecks(before, after),
    ...timeouts(old, now, options.maxTimeoutMinutes ?? DEFAULT_MAX_TIMEOUT_MINUTES)
  ]
}

function schema(before: string, after: string, validate: WorkflowValidator): GateViolation[] {
  let known: Set<string>
  let problems: string[]
  try {
    known = new Set(validate(before))
    problems = validate(after).filter((problem) => !known.has(problem))
  } catch {
    return [{ rule: 'schema-invalid', message: 'The workflow syntax check failed to run on the change, so it is refused.' }]
  }
  if (problems.length === 0) return []
  const shown = problems.slice(0, 3).map((problem) => codeSpan(problem.slice(0, 200)))
  return [{ rule: 'schema-invalid', message: `After the change the workflow breaks GitHub's workflow syntax: ${shown.join(', ')}.` }]
}
