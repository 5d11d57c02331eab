import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { checkFixSafety, planFix } from '../../src/remediate/index.js'
import { crlf, diffLines, plan, planned, python, refused } from './helpers.ts'

describe('move-toolchain-version for Python', () => {
  it('pins ubuntu-latest to ubuntu-22.04 for Python 3.7, keeping the comment, and says when that expires', () => {
    const fix = planned(plan('python-legacy.yml', python('3.7', 'ubuntu-24.04', 'Set up Python'), 'py37'))
    expect(diffLines(fix.patch)).toEqual(['-    runs-on: ubuntu-latest   # moved to 24.04 in January 2025', '+    runs-on: ubuntu-22.04   # moved to 24.04 in January 2025'])
    expect(fix.title).toBe('Run job py37 on ubuntu-22.04, which still provides Python 3.7')
    expect(fix.description).toContain('stopgap with an expiry')
    expect(fix.description).toContain('Ubuntu 26.04 image becomes generally available')
    expect(fix.risk).toBe(4)
  })

  it('moves an exact patch the image lacks to its minor, quoted so 3.10 stays a string', () => {
    const fix = planned(plan('python-legacy.yml', python('3.9.6'), 'pinned-patch'))
    expect(diffLines(fix.patch)).toEqual(['-          python-version: "3.9.6"', '+          python-version: "3.9"'])
    expect(fix.risk).toBe(3)
    const plain = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/setup-python@v6\n        with:\n          python-version: 3.10.2\n'
    const moved = planned(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: plain, intent: python('3.10.2'), jobName: 'a' }))
    expect(diffLines(moved.patch)).toEqual(['-          python-version: 3.10.2', "+          python-version: '3.10'"])
  })

  it('edits the matrix value of the failing OS for a matrix job, with CRLF', () => {
    const fix = planned(planFix({ workflowPath: '.github/workflows/python-legacy.yml', workflowText: crlf('python-legacy.yml'), intent: python('3.7', 'ubuntu-24.04'), jobName: 'test py3.7 on ubuntu-latest' }))
    expect(diffLines(fix.patch)).toEqual(['-        os: [ubuntu-latest, windows-latest]\r', '+        os: [ubuntu-22.04, windows-latest]\r'])
    expect(fix.description).toContain('every combination of the matrix')
  })

  it('refuses what the table cannot answer', () => {
    const ancient = refused(plan('python-legacy.yml', python('2.7'), 'ancient'))
    expect(ancient.code).toBe('not-in-catalog')
    expect(ancient.refused).toContain('code decision')
    expect(refused(plan('python-legacy.yml', python('3.7'), 'from-file')).code).toBe('not-editable')
    // 3.12 exists on ubuntu-24.04: the failure is something else.
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v6\n        with:\n          python-version: "3.12"\n'
    expect(refused(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: python('3.12'), jobName: 'a' })).code).toBe('not-in-catalog')
    // The log and the workflow disagree on the version.
    expect(refused(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: python('3.7'), jobName: 'a' })).code).toBe('ambiguous')
    expect(refused(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text.replace('ubuntu-latest', '[self-hosted]'), intent: python('3.12'), jobName: 'a' })).code).toBe('unsupported-runner')
    expect(refused(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: { kind: 'move-toolchain-version', tool: 'node', version: '12', image: null, description: 'test intent' }, jobName: 'a' })).code).toBe('not-in-catalog')
  })

  it('passes the gate, which accepts hosted labels only', () => {
    const fix = planned(plan('python-legacy.yml', python('3.7', 'ubuntu-24.04', 'Set up Python'), 'py37'))
    expect(checkFixSafety(fix.before, fix.after)).toEqual([])
    expect(checkFixSafety(fix.before, fix.after.replace('ubuntu-22.04   #', 'my-runner   #')).map((v) => v.rule)).toEqual(['changes-runner'])
  })
})

// The two setup-python logs of the corpus, read in place: the patterns the rules should use
// (see the report) extract what this fix needs, and the fix does the right thing with it.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const casesDir = path.join(process.env.CI_MONITOR_CORPUS ?? path.resolve(repoRoot, '../shared/corpus'), 'cases')
const available = existsSync(casesDir)
const suite = available ? describe : describe.skip
const VERSION_NOT_FOUND = [
  /The version '(?<version>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?)' with architecture '\w{1,10}' was not found for Ubuntu (?<image>\d{2}\.\d{2})\b/,
  /The version '(?<version>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?)' with architecture '\w{1,10}' was not found for/,
  /Version (?<version>\d{1,2}\.\d{1,3}(?:\.\d{1,3})?) with arch \w{1,10} not found/
]

suite(available ? 'move-toolchain-version on the corpus setup-python logs' : `corpus setup-python logs: skipped, no corpus at ${casesDir} (set CI_MONITOR_CORPUS)`, () => {
  it('plans a fix for every toolchain_setup log that names a missing Python version', () => {
    const found: string[] = []
    for (const id of readdirSync(casesDir)) {
      const labelFile = path.join(casesDir, id, 'label.json')
      if (!existsSync(labelFile) || (JSON.parse(readFileSync(labelFile, 'utf8')) as { category: string }).category !== 'toolchain_setup') continue
      const log = readFileSync(path.join(casesDir, id, 'log.txt'), 'utf8')
      const match = VERSION_NOT_FOUND.map((pattern) => pattern.exec(log)).find((m) => m !== null)
      if (!match) continue
      const version = match.groups!['version']!
      const image = match.groups!['image'] ? `ubuntu-${match.groups!['image']}` : null
      const workflow = `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: ${version}\n`
      const fix = planned(planFix({ workflowPath: '.github/workflows/test.yml', workflowText: workflow, intent: python(version, image), jobName: 'test' }))
      found.push(`${version}: ${diffLines(fix.patch).join(' | ')}`)
    }
    expect(found.sort()).toEqual([
      "3.7: -    runs-on: ubuntu-latest | +    runs-on: ubuntu-22.04",
      "3.9.6: -          python-version: 3.9.6 | +          python-version: '3.9'"
    ])
  })
})
