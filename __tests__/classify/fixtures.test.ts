// End-to-end on small job logs that reproduce real tools' messages (__tests__/fixtures/logs/).
// Each row says where the message comes from.
import type { FixIntent } from '../../src/classify/types.js'
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Category, Owner } from '../../src/classify/categories.js'
import { classify } from '../../src/classify/index.js'
import { triageText } from '../../src/triage/index.js'

interface Expected {
  owner: Owner
  category: Category
  rule: string
  /** A line of the log the excerpt must show. */
  shows: string
  fix?: Partial<FixIntent> & { kind: FixIntent['kind'] }
  source: string
}

const CASES: Record<string, Expected> = {
  'npm-ci-lockfile.log': { owner: 'DEVELOPER', category: 'dependency_conflict', rule: 'npm.lockfile-out-of-sync', shows: 'are in sync', source: 'npm ci (npm/cli lib/commands/ci.js)' },
  'jest-failure.log': { owner: 'DEVELOPER', category: 'test_failure', rule: 'js.assertion', shows: '● sum › adds two numbers', source: 'Jest default reporter' },
  'pytest-failure.log': { owner: 'DEVELOPER', category: 'test_failure', rule: 'pytest.failed', shows: 'E       assert 3 == 4', source: 'pytest terminal reporter' },
  'tsc-error.log': { owner: 'DEVELOPER', category: 'build_error', rule: 'tsc.error', shows: 'error TS2322', source: 'tsc diagnostics' },
  'eslint.log': { owner: 'DEVELOPER', category: 'lint_or_format', rule: 'eslint.error', shows: '✖ 2 problems', source: 'ESLint stylish formatter' },
  'disk-full.log': { owner: 'DEVOPS', category: 'runner_resource', rule: 'resources.disk-full', shows: 'no space left on device', source: 'npm ENOSPC inside docker build', fix: { kind: 'free-disk', step: 'Run docker build -t app .' } },
  'node-oom.log': { owner: 'DEVOPS', category: 'runner_resource', rule: 'resources.out-of-memory', shows: 'JavaScript heap out of memory', source: 'V8 fatal OOM', fix: { kind: 'node-heap', step: 'Run npm run build' } },
  'job-timeout.log': {
    owner: 'DEVOPS',
    category: 'job_timeout',
    rule: 'github.job-timeout',
    shows: 'maximum execution time of 360 minutes',
    fix: { kind: 'raise-timeout', observedMinutes: 360 },
    source: 'actions/runner job timeout'
  },
  'step-timeout.log': {
    owner: 'DEVOPS',
    category: 'job_timeout',
    rule: 'github.step-timeout',
    shows: 'has timed out after 15 minutes',
    fix: { kind: 'raise-timeout', observedMinutes: 15 },
    source: 'actions/runner step timeout-minutes'
  },
  'deprecated-artifact.log': {
    owner: 'DEVOPS',
    category: 'workflow_config',
    rule: 'github.deprecated-action-auto-failed',
    shows: 'deprecated version of `actions/upload-artifact: v3`',
    fix: { kind: 'upgrade-action', action: 'actions/upload-artifact', fromRef: 'v3' },
    source: 'GitHub artifact actions v3 brownout (github.blog 2024-04-16)'
  },
  'npm-network.log': { owner: 'DEVOPS', category: 'network', rule: 'network.connection', shows: 'read ECONNRESET', source: 'npm-registry-fetch network error', fix: { kind: 'add-retry', tool: 'npm', step: 'Run npm ci' } },
  'docker-rate-limit.log': { owner: 'DEVOPS', category: 'rate_limit', rule: 'docker.pull-rate-limit', shows: 'toomanyrequests', source: 'Docker Hub pull rate limit' },
  'resource-not-accessible.log': {
    owner: 'DEVOPS',
    category: 'permissions_or_credentials',
    rule: 'github.resource-not-accessible',
    shows: 'Resource not accessible by integration',
    source: 'GitHub REST 403 for GITHUB_TOKEN',
    fix: { kind: 'add-permission' }
  },
  'setup-python-missing.log': { owner: 'DEVOPS', category: 'toolchain_setup', rule: 'python.version-unavailable', shows: "was not found for Ubuntu 24.04", source: 'actions/setup-python', fix: { kind: 'move-toolchain-version', tool: 'python', image: 'ubuntu-24.04' } },
  'cargo-build.log': { owner: 'DEVELOPER', category: 'build_error', rule: 'rustc.error', shows: 'error[E0425]', source: 'rustc' },
  'go-test.log': { owner: 'DEVELOPER', category: 'test_failure', rule: 'go.test-failed', shows: '--- FAIL: TestParseDuration', source: 'go test' },
  'dotnet-build.log': { owner: 'DEVELOPER', category: 'build_error', rule: 'dotnet.compile-error', shows: 'error CS0103', source: 'Roslyn' },
  'gradle-registry-502.log': { owner: 'DEVOPS', category: 'registry_or_download', rule: 'maven.transfer-failed', shows: 'Received status code 502', source: 'Gradle dependency resolution' },
  'retry-then-test-failure.log': { owner: 'DEVELOPER', category: 'test_failure', rule: 'js.assertion', shows: '● cart › applies the discount', source: 'npm retry log, then Jest' },
  'runner-lost.log': { owner: 'DEVOPS', category: 'runner_resource', rule: 'github.runner-lost', shows: 'lost communication with the server', source: 'GitHub hosted runner' }
}

const read = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/logs/${name}`, import.meta.url)), 'utf8')

describe('diagnosis of fixture logs', () => {
  it.each(Object.entries(CASES))('%s', (name, expected) => {
    const triage = triageText(read(name))
    const diagnosis = classify(triage)
    expect({ owner: diagnosis.owner, category: diagnosis.category, rule: diagnosis.ruleId }).toEqual({
      owner: expected.owner,
      category: expected.category,
      rule: expected.rule
    })
    expect(diagnosis.engine).toBe('rules')
    expect(diagnosis.confidence).toBeGreaterThanOrEqual(0.7)
    expect(triage.excerpt.lines.some((l) => l.text.includes(expected.shows))).toBe(true)
    // Evidence lines are lines of the excerpt.
    for (const line of diagnosis.evidence) expect(triage.excerpt.lines).toContainEqual(line)
    if (expected.fix) expect(diagnosis.fix).toMatchObject(expected.fix)
    else expect(diagnosis.fix).toBeNull()
    expect(diagnosis.summary.length).toBeGreaterThan(20)
  })

  it('names the failing step of a GitHub job log', () => {
    expect(triageText(read('pytest-failure.log')).failingStep?.name).toBe('Run pytest -q')
  })

  it('keeps an unknown failure unknown: other, developer, low confidence', () => {
    const diagnosis = classify(triageText(read('unknown-failure.log')))
    expect(diagnosis.category).toBe('other')
    expect(diagnosis.owner).toBe('DEVELOPER')
    expect(diagnosis.confidence).toBeLessThanOrEqual(0.3)
  })
})
