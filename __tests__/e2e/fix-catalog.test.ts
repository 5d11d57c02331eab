// Every fix type of the catalog through the bundled action: a failing run whose log carries the real
// tool message a rule maps to that fix, a workflow the fix applies to, and the resulting pull request
// in the simulator's git repository — exactly the intended lines changed, comments and layout kept,
// nothing else touched — with its risk, its way back and its labels.
// upgrade-action and raise-timeout are covered the same way in fix-pull-request.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { GitHubSim } from '../sim/github/index.ts'
import { APP_TOKEN, REPO, corpusAvailable, corpusLog, git, runAction, runRecords, startSim, type ActionResult } from './harness.ts'

const at = (second: number): string => `2026-11-21T08:30:${String(second).padStart(2, '0')}.5000000Z`
const timestamped = (lines: string[]): string => lines.map((line, i) => `${at(i)} ${line}`).join('\n')

type Conclusion = 'success' | 'failure'
const steps = (failing: string, before: string[] = []): Array<{ name: string; conclusion: Conclusion }> => [
  { name: 'Set up job', conclusion: 'success' },
  ...before.map((name) => ({ name, conclusion: 'success' as const })),
  { name: failing, conclusion: 'failure' },
  { name: 'Complete job', conclusion: 'success' }
]

/** A second workflow in the repository: no fix may touch it. */
const RELEASE_WORKFLOW = `name: Release
on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - run: npm publish
`

// ---------------------------------------------------------------------------------------------
// Workflows (each with comments and blank lines that a fix must keep) and the logs that break them.

const WEB_BUILD = `# Builds the web bundle.
name: CI
on:
  push:
    branches: [main]

jobs:
  build:
    name: Build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - run: npm ci

      # webpack needs a lot of memory for the source maps
      - name: Bundle
        run: npm run build
`

const JAVA_BUILD = `# Java build.
name: CI
on: [push]
jobs:
  build:
    name: Build
    runs-on: ubuntu-latest # standard runner
    steps:
      - uses: actions/checkout@v5
      - run: mvn -B verify
`

const PYTHON_TESTS = `# Tests on the oldest Python we support.
name: CI
on: [push, pull_request]
jobs:
  test:
    name: Test
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-python@v5
        with:
          python-version: PYVERSION # pinned by the deployment target
      - run: pip install -r requirements.txt
      - run: pytest
`

const LABELER = `# Labels pull requests by the paths they change.
name: CI
on: [pull_request]
permissions:
  contents: read
jobs:
  label:
    name: Label
    runs-on: ubuntu-latest
    permissions:
      contents: read # checkout only
    steps:
      - uses: actions/labeler@v5
        with:
          sync-labels: true
`

const NPM_INSTALL = `# Install and test.
name: CI
on: [push]
jobs:
  build:
    name: Build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - name: Install
        run: npm ci # from the lock file
      - run: npm test
`

const MAVEN_OFFLINE = `# Dependencies first, so the build runs offline.
name: CI
on: [push]
jobs:
  build:
    name: Build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - name: Resolve dependencies
        run: |
          mvn -B dependency:go-offline
      - run: mvn -B -o verify
`

/** npm's own output when a registry connection is reset (npm-registry-fetch, npm 10). */
const NPM_ECONNRESET = timestamped([
  '##[group]Run npm ci # from the lock file',
  'npm ci # from the lock file',
  '##[endgroup]',
  'npm error code ECONNRESET',
  'npm error syscall read',
  'npm error errno ECONNRESET',
  'npm error network request to https://registry.npmjs.org/react/-/react-18.3.1.tgz failed, reason: read ECONNRESET',
  'npm error network This is a problem related to network connectivity.',
  'npm error network In most cases you are behind a proxy or have bad network settings.',
  'npm error A complete log of this run can be found in: /home/runner/.npm/_logs/2026-11-21T08_30_05_123Z-debug-0.log',
  '##[error]Process completed with exit code 1.'
])

/** setup-python's error for a minor the image has no build of (actions/setup-python#962, as printed). */
const PYTHON_37_ON_2404 = timestamped([
  '##[group]Run actions/setup-python@v5',
  'with:',
  '  python-version: 3.7',
  '##[endgroup]',
  'Installed versions',
  '  Version 3.7 was not found in the local cache',
  "##[error]The version '3.7' with architecture 'x64' was not found for Ubuntu 24.04.",
  '  The list of all available versions can be found here: https://raw.githubusercontent.com/actions/python-versions/main/versions-manifest.json'
])

interface CatalogCase {
  /** The fix kind the rules should choose. */
  fix: string
  title: string
  /** A corpus case whose log is the failure, or the failure's log itself. */
  log: { corpus: string } | { text: string }
  workflow: string
  job: string
  failingStep: string
  stepsBefore?: string[]
  category: string
  /** Earlier runs failing the same way: add-retry re-runs the first occurrences and fixes a repeat. */
  earlierFailures?: number
  /** Lines of `git diff --unified=0 main <fix branch>`, removed (-) then added (+), in order. */
  changed: Array<string | ReturnType<typeof expect.stringMatching>>
  risk: number
  /** The PR body's "To undo" paragraph. */
  rollback: string
}

