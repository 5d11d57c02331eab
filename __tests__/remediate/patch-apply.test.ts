import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { planFix } from '../../src/remediate/index.js'
import type { PlannedFix } from '../../src/remediate/index.js'
import type { FixIntent } from '../../src/classify/types.js'
import { disk, fixture, heap, permission, planned, python, retry, timeout, upgrade } from './helpers.ts'

const gitAvailable = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (!gitAvailable) console.warn('git is not installed: skipping the git apply tests')
const describeGit = gitAvailable ? describe : describe.skip

const CASES: [string, FixIntent, string, { crlf?: boolean; maxTimeoutMinutes?: number }][] = [
  ['node-ci.yml', upgrade('actions/upload-artifact'), 'test (node 18)', {}],
  ['node-ci.yml', upgrade('actions/checkout'), 'lint', {}],
  ['node-ci.yml', upgrade('actions/setup-node'), 'lint', { crlf: true }],
  ['node-ci.yml', timeout(), 'test (node 22)', {}],
  ['node-ci.yml', timeout(), 'docker', { maxTimeoutMinutes: 720 }],
  ['node-ci.yml', timeout(), 'docker', { maxTimeoutMinutes: 720, crlf: true }],
  ['java-release.yml', upgrade('actions/checkout'), 'package', {}],
  ['java-release.yml', upgrade('actions/cache'), 'package', { crlf: true }],
  ['python-package.yml', timeout('Run integration tests'), 'Build ubuntu-latest / py3.10', {}],
  ['go-reusable.yml', upgrade('actions/setup-go'), 'unit', {}],
  ['web-build.yml', retry('npm', 'Install dependencies'), 'install', {}],
  ['web-build.yml', retry('npm'), 'build (web)', { crlf: true }],
  ['system-deps.yml', retry('apt', 'Install system packages'), 'native', {}],
  ['system-deps.yml', retry('go'), 'native', { crlf: true }],
  ['web-build.yml', heap('Bundle'), 'build (web)', {}],
  ['web-build.yml', heap('Build Storybook'), 'storybook', { crlf: true }],
  ['docker-image.yml', disk('Build image'), 'image', {}],
  ['docker-image.yml', disk(), 'dotnet', { crlf: true }],
  ['python-legacy.yml', python('3.7', 'ubuntu-24.04', 'Set up Python'), 'py37', {}],
  ['python-legacy.yml', python('3.7', 'ubuntu-24.04'), 'test py3.7 on ubuntu-latest', { crlf: true }],
  ['python-legacy.yml', python('3.9.6'), 'pinned-patch', {}],
  ['pr-automation.yml', permission('Run actions/labeler@v6'), 'label', {}],
  ['pr-automation.yml', permission('Upload SARIF'), 'sarif', { crlf: true }],
  ['release-scoped.yml', permission('Run softprops/action-gh-release@v2'), 'publish', {}]
]

describeGit('generated patches apply with git', () => {
  const work = mkdtempSync(join(tmpdir(), 'ci-monitor-patch-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

  it.each(CASES)('%s: %j for %s %j', (name, intent, jobName, options) => {
    const raw = fixture(name)
    const text = options.crlf ? raw.replace(/\n/g, '\r\n') : raw
    const path = `.github/workflows/${name}`
    const fix: PlannedFix = planned(planFix({ workflowPath: path, workflowText: text, intent, jobName, maxTimeoutMinutes: options.maxTimeoutMinutes }))

    const repo = mkdtempSync(join(work, 'repo-'))
    git(repo, 'init', '-q')
    mkdirSync(dirname(join(repo, path)), { recursive: true })
    writeFileSync(join(repo, path), fix.before)
    writeFileSync(join(repo, 'fix.patch'), fix.patch)

    git(repo, 'apply', '--check', 'fix.patch')
    git(repo, 'apply', 'fix.patch')
    expect(readFileSync(join(repo, path), 'utf8')).toBe(fix.after)
    // And the reverse patch restores the original, which is what the rollback relies on.
    git(repo, 'apply', '-R', 'fix.patch')
    expect(readFileSync(join(repo, path), 'utf8')).toBe(fix.before)
  })
})
