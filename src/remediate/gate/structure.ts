import { hostedRunnerFor } from '../runner.js'
import { isMap, jobsOf, multisetChanges, splitId, stepsOf, valuesPerJob } from './data.js'
import type { Json, JsonMap } from './data.js'
import type { GateViolation } from './types.js'

/** Rules on the workflow's structure: what runs, when, where and for how long. */

export function continueOnError(old: JsonMap, now: JsonMap): GateViolation[] {
  // Anything but a literal false can let a failing job or step pass.
  const tolerant = (value: Json): boolean => value !== false && value !== 'false'
  const { added } = multisetChanges(valuesPerJob(old, 'continue-on-error', tolerant), valuesPerJob(now, 'continue-on-error', tolerant))
  return added.length > 0
    ? [{ rule: 'continue-on-error', message: 'The change adds continue-on-error, which would let the failure pass instead of fixing it.' }]
    : []
}

export function conditions(old: JsonMap, now: JsonMap): GateViolation[] {
  const { added, removed } = multisetChanges(valuesPerJob(old, 'if'), valuesPerJob(now, 'if'))
  if (added.length === 0 && removed.length === 0) return []
  const alwaysFalse = added.some((id) => isConstantFalse(splitId(id).value))
  return [
    {
      rule: 'if-condition',
      message: alwaysFalse
        ? 'The change adds an if: condition that is always false, which would skip the work instead of fixing it.'
        : 'The change adds, removes or rewrites an if: condition, which decides whether work runs at all.'
    }
  ]
}

function isConstantFalse(value: Json): boolean {
  if (value === false || value === 0 || value === null) return true
  if (typeof value !== 'string') return false
  const inner = value.trim().replace(/^\$\{\{\s*([\s\S]*?)\s*\}\}$/, '$1').trim()
  return ['false', '0', "''", '""', 'null', '!true'].includes(inner.toLowerCase())
}

export function removals(old: JsonMap, now: JsonMap): GateViolation[] {
  const violations: GateViolation[] = []
  const jobsBefore = jobsOf(old)
  const jobsAfter = jobsOf(now)
  const gone = Object.keys(jobsBefore).filter((key) => !(key in jobsAfter))
  if (gone.length > 0) {
    const what = gone.length === 1 ? 'a job' : `${gone.length} jobs`
    violations.push({ rule: 'removes-job', message: `The change deletes ${what} from the workflow.` })
  }
  if (removedStepCount(old, now) > 0) violations.push({ rule: 'removes-step', message: 'The change deletes steps from a job.' })
  return violations
}

/** Steps fewer after than before, summed over the jobs that still exist. */
export function removedStepCount(old: JsonMap, now: JsonMap, job?: string): number {
  const before = jobsOf(old)
  const after = jobsOf(now)
  return Object.keys(before)
    .filter((key) => key in after && (job === undefined || key === job))
    .reduce((sum, key) => sum + Math.max(0, stepsOf(before[key]!).length - stepsOf(after[key]!).length), 0)
}

const PRIVILEGED_TRIGGERS = new Set(['pull_request_target', 'workflow_run', 'issue_comment', 'pull_request_review_comment'])

function triggerMap(workflow: JsonMap): Map<string, string> {
  const on = workflow['on']
  const out = new Map<string, string>()
  if (typeof on === 'string') {
    out.set(on, 'null')
  } else if (Array.isArray(on)) {
    for (const t of on) if (typeof t === 'string') out.set(t, 'null')
  } else if (isMap(on)) {
    for (const [t, config] of Object.entries(on)) out.set(t, JSON.stringify(config ?? null))
  }
  return out
}