const CASES: CatalogCase[] = [
  {
    fix: 'node-heap',
    title: 'a Node.js build out of heap (dept/easy-genomics#160)',
    log: { corpus: 'issue-dept-easy-genomics-160' },
    workflow: WEB_BUILD,
    job: 'Build',
    failingStep: 'Bundle',
    stepsBefore: ['Run actions/checkout@v5', 'Run npm ci'],
    category: 'runner_resource',
    // Step-level env, 4096 MiB: well under 75 % of a hosted runner's memory.
    changed: ['+        env:', '+          NODE_OPTIONS: --max-old-space-size=4096'],
    risk: 2,
    rollback: 'Revert the commit, or remove `NODE_OPTIONS` from the `env` of step `Bundle` of job `build`.'
  },
  {
    fix: 'free-disk',
    title: 'a build that ran out of disk (SpoonLabs/nopol, CiDiff)',
    log: { corpus: 'cidiff-nopol-1590' },
    workflow: JAVA_BUILD,
    job: 'Build',
    failingStep: 'Run mvn -B verify',
    stepsBefore: ['Run actions/checkout@v5'],
    category: 'runner_resource',
    // The catalog step, first in the job; nothing the job mentions (Java, Maven) is removed.
    changed: [
      '+      - name: Free disk space (ci-monitor)',
      '+        run: |',
      '+          sudo rm -rf /usr/local/lib/android',
      '+          sudo rm -rf /usr/share/dotnet',
      '+          sudo rm -rf /opt/ghc /usr/local/.ghcup',
      '+          sudo rm -rf /opt/hostedtoolcache/CodeQL',
      '+          docker image prune --all --force',
      '+          df -h /'
    ],
    risk: 5,
    rollback: 'Revert the commit, or delete the step `Free disk space (ci-monitor)` of job `build`.'
  },
  {
    fix: 'move-toolchain-version',
    title: 'a Python patch release the image does not have (actions/setup-python#552)',
    log: { corpus: 'issue-actions-setup-python-552' },
    workflow: PYTHON_TESTS.replace('PYVERSION', '3.9.6'),
    job: 'Test',
    failingStep: 'Run actions/setup-python@v5',
    stepsBefore: ['Run actions/checkout@v5'],
    category: 'toolchain_setup',
    // Same minor, newest patch; quoted so YAML does not read a number.
    changed: ['-          python-version: 3.9.6 # pinned by the deployment target', "+          python-version: '3.9' # pinned by the deployment target"],
    risk: 3,
    rollback: 'Revert the commit, or set the version back to `3.9.6`.'
  },
  {
    fix: 'move-toolchain-version',
    title: 'a Python minor the newest image dropped (setup-python message of actions/setup-python#962)',
    log: { text: PYTHON_37_ON_2404 },
    workflow: PYTHON_TESTS.replace('PYVERSION', "'3.7'"),
    job: 'Test',
    failingStep: 'Run actions/setup-python@v5',
    stepsBefore: ['Run actions/checkout@v5'],
    category: 'toolchain_setup',
    // No 3.7 on 24.04 at all: the job moves to the newest image that has it.
    changed: ['-    runs-on: ubuntu-latest', '+    runs-on: ubuntu-22.04'],
    risk: 4,
    rollback: 'Revert the commit, or set `runs-on` of job `test` back to `ubuntu-latest`.'
  },
  {
    fix: 'add-permission',
    title: 'a labeler whose token may not write (TimonVS/pr-labeler-action#38)',
    log: { corpus: 'issue-timonvs-pr-labeler-action-38' },
    workflow: LABELER,
    job: 'Label',
    failingStep: 'Run actions/labeler@v5',
    category: 'permissions_or_credentials',
    // actions/labeler needs pull-requests: write; the job's block gains that one scope.
    changed: ['+      pull-requests: write'],
    risk: 5,
    rollback: 'Revert the commit, or remove `pull-requests: write` from the `permissions` of job `label`.'
  },
  {
    fix: 'add-retry',
    title: 'an npm install whose registry connection was reset, for the third time',
    log: { text: NPM_ECONNRESET },
    workflow: NPM_INSTALL,
    job: 'Build',
    failingStep: 'Install',
    stepsBefore: ['Run actions/checkout@v5'],
    category: 'network',
    earlierFailures: 2,
    // npm's own retry setting, in the failing step's env: no command changes.
    changed: ['+        env:', '+          npm_config_fetch_retries: 5'],
    risk: 1,
    rollback: 'Revert the commit, or remove `npm_config_fetch_retries` from the `env` of step `Install` of job `build`.'
  },
  {
    fix: 'add-retry',
    title: 'a Maven download whose connection was reset, for the third time (INTO-CPS-Association/maestro#311)',
    log: { corpus: 'issue-into-cps-association-maestro-311' },
    workflow: MAVEN_OFFLINE,
    job: 'Build',
    failingStep: 'Resolve dependencies',
    stepsBefore: ['Run actions/checkout@v5'],
    category: 'network',
    earlierFailures: 2,
    // Maven has no retry variable: the one dependency line goes inside the catalog loop.
    changed: [
      '-          mvn -B dependency:go-offline',
      expect.stringMatching(/^\+ {10}ci_monitor_attempt=0; until mvn -B dependency:go-offline; do .*; done$/)
    ],
    risk: 3,
    rollback: 'Revert the commit, or put back `mvn -B dependency:go-offline` in place of the loop.'
  }
]

