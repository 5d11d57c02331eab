import { catalogEntryFor, changesCrossed } from '../action-catalog.js'
import { parseActionRef } from '../action-ref.js'
import type { DistributiveOmit } from '../edit-plan.js'
import { isMap } from '../gate/data.js'
import type { Json } from '../gate/data.js'
import type { RiskInput } from '../risk.js'
import { hostedRunnerFor } from '../runner.js'
import { isFreeDiskStep } from '../templates/free-disk.js'
import { isRetryWrap } from '../templates/retry.js'
import { DEFAULT_JOB_TIMEOUT_MINUTES } from '../fixes/raise-timeout.js'
import { parsePythonVersion } from '../toolchain-table.js'
import type { FixKind } from '../types.js'

/** One difference between two workflows as data: a changed value, or a step inserted into a job. */
export type Change =
  | { type: 'value'; path: (string | number)[]; before: Json | undefined; after: Json | undefined }
  | { type: 'inserted-step'; path: (string | number)[]; step: Json }

/**
 * The differences between two workflows, value by value. Step lists that grew by whole steps (all
 * old steps still there, in order) show as inserted steps; other list changes show as one value.
 */
export function structuralChanges(before: Json | undefined, after: Json | undefined, path: (string | number)[] = []): Change[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return []
  if (isMap(before ?? null) && isMap(after ?? null)) {
    const a = before as Record<string, Json>
    const b = after as Record<string, Json>
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) => structuralChanges(a[key], b[key], [...path, key]))
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length === after.length) return before.flatMap((item, i) => structuralChanges(item, after[i], [...path, i]))
    if (path[path.length - 1] === 'steps' && after.length > before.length) {
      const inserted = insertedIndexes(before, after)
      if (inserted) return inserted.map((i) => ({ type: 'inserted-step' as const, path: [...path, i], step: after[i]! }))
    }
  }
  return [{ type: 'value', path, before, after }]
}

function insertedIndexes(before: Json[], after: Json[]): number[] | null {
  const inserted: number[] = []
  let i = 0
  for (let j = 0; j < after.length; j++) {
    if (i < before.length && JSON.stringify(before[i]) === JSON.stringify(after[j])) i++
    else inserted.push(j)
  }
  return i === before.length ? inserted : null
}

const last = (change: Change): string | number | undefined => change.path[change.path.length - 1]
const valueChanges = (changes: Change[]): Extract<Change, { type: 'value' }>[] | null =>
  changes.every((c) => c.type === 'value') ? (changes as Extract<Change, { type: 'value' }>[]) : null

/**
 * The catalog fix kind a change has the exact shape of, with its risk facts, so a proposed diff
 * that makes a catalog change is scored as the catalog scores it; anything else is a
 * `proposed-diff`, scored higher. The memory of the runner is not known here, so a heap raise is
 * scored against the smallest standard runner (7 GB).
 */
export function recognize(changes: Change[], nodeFlagsBefore: ReadonlySet<string>): { kind: FixKind; risk: DistributiveOmit<RiskInput, 'changedLines'> } {
  const values = valueChanges(changes)
  if (values && values.length > 0) {
    if (values.every((c) => last(c) === 'timeout-minutes' && typeof c.after === 'number' && (c.before === undefined || (typeof c.before === 'number' && c.after > c.before)))) {
      const added = Math.max(...values.map((c) => (c.after as number) - (typeof c.before === 'number' ? c.before : DEFAULT_JOB_TIMEOUT_MINUTES)))
      return { kind: 'raise-timeout', risk: { kind: 'raise-timeout', addedMinutes: added } }
    }
    const upgrade = upgradeChanges(values)
    if (upgrade !== null) return { kind: 'upgrade-action', risk: { kind: 'upgrade-action', behaviourChanges: upgrade } }
    const heap = heapSize(values, nodeFlagsBefore)
    if (heap !== null) return { kind: 'node-heap', risk: { kind: 'node-heap', heapMiB: heap, runnerMemoryMiB: 7 * 1024 } }
    if (values.every((c) => envAdded(c, ['npm_config_fetch_retries', 'PIP_RETRIES']))) return { kind: 'add-retry', risk: { kind: 'add-retry', mechanism: 'env' } }
    if (values.every((c) => last(c) === 'run' && typeof c.before === 'string' && typeof c.after === 'string' && isRetryWrap(c.before, c.after))) {
      return { kind: 'add-retry', risk: { kind: 'add-retry', mechanism: 'wrap' } }
    }
    if (values.every((c) => typeof c.after === 'string' && hostedRunnerFor(c.after) !== null && (last(c) === 'runs-on' || c.path.includes('matrix')))) {
      return { kind: 'move-toolchain-version', risk: { kind: 'move-toolchain-version', move: 'pin-image' } }
    }
    if (values.length === 1 && last(values[0]!) === 'python-version' && patchMove(values[0]!.before, values[0]!.after)) {
      return { kind: 'move-toolchain-version', risk: { kind: 'move-toolchain-version', move: 'patch-version' } }
    }
  }
  if (changes.length === 1 && changes[0]!.type === 'inserted-step' && isFreeDiskStep(changes[0]!.step)) {
    const run = String((changes[0]!.step as Record<string, Json>)['run'])
    return { kind: 'free-disk', risk: { kind: 'free-disk', removedToolchains: run.split('\n').filter((line) => line.startsWith('sudo rm')).length } }
  }
  return { kind: 'proposed-diff', risk: genericRisk(changes) }
}

