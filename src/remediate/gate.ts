import { diffLines } from 'diff'
import { parseDocument } from 'yaml'

/**
 * The safety gate every workflow edit passes, whatever fix type or engine produced it. It compares
 * the workflow before and after and reports the changes that "fix" a failure by hiding it or that
 * hand out power: skipping or tolerating failures, deleting work, new triggers, wider token
 * permissions, anything near secrets.
 */
export type GateRule =
  | 'unparseable'
  | 'continue-on-error'
  | 'if-condition'
  | 'removes-job'
  | 'removes-step'
  | 'adds-trigger'
  | 'widens-permissions'
  | 'touches-secrets'

export interface GateViolation {
  rule: GateRule
  /** Plain sentence for the audit trail and the job summary. */
  message: string
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonMap = { [key: string]: Json }

export function checkFixSafety(before: string, after: string): GateViolation[] {
  const violations: GateViolation[] = []
  const old = readWorkflow(before)
  const now = readWorkflow(after)
  if (old === null || now === null) {
    return [{ rule: 'unparseable', message: 'The workflow cannot be read as YAML before or after the change, so the change cannot be checked.' }]
  }
  violations.push(...continueOnError(old, now), ...conditions(old, now), ...removals(old, now), ...triggers(old, now))
  violations.push(...permissions(old, now), ...secrets(before, after))
  return violations
}

function readWorkflow(text: string): JsonMap | null {
  try {
    const doc = parseDocument(text, { prettyErrors: false })
    if (doc.errors.length > 0) return null
    const value = doc.toJS() as Json
    return isMap(value) ? value : null
  } catch {
    return null
  }
}

function isMap(value: Json | undefined): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function jobsOf(workflow: JsonMap): Record<string, JsonMap> {
  const jobs = workflow['jobs']
  const out: Record<string, JsonMap> = {}
  if (isMap(jobs)) for (const [key, job] of Object.entries(jobs)) out[key] = isMap(job) ? job : {}
  return out
}

function stepsOf(job: JsonMap): JsonMap[] {
  const steps = job['steps']
  return Array.isArray(steps) ? steps.map((step) => (isMap(step) ? step : {})) : []
}

/** Job and step mappings per job, so step insertions do not count as changes to other steps. */
function unitsByJob(workflow: JsonMap): Map<string, JsonMap[]> {
  const units = new Map<string, JsonMap[]>()
  for (const [key, job] of Object.entries(jobsOf(workflow))) units.set(key, [job, ...stepsOf(job)])
  return units
}

/** Values of `key` per job as a multiset (value → count), keyed `job\0value`. */
function valuesPerJob(workflow: JsonMap, key: string, keep: (value: Json) => boolean): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [job, units] of unitsByJob(workflow)) {
    for (const unit of units) {
      if (!(key in unit) || !keep(unit[key]!)) continue
      const id = `${job}\u0000${JSON.stringify(unit[key])}`
      counts.set(id, (counts.get(id) ?? 0) + 1)
    }
  }
  return counts
}

function multisetChanges(old: Map<string, number>, now: Map<string, number>): { added: string[]; removed: string[] } {
  const added: string[] = []
  const removed: string[] = []
  for (const [id, count] of now) if (count > (old.get(id) ?? 0)) added.push(id)
  for (const [id, count] of old) if (count > (now.get(id) ?? 0)) removed.push(id)
  return { added, removed }
}

function continueOnError(old: JsonMap, now: JsonMap): GateViolation[] {
  // Anything but a literal false can let a failing job or step pass.
  const tolerant = (value: Json): boolean => value !== false && value !== 'false'
  const { added } = multisetChanges(valuesPerJob(old, 'continue-on-error', tolerant), valuesPerJob(now, 'continue-on-error', tolerant))
  return added.length > 0
    ? [{ rule: 'continue-on-error', message: 'The change adds continue-on-error, which would let the failure pass instead of fixing it.' }]
    : []
}