const logOf = (c: CatalogCase): string | { file: string } => ('corpus' in c.log ? corpusLog(c.log.corpus) : c.log.text)
/** The comments of a YAML text, in order (a fix may change the value a comment follows, never the comment). */
const comments = (text: string): string[] => text.split('\n').flatMap((line) => /(?:^|\s)(#.*)$/.exec(line)?.[1] ?? [])

for (const c of CASES) {
  const needsCorpus = 'corpus' in c.log
  const suite = needsCorpus && !corpusAvailable ? describe.skip : describe
  suite(`${c.fix}: ${c.title}${needsCorpus && !corpusAvailable ? ' (skipped: the real-log corpus is absent; set CI_MONITOR_CORPUS)' : ''}`, () => {
    let sim: GitHubSim
    let result: ActionResult
    let runId: number
    let earlier: ActionResult[]
    let mainBefore: string

    beforeAll(async () => {
      sim = await startSim({ '.github/workflows/ci.yml': c.workflow, '.github/workflows/release.yml': RELEASE_WORKFLOW })
      mainBefore = await git(sim, 'rev-parse', 'refs/heads/main')
      const failure = async () => {
        const run = await sim.addRun(REPO, { jobs: [{ name: c.job, steps: steps(c.failingStep, c.stepsBefore), log: logOf(c) }] })
        return { id: run.id, payload: await sim.workflowRunEvent(REPO, run.id) }
      }
      earlier = []
      for (let i = 0; i < (c.earlierFailures ?? 0); i++) {
        const run = await failure()
        earlier.push(await runAction(sim, { eventName: 'workflow_run', payload: run.payload, inputs: { 'fix-token': APP_TOKEN } }))
      }
      const run = await failure()
      runId = run.id
      result = await runAction(sim, { eventName: 'workflow_run', payload: run.payload, inputs: { 'fix-token': APP_TOKEN } })
    }, 180_000)

    afterAll(async () => sim?.close())

    if (c.earlierFailures) {
      it('re-ran the first occurrences instead of changing the workflow', () => {
        expect(earlier.map((e) => e.outputs.decision)).toEqual(Array(c.earlierFailures).fill('rerun'))
      })
    }

    it(`diagnoses a DEVOPS ${c.category} failure with the ${c.fix} fix and opens a pull request`, async () => {
      expect(result.code).toBe(0)
      expect(result.outputs).toMatchObject({ owner: 'DEVOPS', category: c.category, decision: 'open-pr' })
      expect(result.outputs['pr-url']).toMatch(new RegExp(`^https://github.com/${REPO}/pull/\\d+$`))
      const record = (await runRecords(sim)).find((r) => r.run.id === runId)!
      expect(record.jobs[0]).toMatchObject({ diagnosis: { engine: 'rules', fix: c.fix }, decision: { action: 'open-pr' } })
    })

    it('changes exactly the intended lines of the failed workflow, in one commit on main', async () => {
      const pull = sim.pulls(REPO)
      expect(pull).toHaveLength(1)
      const { head } = pull[0]!
      expect(head).toBe(`ci-monitor/fix-${result.outputs.fingerprint}`)
      expect(await git(sim, 'rev-parse', 'refs/heads/main')).toBe(mainBefore)
      expect(await git(sim, 'rev-parse', `${head}^`)).toBe(mainBefore)
      expect(await git(sim, 'rev-list', '--count', `main..${head}`)).toBe('1')
      expect(await git(sim, 'diff', '--name-only', 'main', head)).toBe('.github/workflows/ci.yml')
      const diff = await git(sim, 'diff', '--unified=0', 'main', head, '--', '.github/workflows/ci.yml')
      expect(diff.split('\n').filter((line) => /^[-+](?![-+]{2} [ab/])/.test(line))).toEqual(c.changed)
      // Comments and the rest of the layout are the author's, untouched.
      const after = await git(sim, 'show', `${head}:.github/workflows/ci.yml`)
      expect(comments(after)).toEqual(comments(c.workflow))
    })

    it('says in the pull request what it risks and how to undo it, and labels it', () => {
      const pull = sim.pulls(REPO)[0]!
      expect(pull).toMatchObject({ base: 'main', state: 'open', user: 'ci-monitor[bot]' })
      expect(pull.labels).toEqual(['ci-monitor', c.category])
      expect(pull.body).toContain(`Risk: ${c.risk} of 10.`)
      expect(pull.body).toContain(`### To undo\n\n${c.rollback}`)
      expect(pull.body).toContain(`actions/runs/${runId}`)
      expect(sim.violations).toEqual([])
    })
  })
}
