import type { FixIntent } from '../../classify/types.js'
import { ACTION_CATALOG, catalogEntryFor, changesCrossed } from '../action-catalog.js'
import type { CatalogEntry } from '../action-catalog.js'
import { parseActionRef } from '../action-ref.js'
import type { EditPlan } from '../edit-plan.js'
import { codeSpan } from '../../notify/escape.js'
import { replaceScalarValue } from '../source-edit.js'
import type { TextEdit } from '../source-edit.js'
import type { FixRefusal } from '../types.js'
import { scalarAt } from '../workflow-doc.js'
import type { Workflow, YamlPath } from '../workflow-doc.js'
import type { Scalar } from 'yaml'

type UpgradeIntent = Extract<FixIntent, { kind: 'upgrade-action' }>

/** One `uses:` scalar of a catalogued action; shared by every step that reaches it via an alias. */
interface Occurrence {
  node: Scalar
  uses: string
  action: string
  ref: string
  major: number | null
  refKind: 'sha' | 'version' | 'other'
  entry: CatalogEntry
  jobs: Set<string>
  paths: YamlPath[]
}

/**
 * Moves step `uses:` references of a deprecated action (and of the actions that must move with it)
 * to the catalog's target major. The intent only names the action; which references change is
 * decided from the catalog and the workflow text.
 */
export function planUpgradeAction(workflow: Workflow, intent: UpgradeIntent, fileName: string): EditPlan | FixRefusal {
  const entry = catalogEntryFor(intent.action)
  if (!entry) {
    return {
      code: 'not-in-catalog',
      refused: `${codeSpan(intent.action.slice(0, 100))} is not in ci-monitor's catalog of deprecated actions, so no upgrade is proposed.`
    }
  }
  const family = ACTION_CATALOG.filter((candidate) => candidate.family === entry.family)
  const occurrences = findOccurrences(workflow, family)
  const outdated = occurrences.filter((o) => o.refKind === 'version' && o.major !== null && o.major < o.entry.target)

  const edits: TextEdit[] = []
  const moved: Occurrence[] = []
  const notEditable: Occurrence[] = []
  for (const occurrence of outdated) {
    const edit = replaceScalarValue(workflow.text, occurrence.node, `${occurrence.action}@v${occurrence.entry.target}`)
    if (edit) {
      edits.push(edit)
      moved.push(occurrence)
    } else {
      notEditable.push(occurrence)
    }
  }
  const leftAlone = leftAloneNotes(occurrences, notEditable)

  if (moved.length === 0) {
    return { code: 'nothing-to-change', refused: nothingToChange(workflow, entry, occurrences, leftAlone) }
  }

  const movedEntries = family.filter((e) => moved.some((o) => o.entry === e))
  const behaviour = new Set<string>()
  for (const occurrence of moved) {
    for (const note of changesCrossed(occurrence.entry, occurrence.major!)) behaviour.add(note)
  }

  const summary = movedEntries.map((e) => `${e.repo} to v${e.target}`).join(' and ')
  const description = [
    `Moves ${movedEntries.map((e) => describeMove(e, moved)).join(', and ')}.`,
    `v${entry.target} is the first major of ${codeSpan(entry.repo)} that runs on Node 24; the older majors are deprecated and stop working on GitHub-hosted runners.`,
    ...(movedEntries.length > 1 ? ['These actions move together because they must agree on the artifact format.'] : []),
    ...(behaviour.size > 0 ? [`Behaviour changes to check: ${[...behaviour].join(' ')}`] : []),
    'Self-hosted runners need runner version 2.327.1 or later for Node 24 actions.',
    ...leftAlone,
    `Sources: ${[...new Set(movedEntries.flatMap((e) => e.sources))].join('; ')}.`
  ].join('\n\n')

  const previous = [...new Set(moved.map((o) => codeSpan(o.uses)))].join(', ')
  return {
    edits,
    expect: moved.flatMap((o) => o.paths.map((path) => ({ path, value: `${o.action}@v${o.entry.target}` }))),
    title: `Upgrade ${summary} in ${fileName}`,
    description,
    rollback: `Revert the commit, or set the references back to ${previous}.`,
    risk: { kind: 'upgrade-action', behaviourChanges: behaviour.size }
  }
}

