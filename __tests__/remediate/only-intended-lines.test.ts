import { describe, expect, it } from '@jest/globals'
import { applyPatch } from 'diff'
import { ACTION_CATALOG, checkFixSafety, judgeProposedDiff, planFix } from '../../src/remediate/index.js'
import type { FixRefusal, PlannedFix } from '../../src/remediate/index.js'
import type { FixIntent } from '../../src/classify/types.js'
import { disk, fixture, heap, permission, timeout, upgrade } from './helpers.ts'

/** Small deterministic PRNG so a failing case can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Generated {
  text: string
  jobNames: string[]
}

/** A random but valid workflow: varied indentation, quoting, comments, anchors-free YAML. */
function generateWorkflow(seed: number): Generated {
  const random = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const chance = (p: number): boolean => random() < p
  const unit = pick([2, 4])
  const pad = (level: number): string => ' '.repeat(unit * level)
  const indentSteps = chance(0.5)
  const lines: string[] = ['# generated workflow', `name: gen-${seed}`, 'on: [push, pull_request]', '', 'jobs:']
  const jobNames: string[] = []
  const jobCount = 1 + Math.floor(random() * 4)
  for (let j = 0; j < jobCount; j++) {
    const key = `job_${j}`
    lines.push(`${pad(1)}${key}:`)
    if (chance(0.4)) {
      lines.push(`${pad(2)}name: Job ${j} \${{ matrix.v }}`)
      jobNames.push(`Job ${j} ${pick(['a', 'b', '12'])}`)
    } else {
      jobNames.push(chance(0.5) ? key : `${key} (${pick(['ubuntu-latest', '18'])})`)
    }
    if (chance(0.3)) lines.push(`${pad(2)}# comment about ${key}`)
    lines.push(`${pad(2)}runs-on: ubuntu-latest${chance(0.3) ? '   # runner' : ''}`)
    if (chance(0.6)) lines.push(`${pad(2)}timeout-minutes: ${1 + Math.floor(random() * 400)}`)
    lines.push(`${pad(2)}steps:`)
    const stepPad = indentSteps ? pad(3) : pad(2)
    const stepCount = 1 + Math.floor(random() * 5)
    for (let s = 0; s < stepCount; s++) {
      if (chance(0.2)) lines.push('')
      if (chance(0.7)) {
        const entry = pick(ACTION_CATALOG)
        const action = chance(0.2) && entry.repo === 'actions/cache' ? 'actions/cache/restore' : entry.repo
        const ref = pick(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v3.1.2', 'v4.0', 'main', '8e5e7e5ab8b370d6c329ec480221332ada57f0ab'])
        const quote = pick(['', "'", '"'])
        const comment = chance(0.3) ? '  # pinned' : ''
        const first = chance(0.4) ? `name: Step ${s}` : `uses: ${quote}${action}@${ref}${quote}${comment}`
        lines.push(`${stepPad}- ${first}`)
        if (first.startsWith('name:')) lines.push(`${stepPad}  uses: ${quote}${action}@${ref}${quote}${comment}`)
      } else {
        lines.push(`${stepPad}- run: make target-${s}`)
      }
      if (chance(0.2)) lines.push(`${stepPad}  timeout-minutes: ${1 + Math.floor(random() * 60)}`)
      if (chance(0.3)) lines.push(`${stepPad}  with: { key: value-${s} }`)
    }
    if (chance(0.3)) lines.push('')
  }
  const eol = chance(0.3) ? '\r\n' : '\n'
  return { text: lines.join(eol) + (chance(0.8) ? eol : ''), jobNames }
}

/** Checks the promises of a planned fix; returns a description of the first broken one. */
function brokenPromise(fix: PlannedFix, maxTimeoutMinutes?: number): string | null {
  const before = fix.before.split(/\r?\n/)
  const after = fix.after.split(/\r?\n/)
  if (applyPatch(fix.before, fix.patch) !== fix.after) return 'patch does not reproduce after'
  if (checkFixSafety(fix.before, fix.after, { maxTimeoutMinutes }).length > 0) return 'the safety gate rejects a catalog fix'

  if (after.length === before.length + 1) {
    // The only insertion a recipe makes: one timeout-minutes line.
    const added = fix.changedLines.after
    if (fix.changedLines.before.length !== 0 || added.length !== 1) return 'insertion changed other lines'
    const line = after[added[0]! - 1]!
    if (!/^ +timeout-minutes: \d+$/.test(line)) return `unexpected inserted line ${line}`
    const rest = [...after.slice(0, added[0]! - 1), ...after.slice(added[0]!)]
    return rest.join('\n') === before.join('\n') ? null : 'insertion changed other lines'
  }
  if (after.length !== before.length) return 'line count changed'
  const differing = before.flatMap((line, i) => (line === after[i] ? [] : [i + 1]))
  if (differing.join() !== fix.changedLines.before.join() || differing.join() !== fix.changedLines.after.join()) {
    return 'changedLines does not list the differing lines'
  }
  for (const n of differing) {
    const [a, b] = [before[n - 1]!, after[n - 1]!]
    if (!/\b(uses|timeout-minutes):/.test(a)) return `line ${n} is neither a uses: nor a timeout-minutes: line`
    let p = 0
    while (p < a.length && a[p] === b[p]) p++
    let s = 0
    while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++
    const removed = a.slice(p, a.length - s)
    const inserted = b.slice(p, b.length - s)
    if (!/^[\d.]+$/.test(removed) || !/^\d+$/.test(inserted)) return `line ${n} changed beyond its version or number: ${a} -> ${b}`
  }
  return null
}

describe('a fix changes only the lines it is about', () => {
  it('holds on 150 generated workflows for every catalog action and every job', () => {
    let fixes = 0
    let refusals = 0
    const failures: string[] = []
    for (let seed = 1; seed <= 150; seed++) {
      const { text, jobNames } = generateWorkflow(seed)
      const intents: [FixIntent, string, number | undefined][] = [
        ...ACTION_CATALOG.map((entry): [FixIntent, string, undefined] => [upgrade(entry.repo), jobNames[0]!, undefined]),
        ...jobNames.flatMap((name): [FixIntent, string, number | undefined][] => [
          [timeout(), name, undefined],
          [timeout(), name, 720],
          [timeout('Step 1'), name, undefined]
        ])
      ]
      for (const [intent, jobName, maxTimeoutMinutes] of intents) {
        const result: PlannedFix | FixRefusal = planFix({ workflowPath: '.github/workflows/gen.yml', workflowText: text, intent, jobName, maxTimeoutMinutes })
        if ('refused' in result) {
          refusals++
          if (result.code === 'shape-changed' || result.code === 'unparseable') failures.push(`seed ${seed}: ${result.refused}`)
          continue
        }
        fixes++
        const broken = brokenPromise(result, maxTimeoutMinutes)
        if (broken) failures.push(`seed ${seed} ${intent.kind} ${jobName}: ${broken}`)
      }
    }
    expect(failures).toEqual([])
    // Enough of both outcomes that the property was really exercised.
    expect(fixes).toBeGreaterThan(800)
    expect(refusals).toBeGreaterThan(800)
  })

  it('holds on the hand-written fixtures', () => {
    const cases: [string, FixIntent, string][] = [
      ...['node-ci.yml', 'java-release.yml', 'python-package.yml', 'go-reusable.yml'].flatMap((name) =>
        ACTION_CATALOG.map((entry): [string, FixIntent, string] => [name, upgrade(entry.repo), ''])
      ),
      ['node-ci.yml', timeout(), 'lint'],
      ['node-ci.yml', timeout(), 'test (node 18)'],
      ['python-package.yml', timeout('Run integration tests'), 'Build ubuntu-latest / py3.12']
    ]
    let checked = 0
    for (const [name, intent, jobName] of cases) {
      const result = planFix({ workflowPath: `.github/workflows/${name}`, workflowText: fixture(name), intent, jobName })
      if ('refused' in result) continue
      checked++
      expect([name, brokenPromise(result)]).toEqual([name, null])
    }
    expect(checked).toBeGreaterThanOrEqual(12)
  })
})

describe('inserting fixes add lines and change nothing else', () => {
  it('holds for node-heap, free-disk and add-permission on the generated workflows, and the judge agrees', () => {
    const failures: string[] = []
    let fixes = 0
    for (let seed = 1; seed <= 150; seed++) {
      const { text, jobNames } = generateWorkflow(seed)
      for (const jobName of jobNames) {
        for (const intent of [heap(null), disk(), permission(null, 'pull_requests=write')]) {
          const result = planFix({ workflowPath: '.github/workflows/gen.yml', workflowText: text, intent, jobName })
          if ('refused' in result) {
            if (result.code === 'shape-changed' || result.code === 'unparseable') failures.push(`seed ${seed} ${intent.kind}: ${result.refused}`)
            continue
          }
          fixes++
          const where = `seed ${seed} ${intent.kind} ${jobName}`
          if (applyPatch(result.before, result.patch) !== result.after) failures.push(`${where}: patch does not reproduce after`)
          if (result.changedLines.before.length !== 0) failures.push(`${where}: removed lines`)
          const added = new Set(result.changedLines.after)
          const kept = result.after.split('\n').filter((_line, i) => !added.has(i + 1))
          if (kept.join('\n') !== result.before) failures.push(`${where}: changed more than the inserted lines`)
          if (checkFixSafety(result.before, result.after, { permissionGrant: result.permissionGrant }).length > 0) failures.push(`${where}: the gate rejects it`)
          if (intent.kind === 'add-permission') continue
          const judged = judgeProposedDiff({ diff: result.patch, files: { [result.path]: text }, allowedPaths: ['.github/workflows/*'] })
          if ('refused' in judged || judged.after !== result.after || judged.kind !== result.kind) failures.push(`${where}: the judge disagrees`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(fixes).toBeGreaterThan(300)
  })
})