function conditions(old: JsonMap, now: JsonMap): GateViolation[] {
  const any = (): boolean => true
  const { added, removed } = multisetChanges(valuesPerJob(old, 'if', any), valuesPerJob(now, 'if', any))
  if (added.length === 0 && removed.length === 0) return []
  const alwaysFalse = added.some((id) => isConstantFalse(JSON.parse(id.split('\u0000')[1]!) as Json))
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

function removals(old: JsonMap, now: JsonMap): GateViolation[] {
  const violations: GateViolation[] = []
  const jobsBefore = jobsOf(old)
  const jobsAfter = jobsOf(now)
  const gone = Object.keys(jobsBefore).filter((key) => !(key in jobsAfter))
  if (gone.length > 0) {
    const what = gone.length === 1 ? 'a job' : `${gone.length} jobs`
    violations.push({ rule: 'removes-job', message: `The change deletes ${what} from the workflow.` })
  }
  const fewer = Object.keys(jobsBefore).filter(
    (key) => key in jobsAfter && stepsOf(jobsAfter[key]!).length < stepsOf(jobsBefore[key]!).length
  )
  if (fewer.length > 0) violations.push({ rule: 'removes-step', message: 'The change deletes steps from a job.' })
  return violations
}

const PRIVILEGED_TRIGGERS = new Set(['pull_request_target', 'workflow_run', 'issue_comment', 'pull_request_review_comment'])

function triggersOf(workflow: JsonMap): Set<string> {
  const on = workflow['on']
  if (typeof on === 'string') return new Set([on])
  if (Array.isArray(on)) return new Set(on.filter((t): t is string => typeof t === 'string'))
  if (isMap(on)) return new Set(Object.keys(on))
  return new Set()
}

function triggers(old: JsonMap, now: JsonMap): GateViolation[] {
  const before = triggersOf(old)
  const added = [...triggersOf(now)].filter((t) => !before.has(t))
  if (added.length === 0) return []
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

/** Token levels; unknown values count as write so that they can never look narrower. */
const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 }

/** Effective permissions: `default` when nothing is declared (repository settings decide). */
type Permissions = 'default' | { all: number; scopes: Map<string, number> }

function parsePermissions(value: Json | undefined): Permissions {
  if (value === undefined) return 'default'
  if (value === 'read-all') return { all: LEVEL.read!, scopes: new Map() }
  if (value === 'write-all') return { all: LEVEL.write!, scopes: new Map() }
  if (isMap(value)) {
    const scopes = new Map<string, number>()
    for (const [scope, level] of Object.entries(value)) scopes.set(scope, typeof level === 'string' ? (LEVEL[level] ?? 2) : 2)
    return { all: LEVEL.none!, scopes }
  }
  return { all: LEVEL.write!, scopes: new Map() }
}

function widens(before: Permissions, after: Permissions): boolean {
  if (after === 'default') return before !== 'default' // dropping a declaration hands the choice back to settings
  const maxAfter = Math.max(after.all, ...after.scopes.values())
  if (before === 'default') return maxAfter >= LEVEL.write! // the default may be read-only
  const scopes = new Set([...before.scopes.keys(), ...after.scopes.keys()])
  if (after.all > before.all) return true
  for (const scope of scopes) {
    if ((after.scopes.get(scope) ?? after.all) > (before.scopes.get(scope) ?? before.all)) return true
  }
  return false
}

function permissions(old: JsonMap, now: JsonMap): GateViolation[] {
  const rootBefore = parsePermissions(old['permissions'])
  const rootAfter = parsePermissions(now['permissions'])
  const jobsBefore = jobsOf(old)
  let widened = widens(rootBefore, rootAfter)
  for (const [key, job] of Object.entries(jobsOf(now))) {
    const effectiveAfter = 'permissions' in job ? parsePermissions(job['permissions']) : rootAfter
    const jobBefore = jobsBefore[key]
    const effectiveBefore = jobBefore && 'permissions' in jobBefore ? parsePermissions(jobBefore['permissions']) : rootBefore
    if (widens(effectiveBefore, effectiveAfter)) widened = true
  }
  return widened
    ? [{ rule: 'widens-permissions', message: 'The change widens the permissions of the workflow token.' }]
    : []
}

function secrets(before: string, after: string): GateViolation[] {
  const touched = diffLines(before, after).some(
    (part) => (part.added || part.removed) && /\bsecrets\b/i.test(part.value)
  )
  return touched ? [{ rule: 'touches-secrets', message: 'The change touches a line that mentions secrets.' }] : []
}
