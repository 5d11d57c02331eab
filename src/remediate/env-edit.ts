import { isMap, isScalar } from 'yaml'
import type { Node, Scalar, YAMLMap } from 'yaml'
import { appendToBlockMap, blockKeyColumn, insertAboveKey } from './block-edit.js'
import { replaceScalarValue } from './source-edit.js'
import type { TextEdit } from './source-edit.js'
import type { Workflow, YamlPath } from './workflow-doc.js'

/** One `env:` level a step sees: its own, its job's, or the workflow's. */
export interface EnvLevel {
  level: 'step' | 'job' | 'workflow'
  owner: YAMLMap
  path: YamlPath
}

export interface EnvEntry {
  level: EnvLevel
  name: string
  node: Scalar
}

/** The entry for one of `names` nearest to the step (step, then job, then workflow), if any. */
export function nearestEnv(levels: EnvLevel[], names: readonly string[]): EnvEntry | null {
  for (const level of levels) {
    const env = level.owner.get('env', true) as Node | undefined
    if (!isMap(env)) continue
    for (const pair of env.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && names.includes(pair.key.value) && isScalar(pair.value)) {
        return { level, name: pair.key.value, node: pair.value }
      }
    }
  }
  return null
}

/** The `env:` of an owner is something ci-monitor cannot add to (an expression or a flow mapping). */
export function envBlocked(workflow: Workflow, owner: YAMLMap): boolean {
  const env = owner.get('env', true) as Node | undefined
  if (env === undefined) return false
  return !isMap(env) || blockKeyColumn(workflow.text, env) === null
}

/**
 * Sets `name: value` in the owner's `env:`: replaces the value of an existing entry, adds an
 * entry to an existing block `env:`, or adds an `env:` block to the owner. `jsValue` is what the
 * value parses to, for the edit check. Null when the YAML is in a form ci-monitor does not rewrite.
 */
export function setEnv(
  workflow: Workflow,
  level: EnvLevel,
  name: string,
  value: string,
  jsValue: unknown
): { edit: TextEdit; expect: { path: YamlPath; value: unknown } } | null {
  const text = workflow.text
  const env = level.owner.get('env', true) as Node | undefined
  const path = [...level.path, 'env', name]
  if (env === undefined) {
    // A job's env goes above its steps, where people put it (and away from the end of the file).
    const lines = ['env:', `  ${name}: ${value}`]
    const steps = level.level === 'job' ? level.owner.items.find((pair) => isScalar(pair.key) && pair.key.value === 'steps') : undefined
    const edit = steps && blockKeyColumn(text, level.owner) !== null ? insertAboveKey(text, steps.key as Scalar, lines) : appendToBlockMap(text, level.owner, lines)
    return edit ? { edit, expect: { path: [...level.path, 'env'], value: { [name]: jsValue } } } : null
  }
  if (!isMap(env)) return null
  const existing = env.items.find((pair) => isScalar(pair.key) && pair.key.value === name)
  if (existing) {
    if (!isScalar(existing.value)) return null
    const edit = replaceScalarValue(text, existing.value, value)
    // A quoted scalar keeps its quotes, so it stays a string.
    const parsed = existing.value.type === 'PLAIN' ? jsValue : value
    return edit ? { edit, expect: { path, value: parsed } } : null
  }
  const edit = appendToBlockMap(text, env, [`${name}: ${value}`])
  return edit ? { edit, expect: { path, value: jsValue } } : null
}

/** The env levels a step sees, nearest first (the step's own only when a step is given). */
export function envLevels(workflow: Workflow, job: { map: YAMLMap; path: YamlPath }, step: { map: YAMLMap; path: YamlPath } | null): EnvLevel[] {
  const root = workflow.doc.contents as YAMLMap
  return [
    ...(step ? [{ level: 'step' as const, owner: step.map, path: step.path }] : []),
    { level: 'job', owner: job.map, path: job.path },
    { level: 'workflow', owner: root, path: [] }
  ]
}
