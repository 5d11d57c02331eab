// Test reports uploaded as artifacts by the failed run: downloaded (through the storage redirect,
// without the token), parsed, and used to name the failing tests when the log alone is unclear.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { GitHubSim } from '../sim/github/index.ts'
import { buildZip } from '../reports/zip-builder.ts'
import { BUILD_STEPS, CI_WORKFLOW } from './fixtures.ts'
import { REPO, ROOT, runAction, runRecords, startSim, type ActionResult } from './harness.ts'

const JEST_JUNIT = readFileSync(path.join(ROOT, '__tests__/fixtures/reports/jest-junit.xml'))
const t = (s: number): string => `2026-11-20T10:02:${String(s).padStart(2, '0')}.0000000Z`
// The test runner's output went to a file; the log only shows the exit code.
const QUIET_LOG = [`${t(0)} ##[group]Run npm test -- --silent`, `${t(1)} npm test -- --silent`, `${t(2)} ##[endgroup]`, `${t(3)} ##[error]Process completed with exit code 1.`].join('\n')

describe('test reports from the run\'s artifacts', () => {
  let sim: GitHubSim
  let result: ActionResult

  beforeAll(async () => {
    sim = await startSim({ '.github/workflows/ci.yml': CI_WORKFLOW })
    const run = await sim.addRun(REPO, {
      jobs: [{ name: 'Build', steps: BUILD_STEPS, log: QUIET_LOG }],
      artifacts: [
        { name: 'test-results', zip: buildZip([{ name: 'reports/junit.xml', data: JEST_JUNIT }]) },
        { name: 'coverage-html', zip: buildZip([{ name: 'index.html', data: '<html></html>' }]) }
      ]
    })
    result = await runAction(sim, { eventName: 'workflow_run', payload: await sim.workflowRunEvent(REPO, run.id) })
  })

  afterAll(async () => sim?.close())

  it('names the failing test the log did not show', () => {
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ owner: 'DEVELOPER', category: 'test_failure' })
    expect(result.summary).toContain('cart totals applies the discount')
  })

  it('records what the reports said and which artifacts were passed over', async () => {
    const [record] = await runRecords(sim)
    expect(record!.test_reports.artifacts).toEqual([{ name: 'test-results', tests: 5, failures: 1, truncated: false }])
    expect(record!.test_reports.skipped).toEqual([expect.objectContaining({ name: 'coverage-html' })])
    expect(record!.jobs[0].diagnosis.rule_id).toBe('reports.failing-tests')
  })

  it('downloaded the artifacts from the storage host without the token', () => {
    const artifacts = sim.blobRequests.filter((request) => request.kind === 'artifact')
    expect(artifacts.length).toBeGreaterThan(0)
    expect(artifacts.every((request) => !request.authorizationSeen)).toBe(true)
    expect(sim.violations).toEqual([])
  })
})
