import { parseDocument } from 'yaml'

/** A workflow read as plain data, and the views of it the gate's rules compare. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonMap = { [key: string]: Json }

export function readWorkflow(text: string): JsonMap | null {
  try {
    const doc = parseDocument(text, { prettyErrors: false })
    if (doc.errors.length > 0) return null
    const value = doc.toJS() as Json
    return isMap(value) ? value : null
  } catch {
    return null
  }
}

export function isMap(value: Json | undefined): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function jobsOf(workflow: JsonMap): Record<string, JsonMap> {
  const jobs = workflow['jobs']
  const out: Record<string, JsonMap> = {}
  if (isMap(jobs)) for (const [key, job] of Object.entries(jobs)) out[key] = isMap(job) ? job : {}
  return out
}

export function stepsOf(job: JsonMap): JsonMap[] {
  const steps = job['steps']
  return Array.isArray(steps) ? steps.map((step) => (isMap(step) ? step : {})) : []
}

/** Job and step mappings per job, so step insertions do not count as changes to other steps. */
function unitsByJob(workflow: JsonMap): Map<string, JsonMap[]> {
  const units = new Map<string, JsonMap[]>()
  for (const [key, job] of Object.entries(jobsOf(workflow))) units.set(key, [job, ...stepsOf(job)])
  return units
}

const SEP = '\u0000'

/** Values of `key` in the job and step mappings, per job, as a multiset (`job\0json` → count). */
export function valuesPerJob(workflow: JsonMap, key: string, keep: (value: Json) => boolean = () => true): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [job, units] of unitsByJob(workflow)) {
    for (const unit of units) {
      if (!(key in unit) || !keep(unit[key]!)) continue
      const id = `${job}${SEP}${JSON.stringify(unit[key])}`
      counts.set(id, (counts.get(id) ?? 0) + 1)
    }
  }
  return counts
}

export function multisetChanges(old: Map<string, number>, now: Map<string, number>): { added: string[]; removed: string[] } {
  const added: string[] = []
  const removed: string[] = []
  for (const [id, count] of now) for (let i = old.get(id) ?? 0; i < count; i++) added.push(id)
  for (const [id, count] of old) for (let i = now.get(id) ?? 0; i < count; i++) removed.push(id)
  return { added, removed }
}

/** Splits a multiset id back into its job and value. */
export function splitId(id: string): { job: string; value: Json } {
  const at = id.indexOf(SEP)
  return { job: id.slice(0, at), value: JSON.parse(id.slice(at + 1)) as Json }
}

export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

/** Every `env`, `with` and `secrets` mapping of the workflow, tagged by where it is (steps per job). */
export function keyedMaps(workflow: JsonMap): { scope: string; kind: 'env' | 'with' | 'secrets'; value: Json }[] {
  const out: { scope: string; kind: 'env' | 'with' | 'secrets'; value: Json }[] = []
  if ('env' in workflow) out.push({ scope: 'workflow', kind: 'env', value: workflow['env']! })
  for (const [key, job] of Object.entries(jobsOf(workflow))) {
    for (const kind of ['env', 'with', 'secrets'] as const) if (kind in job) out.push({ scope: `job ${key}`, kind, value: job[kind]! })
    for (const step of stepsOf(job)) {
      for (const kind of ['env', 'with'] as const) if (kind in step) out.push({ scope: `steps of ${key}`, kind, value: step[kind]! })
    }
  }
  return out
}
