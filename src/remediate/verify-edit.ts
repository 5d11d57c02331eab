import { isDeepStrictEqual } from 'node:util'
import { parseWorkflow } from './workflow-doc.js'
import type { Workflow, YamlPath } from './workflow-doc.js'

/**
 * Checks an edited workflow: it still parses, keeps the same jobs, and differs from the original
 * in exactly the expected values (an inserted step is expected as the job's whole new `steps`).
 * Returns the problem, or null when it holds.
 */
export function verifyEdit(before: Workflow, afterText: string, expect: { path: YamlPath; value: unknown }[]): string | null {
  const after = parseWorkflow(afterText)
  if ('error' in after) return `After the edit the workflow no longer parses: ${after.error}`
  const jobsBefore = before.jobs.map((job) => job.key)
  const jobsAfter = after.jobs.map((job) => job.key)
  if (!isDeepStrictEqual(jobsBefore, jobsAfter)) return 'After the edit the workflow has different jobs.'

  let expected: unknown
  let actual: unknown
  try {
    expected = before.doc.toJS()
    actual = after.doc.toJS()
  } catch {
    return 'The workflow could not be read as data (too many aliases).'
  }
  for (const { path, value } of expect) setIn(expected, path, value)
  if (!isDeepStrictEqual(expected, actual)) return 'The edit would change more of the workflow than the fix intends.'
  return null
}

function setIn(target: unknown, path: YamlPath, value: unknown): void {
  let node = target as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path[path.length - 1]!] = value
}