function findOccurrences(workflow: Workflow, family: CatalogEntry[]): Occurrence[] {
  const byNode = new Map<Scalar, Occurrence>()
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const node = scalarAt(workflow.doc, step.map, 'uses')
      if (!node || typeof node.value !== 'string') continue
      const parsed = parseActionRef(node.value)
      if (parsed.kind !== 'remote') continue
      const entry = family.find((e) => e.repo === parsed.repo)
      if (!entry) continue
      const occurrence = byNode.get(node) ?? {
        node,
        uses: node.value,
        action: parsed.action,
        ref: parsed.ref,
        major: parsed.major,
        refKind: parsed.refKind,
        entry,
        jobs: new Set<string>(),
        paths: []
      }
      occurrence.jobs.add(job.key)
      occurrence.paths.push([...step.path, 'uses'])
      byNode.set(node, occurrence)
    }
  }
  return [...byNode.values()]
}

function describeMove(entry: CatalogEntry, moved: Occurrence[]): string {
  const mine = moved.filter((o) => o.entry === entry)
  const refs = [...new Set(mine.map((o) => codeSpan(o.ref)))].join(', ')
  const jobs = [...new Set(mine.flatMap((o) => [...o.jobs]))].map(codeSpan).join(', ')
  const count = mine.reduce((sum, o) => sum + o.paths.length, 0)
  return `${codeSpan(entry.repo)} from ${refs} to ${codeSpan(`v${entry.target}`)} (${count} ${count === 1 ? 'step' : 'steps'}, in ${jobs})`
}

/** Sentences for references the fix does not touch, so the reviewer knows they were seen. */
function leftAloneNotes(occurrences: Occurrence[], notEditable: Occurrence[]): string[] {
  const notes: string[] = []
  const pinned = occurrences.filter((o) => o.refKind === 'sha')
  if (pinned.length > 0) {
    notes.push(
      `Left alone: ${list(pinned)} ${pinned.length === 1 ? 'is' : 'are'} pinned to a commit SHA. ci-monitor does not pick a new commit for a pin (that choice is the point of pinning), so move the pin to a release of the new major by hand.`
    )
  }
  const other = occurrences.filter((o) => o.refKind === 'other')
  if (other.length > 0) {
    notes.push(`Left alone: ${list(other)} ${other.length === 1 ? 'does' : 'do'} not name a version tag.`)
  }
  if (notEditable.length > 0) {
    notes.push(`Left alone: ${list(notEditable)} ${notEditable.length === 1 ? 'is' : 'are'} written in a YAML form ci-monitor does not rewrite (escapes or multi-line).`)
  }
  return notes
}

function nothingToChange(workflow: Workflow, entry: CatalogEntry, occurrences: Occurrence[], leftAlone: string[]): string {
  const name = codeSpan(entry.repo)
  if (occurrences.length === 0) {
    const elsewhere = [
      ...workflow.jobs.flatMap((job) => (job.uses ? [codeSpan(job.uses)] : [])),
      ...localActions(workflow)
    ]
    const hint = elsewhere.length > 0 ? ` It may come from ${elsewhere.slice(0, 5).join(', ')}, which ci-monitor does not edit.` : ''
    return `Nothing to change: no step of this workflow uses ${name}.${hint}`
  }
  const current = occurrences.filter((o) => o.refKind === 'version' && o.major !== null && o.major >= o.entry.target)
  const parts = [`Nothing to change: no reference to ${name} in this workflow is on a deprecated major that ci-monitor can move.`]
  if (current.length > 0) parts.push(`Already current: ${list(current)}.`)
  return [...parts, ...leftAlone].join(' ')
}

function localActions(workflow: Workflow): string[] {
  const found = new Set<string>()
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const uses = scalarAt(workflow.doc, step.map, 'uses')?.value
      if (typeof uses === 'string' && parseActionRef(uses).kind === 'local') found.add(codeSpan(uses))
    }
  }
  return [...found]
}

function list(occurrences: Occurrence[]): string {
  return [...new Set(occurrences.map((o) => codeSpan(o.uses)))].join(', ')
}