/** Triggers decide when a workflow runs and with what privileges: a fix never touches them. */
export function triggers(old: JsonMap, now: JsonMap): GateViolation[] {
  if (JSON.stringify(old['on'] ?? null) === JSON.stringify(now['on'] ?? null)) return []
  const before = triggerMap(old)
  const after = triggerMap(now)
  const added = [...after.keys()].filter((t) => !before.has(t))
  if (added.length > 0) {
    const privileged = added.filter((t) => PRIVILEGED_TRIGGERS.has(t))
    return [
      {
        rule: 'adds-trigger',
        message:
          privileged.length > 0
            ? `The change adds the ${privileged.join(', ')} trigger, which runs with write access and secrets on events outsiders can cause.`
            : 'The change adds a trigger, so the workflow would run on events it did not run on before.'
      }
    ]
  }
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t))
  const privileged = changed.filter((t) => PRIVILEGED_TRIGGERS.has(t))
  return [
    {
      rule: 'changes-trigger',
      message:
        privileged.length > 0
          ? `The change edits the ${privileged.join(', ')} trigger, which runs with write access and secrets.`
          : 'The change removes or narrows triggers, which would stop the workflow from running where it failed instead of fixing it.'
    }
  ]
}

/** A matrix with fewer combinations skips the failing ones. */
export function matrices(old: JsonMap, now: JsonMap): GateViolation[] {
  const before = jobsOf(old)
  for (const [key, job] of Object.entries(jobsOf(now))) {
    const previous = before[key]
    if (!previous) continue
    const a = matrixOf(previous)
    const b = matrixOf(job)
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    if (a === undefined) continue
    if (!isMap(a) || !isMap(b) || shrinks(a, b)) {
      return [{ rule: 'shrinks-matrix', message: 'The change removes combinations from a job matrix, which would skip the failing ones instead of fixing them.' }]
    }
  }
  return []
}

function matrixOf(job: JsonMap): Json | undefined {
  const strategy = job['strategy']
  return isMap(strategy) ? strategy['matrix'] : undefined
}

function shrinks(a: JsonMap, b: JsonMap): boolean {
  const length = (value: Json | undefined): number => (Array.isArray(value) ? value.length : value === undefined ? 0 : -1)
  for (const [key, value] of Object.entries(a)) {
    if (key === 'exclude') continue
    if (!(key in b)) return true
    const before = length(value)
    const after = length(b[key])
    if (before === -1 || after === -1) {
      if (JSON.stringify(value) !== JSON.stringify(b[key])) return true
    } else if (after < before) return true
  }
  return length(b['exclude']) > Math.max(0, length(a['exclude'])) || length(b['exclude']) === -1
}

/** GitHub-hosted jobs stop at 360 minutes; a raise beyond the configured cap only burns minutes. */
export function timeouts(old: JsonMap, now: JsonMap, cap: number): GateViolation[] {
  const numeric = (value: Json): boolean => typeof value === 'number'
  const { added } = multisetChanges(valuesPerJob(old, 'timeout-minutes', numeric), valuesPerJob(now, 'timeout-minutes', numeric))
  const over = added.map((id) => splitId(id).value as number).filter((minutes) => minutes > cap)
  return over.length > 0
    ? [{ rule: 'timeout-cap', message: `The change sets a time limit of ${Math.max(...over)} minutes, above the cap of ${cap}.` }]
    : []
}

const MATRIX_REF = /\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}/

/** Runner labels a job may get: its literal runs-on, or the matrix values runs-on refers to. */
function runnerCandidates(job: JsonMap): string[] {
  const runsOn = job['runs-on']
  if (runsOn === undefined) return []
  if (typeof runsOn !== 'string') return [JSON.stringify(runsOn)]
  const key = MATRIX_REF.exec(runsOn)?.[1]
  if (!key) return [runsOn]
  const matrix = matrixOf(job)
  if (!isMap(matrix)) return [runsOn]
  const values: Json[] = Array.isArray(matrix[key]) ? [...(matrix[key] as Json[])] : []
  const include = matrix['include']
  if (Array.isArray(include)) for (const entry of include) if (isMap(entry) && key in entry) values.push(entry[key]!)
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
}

/** A fix may move a job between GitHub-hosted images, never onto other machines. */
export function runners(old: JsonMap, now: JsonMap): GateViolation[] {
  const before = jobsOf(old)
  for (const [key, job] of Object.entries(jobsOf(now))) {
    const previous = new Set(before[key] ? runnerCandidates(before[key]!) : [])
    const added = runnerCandidates(job).filter((label) => !previous.has(label))
    if (added.some((label) => hostedRunnerFor(label) === null)) {
      return [{ rule: 'changes-runner', message: 'The change moves a job to a runner that is not a standard GitHub-hosted one.' }]
    }
  }
  return []
}
