import { codeSpan } from '../../notify/escape.js'
import { checkFixSafety } from '../gate.js'
import type { WorkflowValidator } from '../gate.js'
import { isMap, keyedMaps, readWorkflow } from '../gate/data.js'
import type { JsonMap } from '../gate/data.js'
import { changedLines, unifiedPatch } from '../patch.js'
import { fixRisk } from '../risk.js'
import type { FixRefusal, PlannedFix } from '../types.js'
import { parseWorkflow } from '../workflow-doc.js'
import { proposedPathProblem } from './path-policy.js'
import { recognize, structuralChanges } from './recognize.js'
import type { Change } from './recognize.js'
import { applyExactly, parseUnifiedDiff } from './unified-diff.js'

export interface ProposedDiffInput {
  /** A unified diff of one file, as a model proposed it (untrusted). */
  diff: string
  /** Repository files by path, as they are on the branch a fix would be based on. */
  files: Record<string, string>
  /** Globs of the paths a fix may edit (the policy's `allowed_paths`). */
  allowedPaths: readonly string[]
  /** The one file the proposal may change (the failed run's workflow), or any allowed workflow when absent. */
  target?: string | null
  /** Workflow syntax check (default: the gate's built-in one). */
  validate?: WorkflowValidator
}

/**
 * Judges a fix an LLM proposed as a unified diff. Pure. The diff must name one existing workflow
 * file inside the allowed paths and apply to it exactly; the result must parse and pass the same
 * safety gate as catalog fixes (no permission may widen). Nothing from the proposal but the edit
 * itself is kept: the title, description and risk are ci-monitor's own, and a change with the
 * exact shape of a catalog fix is scored as that fix.
 */
export function judgeProposedDiff(input: ProposedDiffInput): PlannedFix | FixRefusal {
  const parsed = parseUnifiedDiff(input.diff)
  if ('error' in parsed) return invalid(`The proposed diff is refused: ${parsed.error}.`)
  const pathProblem = proposedPathProblem(parsed.path, input.files, input.allowedPaths, input.target ?? null)
  if (pathProblem) return invalid(`The proposed diff is refused: ${pathProblem} (${codeSpan(parsed.path.slice(0, 200))}).`)
  const path = parsed.path
  const before = input.files[path]!
  const after = applyExactly(before, parsed.hunks)
  if (typeof after !== 'string') return invalid(`The proposed diff is refused: ${after.error}; ci-monitor applies diffs exactly or not at all.`)
  if (after === before) return { code: 'nothing-to-change', refused: 'Nothing to change: the proposed diff leaves the workflow as it is.' }

  const workflow = parseWorkflow(after)
  if ('error' in workflow) return { code: 'unsafe', refused: `The proposed change is refused: ${workflow.error}` }
  const violations = checkFixSafety(before, after, input.validate ? { validate: input.validate } : {})
  if (violations.length > 0) {
    return { code: 'unsafe', refused: `The proposed change is refused by the safety gate: ${violations.map((v) => v.message).join(' ')}` }
  }

  const old = readWorkflow(before)!
  const now = readWorkflow(after)!
  const changes = structuralChanges(old, now)
  const { kind, risk } = recognize(changes, nodeFlags(old))
  const lines = changedLines(path, before, after)
  const file = path.split('/').pop()!
  return {
    kind,
    origin: 'proposed-diff',
    path,
    before,
    after,
    patch: unifiedPatch(path, before, after),
    title: `Apply the proposed change to ${file}${kind === 'proposed-diff' ? '' : ` (${kind})`}`,
    description: [
      `A change to ${codeSpan(path)} proposed by the LLM engine. ci-monitor applied it exactly to the file on the base branch and it passed the same safety gate as catalog fixes; the risk is ci-monitor's own assessment${kind === 'proposed-diff' ? '' : `, as for its ${codeSpan(kind)} fix, whose shape this change has`}.`,
      `What changes: ${describe(changes)}.`,
      'The proposal came from a model that read the failing log, which anyone who can push may write: review it as you would a contribution from outside.'
    ].join('\n\n'),
    risk: fixRisk({ ...risk, changedLines: Math.max(lines.before.length, lines.after.length) }),
    rollback: 'Revert the commit; the diff shows every line it changed.',
    changedLines: lines,
    permissionGrant: null
  }
}

function invalid(refused: string): FixRefusal {
  return { code: 'invalid-diff', refused }
}

function nodeFlags(workflow: JsonMap): Set<string> {
  const flags = new Set<string>()
  for (const map of keyedMaps(workflow)) {
    if (map.kind !== 'env' || !isMap(map.value)) continue
    const value = map.value['NODE_OPTIONS']
    if (typeof value === 'string') for (const flag of value.split(/\s+/)) if (flag !== '') flags.add(flag)
  }
  return flags
}

const MAX_LISTED = 8

/** The changes as code spans of YAML paths and values; workflow text never leaves a code span. */
function describe(changes: Change[]): string {
  const shown = changes.slice(0, MAX_LISTED).map((change) => {
    const where = codeSpan(change.path.join('.').slice(0, 120))
    if (change.type === 'inserted-step') return `a new step at ${where}`
    const value = (v: unknown): string => (v === undefined ? 'nothing' : codeSpan(JSON.stringify(v).slice(0, 120)))
    return `${where} from ${value(change.before)} to ${value(change.after)}`
  })
  const more = changes.length > MAX_LISTED ? `, and ${changes.length - MAX_LISTED} more` : ''
  return shown.join('; ') + more
}