function upgradeChanges(values: Extract<Change, { type: 'value' }>[]): number | null {
  const notes = new Set<string>()
  for (const change of values) {
    if (last(change) !== 'uses' || typeof change.before !== 'string' || typeof change.after !== 'string') return null
    const from = parseActionRef(change.before)
    const to = parseActionRef(change.after)
    if (from.kind !== 'remote' || to.kind !== 'remote' || from.action !== to.action || from.major === null) return null
    const entry = catalogEntryFor(from.action)
    if (!entry || to.refKind !== 'version' || to.major !== entry.target || from.major >= entry.target) return null
    for (const note of changesCrossed(entry, from.major)) notes.add(note)
  }
  return notes.size
}

const HEAP = /^--max-old-space-size=(\d{1,6})$/

/** The heap size when every change only adds a heap flag to NODE_OPTIONS (other flags already set somewhere). */
function heapSize(values: Extract<Change, { type: 'value' }>[], known: ReadonlySet<string>): number | null {
  let size: number | null = null
  for (const change of values) {
    const entries = envEntries(change, 'NODE_OPTIONS')
    if (!entries) return null
    const [before, after] = entries
    const added = after.split(/\s+/).filter((flag) => flag !== '' && !before.split(/\s+/).includes(flag) && !known.has(flag))
    const sizes = added.map((flag) => HEAP.exec(flag)?.[1])
    if (sizes.length !== 1 || sizes[0] === undefined) return null
    size = Math.max(size ?? 0, Number(sizes[0]))
  }
  return size
}

/** The old and new value of one env variable when the change sets nothing else (old is '' when new). */
function envEntries(change: Extract<Change, { type: 'value' }>, name: string): [string, string] | null {
  if (last(change) === name && change.path[change.path.length - 2] === 'env' && typeof change.after === 'string') {
    return [typeof change.before === 'string' ? change.before : '', change.after]
  }
  if (last(change) === 'env' && change.before === undefined && isMap(change.after ?? null)) {
    const added = change.after as Record<string, Json>
    const keys = Object.keys(added)
    return keys.length === 1 && keys[0] === name && typeof added[name] === 'string' ? ['', added[name] as string] : null
  }
  return null
}

function envAdded(change: Extract<Change, { type: 'value' }>, names: string[]): boolean {
  if (names.includes(String(last(change))) && change.path[change.path.length - 2] === 'env') return typeof change.after === 'number' || typeof change.after === 'string'
  if (last(change) === 'env' && change.before === undefined && isMap(change.after ?? null)) {
    const keys = Object.keys(change.after as Record<string, Json>)
    return keys.length === 1 && names.includes(keys[0]!)
  }
  return false
}

function patchMove(before: Json | undefined, after: Json | undefined): boolean {
  const from = typeof before === 'string' || typeof before === 'number' ? parsePythonVersion(String(before)) : null
  const to = typeof after === 'string' ? parsePythonVersion(after) : null
  return from !== null && to !== null && from.patch !== null && to.patch === null && from.major === to.major && from.minor === to.minor
}

function genericRisk(changes: Change[]): DistributiveOmit<RiskInput, 'changedLines'> {
  const newSteps = changes.filter((c) => c.type === 'inserted-step').length
  const uses = (value: Json | undefined): string[] =>
    isMap(value ?? null) ? Object.entries(value as Record<string, Json>).flatMap(([k, v]) => (k === 'uses' && typeof v === 'string' ? [v] : uses(v))) : typeof value === 'string' ? [] : Array.isArray(value) ? value.flatMap(uses) : []
  const newActions = changes.reduce((sum, c) => {
    if (c.type === 'inserted-step') return sum + uses(c.step).length
    if (last(c) === 'uses' && typeof c.after === 'string') return sum + 1
    return sum + uses(c.after).filter((u) => !uses(c.before).includes(u)).length
  }, 0)
  const runnerChanged = changes.some((c) => c.type === 'value' && (c.path.includes('runs-on') || c.path.includes('container')))
  return { kind: 'proposed-diff', newSteps, newActions, runnerChanged }
}
