import { isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import type { Document, Node, Scalar, YAMLMap } from 'yaml'

/** Workflow files are small; anything larger is not a workflow ci-monitor should rewrite. */
const MAX_WORKFLOW_BYTES = 512 * 1024

export type YamlPath = (string | number)[]

export interface WorkflowStep {
  index: number
  map: YAMLMap
  path: YamlPath
}

export interface WorkflowJob {
  key: string
  map: YAMLMap
  path: YamlPath
  /** The job's `name:` when it is a string (it may contain `${{ }}` expressions). */
  name: string | null
  /** Set when the job calls a reusable workflow (`jobs.<id>.uses`). */
  uses: string | null
  steps: WorkflowStep[]
}

export interface Workflow {
  doc: Document.Parsed
  text: string
  jobs: WorkflowJob[]
}

export function parseWorkflow(text: string): Workflow | { error: string } {
  if (text.length > MAX_WORKFLOW_BYTES) return { error: 'The workflow file is larger than 512 KiB.' }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) return { error: `The workflow file is not valid YAML (${doc.errors[0]!.code}).` }
  const root = doc.contents
  if (!isMap(root)) return { error: 'The workflow file is not a YAML mapping.' }
  const jobsNode = resolveNode(doc, root.get('jobs', true))
  if (!isMap(jobsNode)) return { error: 'The workflow file has no jobs mapping.' }

  const jobs: WorkflowJob[] = []
  for (const pair of jobsNode.items) {
    const key = isScalar(pair.key) ? pair.key.value : null
    const map = resolveNode(doc, pair.value as Node | null)
    if (typeof key !== 'string' || !isMap(map)) return { error: 'A job in the workflow is not a mapping with a plain key.' }
    const path: YamlPath = ['jobs', key]
    const stepsNode = resolveNode(doc, map.get('steps', true))
    const steps: WorkflowStep[] = []
    if (isSeq(stepsNode)) {
      stepsNode.items.forEach((item, index) => {
        const stepMap = resolveNode(doc, item as Node | null)
        if (isMap(stepMap)) steps.push({ index, map: stepMap, path: [...path, 'steps', index] })
      })
    }
    jobs.push({ key, map, path, name: stringValue(doc, map, 'name'), uses: stringValue(doc, map, 'uses'), steps })
  }
  return { doc, text, jobs }
}

/** Follows an alias (`*anchor`) to the node it names; edits then land on the anchored source. */
function resolveNode(doc: Document, node: Node | null | undefined): Node | null {
  if (node === null || node === undefined) return null
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null
  return node
}

export function scalarAt(doc: Document, map: YAMLMap, key: string): Scalar | null {
  const node = resolveNode(doc, map.get(key, true) as Node | undefined)
  return isScalar(node) ? node : null
}

function stringValue(doc: Document, map: YAMLMap, key: string): string | null {
  const value = scalarAt(doc, map, key)?.value
  return typeof value === 'string' ? value : null
}

/**
 * The name GitHub shows for a step: its `name:`, else "Run <action>" or "Run <first script line>".
 */
export function stepDisplayName(doc: Document, step: WorkflowStep): string | null {
  const name = stringValue(doc, step.map, 'name')
  if (name !== null) return name
  const uses = stringValue(doc, step.map, 'uses')
  if (uses !== null) return `Run ${uses}`
  const run = stringValue(doc, step.map, 'run')
  const firstLine = run?.split('\n').find((line) => line.trim() !== '')
  return firstLine === undefined ? null : `Run ${firstLine.trim()}`
}
