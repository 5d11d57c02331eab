import { execFileSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { checkFixSafety, planFix } from '../../src/remediate/index.js'
import { retryLine } from '../../src/remediate/templates/retry.js'
import { crlf, diffLines, fixture, plan, planned, refused, retry } from './helpers.ts'

describe('add-retry with the tool’s own retry setting', () => {
  it('adds npm_config_fetch_retries to a named npm ci step, which had no env', () => {
    const fix = planned(plan('web-build.yml', retry('npm', 'Install dependencies'), 'install'))
    expect(diffLines(fix.patch)).toEqual(['+        env:', '+          npm_config_fetch_retries: 5'])
    expect(fix.changedLines).toEqual({ before: [], after: [25, 26] })
    expect(fix.after).toContain('        run: npm ci --no-audit\n        env:\n          npm_config_fetch_retries: 5\n      - run: npm run lint')
    expect(fix.risk).toBe(1)
    expect(fix.kind).toBe('add-retry')
    expect(fix.description).toContain('no command changes')
    expect(fix.rollback).toBe('Revert the commit, or remove `npm_config_fetch_retries` from the `env` of step `Install dependencies` of job `install`.')
  })

  it('finds the only npm install step of a matrix job by itself', () => {
    const fix = planned(plan('web-build.yml', retry('npm'), 'build (electron)'))
    expect(diffLines(fix.patch)).toEqual(['+        env:', '+          npm_config_fetch_retries: 5'])
    expect(fix.title).toBe('Raise npm network retries for step Run npm ci of job build')
  })

  it('adds PIP_RETRIES to a multi-line pip step, whatever its other commands', () => {
    const fix = planned(plan('system-deps.yml', retry('pip', 'Python dependencies'), 'native'))
    expect(diffLines(fix.patch)).toEqual(['+        env:', '+          PIP_RETRIES: 10'])
    expect(fix.after).toContain('          pip install -r requirements.txt\n        env:\n          PIP_RETRIES: 10\n')
  })

  it('does not need to understand the command line: a piped pip install gets the setting too', () => {
    const fix = planned(plan('system-deps.yml', retry('pip', 'Fancy install'), 'native'))
    expect(diffLines(fix.patch)).toEqual(['+        env:', '+          PIP_RETRIES: 10'])
    expect(fix.after).toContain('pip install $(cat extra.txt) | tee pip.log')
  })

  it('adds to an existing block env and keeps CRLF', () => {
    const text = crlf('web-build.yml').replace('      - run: npm ci\r\n      - name: Bundle', '      - run: npm ci\r\n        env:\r\n          CI: true\r\n      - name: Bundle')
    const fix = planned(planFix({ workflowPath: '.github/workflows/web-build.yml', workflowText: text, intent: retry('npm'), jobName: 'build (web)' }))
    expect(diffLines(fix.patch)).toEqual(['+          npm_config_fetch_retries: 5\r'])
    expect(fix.after.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('says nothing to change when the setting is already high enough, and raises a lower one in place', () => {
    const high = fixture('web-build.yml').replace('        run: npm ci --no-audit\n', '        run: npm ci --no-audit\n        env:\n          NPM_CONFIG_FETCH_RETRIES: 6\n')
    const input = { workflowPath: '.github/workflows/web-build.yml', intent: retry('npm', 'Install dependencies'), jobName: 'install' }
    expect(refused(planFix({ ...input, workflowText: high })).code).toBe('nothing-to-change')
    const low = high.replace('NPM_CONFIG_FETCH_RETRIES: 6', "NPM_CONFIG_FETCH_RETRIES: '3'")
    const fix = planned(planFix({ ...input, workflowText: low }))
    expect(diffLines(fix.patch)).toEqual(["-          NPM_CONFIG_FETCH_RETRIES: '3'", "+          NPM_CONFIG_FETCH_RETRIES: '5'"])
  })
})

describe('add-retry with the catalog retry loop', () => {
  const loop = (command: string): string => retryLine(command)

  it('wraps both apt-get lines of a block script, keeping their indentation', () => {
    const fix = planned(plan('system-deps.yml', retry('apt', 'Install system packages'), 'native'))
    expect(diffLines(fix.patch)).toEqual([
      '-          sudo apt-get update',
      '-          sudo apt-get install -y --no-install-recommends libpq-dev libxml2-dev',
      `+          ${loop('sudo apt-get update')}`,
      `+          ${loop('sudo apt-get install -y --no-install-recommends libpq-dev libxml2-dev')}`
    ])
    expect(fix.risk).toBe(3)
    expect(fix.description).toContain('the last failure still fails the step')
  })

  it('wraps a single-line plain run of go mod download, docker pull and a Maven dependency goal', () => {
    expect(diffLines(planned(plan('system-deps.yml', retry('go'), 'native')).patch)).toEqual([
      '-      - run: go mod download',
      `+      - run: ${loop('go mod download')}`
    ])
    expect(diffLines(planned(plan('system-deps.yml', retry('docker', 'Pull images'), 'native')).patch)).toEqual([
      '-        run: docker pull postgres:16',
      `+        run: ${loop('docker pull postgres:16')}`
    ])
    expect(diffLines(planned(plan('system-deps.yml', retry('maven', 'Warm Maven'), 'native')).patch)).toEqual([
      '-        run: mvn -B -q dependency:go-offline',
      `+        run: ${loop('mvn -B -q dependency:go-offline')}`
    ])
  })

  it('runs under bash -e and sh -e: retries, then fails with the tool’s own status', () => {
    const script = `tries=0\nflaky() { tries=$((tries + 1)); echo try $tries; [ "$tries" -ge "$1" ]; }\n`
    const run = (shell: string, succeedOn: number): { status: number; out: string } => {
      const wrapped = (retryLine('flaky N') + '\necho done\n').replace('flaky N', `flaky ${succeedOn}`).replace(/sleep \$\(\([^)]*\)\)/, 'sleep 0')
      try {
        return { status: 0, out: execFileSync(shell, ['-e', '-c', script + wrapped], { encoding: 'utf8' }) }
      } catch (error) {
        const e = error as { status: number; stdout: string }
        return { status: e.status, out: e.stdout }
      }
    }
    for (const shell of ['bash', 'sh']) {
      expect(run(shell, 2)).toEqual({ status: 0, out: expect.stringContaining('try 2\ndone') as unknown as string })
      const failed = run(shell, 9)
      expect(failed.status).toBe(1)
      expect(failed.out.match(/^try /gm)).toHaveLength(3)
      expect(failed.out).not.toContain('done')
    }
  })

  it('refuses a Maven build, a piped install, a pwsh step and several steps it cannot tell apart', () => {
    expect(refused(plan('system-deps.yml', retry('maven', 'Package'), 'native')).code).toBe('not-editable')
    expect(refused(plan('system-deps.yml', retry('poetry'), 'native')).code).toBe('not-found')
    const pwsh = refused(plan('system-deps.yml', retry('yarn'), 'windows'))
    expect(pwsh.code).toBe('unsupported-runner')
    expect(pwsh.refused).toContain('`pwsh`')
    const twice = refused(planFix({ workflowPath: '.github/workflows/s.yml', workflowText: fixture('system-deps.yml').replace('      - run: go mod download\n', '      - run: go mod download\n      - run: go mod download -x\n'), intent: retry('go'), jobName: 'native' }))
    expect(twice.code).toBe('ambiguous')
  })

  it('refuses an install line with shell syntax it will not wrap', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker pull $IMAGE\n'
    expect(refused(planFix({ workflowPath: '.github/workflows/a.yml', workflowText: text, intent: retry('docker'), jobName: 'a' })).code).toBe('not-editable')
  })

  it('says nothing to change once the loop is there', () => {
    const first = planned(plan('system-deps.yml', retry('go'), 'native'))
    const again = refused(planFix({ workflowPath: first.path, workflowText: first.after, intent: retry('go'), jobName: 'native' }))
    expect(again.code).toBe('nothing-to-change')
  })

  it('keeps the loop line a valid plain YAML scalar and passes the gate', () => {
    for (const [tool, step] of [['go', null], ['docker', 'Pull images'], ['apt', 'Install system packages']] as const) {
      const fix = planned(plan('system-deps.yml', retry(tool, step), 'native'))
      expect(checkFixSafety(fix.before, fix.after)).toEqual([])
    }
  })
})

describe('add-retry refusals', () => {
  it('refuses a step of another tool and a job that calls a reusable workflow', () => {
    const named = refused(plan('web-build.yml', retry('npm', 'Build Storybook'), 'storybook'))
    expect(named.code).toBe('not-found')
    expect(named.refused).toContain('is not a step that runs `npm`')
    expect(refused(plan('go-reusable.yml', retry('go'), 'integration')).code).toBe('not-editable')
  })
})

describe('add-retry on a step shared through a YAML anchor', () => {
  const text = [
    'on: push',
    'jobs:',
    '  a:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - &install',
    '        name: Install',
    '        run: npm ci',
    '      - &apt',
    '        name: Packages',
    '        run: sudo apt-get install -y jq',
    '  b:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - *install',
    '      - *apt',
    ''
  ].join('\n')
  const input = { workflowPath: '.github/workflows/a.yml', workflowText: text, jobName: 'b' }

  it('puts the retry setting in the failing job’s env instead of the shared step', () => {
    const fix = planned(planFix({ ...input, intent: retry('npm', 'Install') }))
    expect(diffLines(fix.patch)).toEqual(['+    env:', '+      npm_config_fetch_retries: 5'])
    expect(fix.after).toContain('  b:\n    runs-on: ubuntu-latest\n    env:\n      npm_config_fetch_retries: 5\n    steps:\n')
  })

  it('does not wrap a shared command, which would change the other job too', () => {
    const result = refused(planFix({ ...input, intent: retry('apt', 'Packages') }))
    expect(result.code).toBe('not-editable')
    expect(result.refused).toContain('shared with other jobs through a YAML anchor')
  })
})
