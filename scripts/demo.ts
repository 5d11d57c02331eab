// `npm run demo`: the main job on a fresh machine, no secrets. Starts the local GitHub and Slack
// simulators with a sample repository and two failed runs, runs the bundled action (dist/index.js)
// on each exactly as the Actions runner would, and prints what happened.
import { existsSync } from 'node:fs'
import { DIST, REPO, git, runAction, startSim } from '../__tests__/sim/action-runner.ts'
import { startSlackSim } from '../__tests__/sim/slack.ts'

const WORKFLOW = `# Build and test on every push.
name: CI
on: [push, pull_request]

jobs:
  build:
    name: Build
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v5
      - run: npm ci
      - run: npm test
      - uses: actions/upload-artifact@v3 # keep the test report
        with:
          name: report
          path: report/
`

const t = (s: number): string => `2026-11-20T10:00:${String(s).padStart(2, '0')}.0000000Z`
// GitHub's own message when a job uses a switched-off action version.
const DEPRECATED_LOG = [
  `${t(0)} Current runner version: '2.329.0'`,
  `${t(1)} ##[group]Prepare all required actions`,
  `${t(2)} Getting action download info`,
  `${t(3)} ##[endgroup]`,
  `${t(4)} ##[error]This request has been automatically failed because it uses a deprecated version of \`actions/upload-artifact: v3\`. Learn more: https://github.blog/changelog/2024-04-16-deprecation-notice-v3-of-the-artifact-actions/`
].join('\n')
// What jest prints for a failing assertion.
const TEST_FAILURE_LOG = [
  `${t(0)} ##[group]Run npm test`,
  `${t(1)} npm test`,
  `${t(2)} ##[endgroup]`,
  `${t(3)} > widgets@1.0.0 test`,
  `${t(4)} > jest`,
  `${t(5)} FAIL src/price.test.js`,
  `${t(6)}   ● price › applies the discount`,
  `${t(7)}     expect(received).toBe(expected) // Object.is equality`,
  `${t(8)}     Expected: 90`,
  `${t(9)}     Received: 100`,
  `${t(10)}       12 |   it('applies the discount', () => {`,
  `${t(11)}     > 13 |     expect(price(100, { discount: 0.1 })).toBe(90)`,
  `${t(12)}          |                                           ^`,
  `${t(13)} Tests:       1 failed, 11 passed, 12 total`,
  `${t(14)} ##[error]Process completed with exit code 1.`
].join('\n')

const SETUP_FAILED = [{ name: 'Set up job', conclusion: 'failure' as const }]
const TEST_FAILED = [
  { name: 'Set up job', conclusion: 'success' as const },
  { name: 'Run npm test', conclusion: 'failure' as const },
  { name: 'Complete job', conclusion: 'success' as const }
]

/** Slack blocks as readable text: headers, fields, sections and buttons. */
function renderBlocks(blocks: unknown[] | null): string {
  const out: string[] = []
  for (const block of (blocks ?? []) as Array<Record<string, any>>) {
    if (block.type === 'header') out.push(`# ${block.text.text}`)
    if (block.type === 'section' && block.fields) out.push(block.fields.map((f: { text: string }) => f.text.replace('\n', ': ')).join('\n'))
    if (block.type === 'section' && block.text) out.push(block.text.text)
    if (block.type === 'actions') out.push(block.elements.map((e: { text: { text: string }; url: string }) => `[${e.text.text}] ${e.url}`).join('\n'))
  }
  return out.join('\n\n')
}

function heading(text: string): void {
  console.log(`\n\x1b[1m== ${text} ==\x1b[0m`)
}

async function main(): Promise<void> {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run `npm run build` first.')
  const github = await startSim({ '.github/workflows/ci.yml': WORKFLOW, 'README.md': '# widgets\n' })
  const slack = await startSlackSim()
  try {
    const inputs = {
      'fix-token': 'ghs_sim_app_token',
      'slack-bot-token': slack.token,
      'slack-channel': 'ci-alerts',
      'slack-api-url': slack.url
    }
    for (const scenario of [
      { title: 'A pipeline failure: a deprecated action', branch: 'main', log: DEPRECATED_LOG, steps: SETUP_FAILED },
      { title: 'A code failure: a failing test', branch: 'feature/discounts', log: TEST_FAILURE_LOG, steps: TEST_FAILED }
    ]) {
      heading(scenario.title)
      if (scenario.branch !== 'main') await github.commit(REPO, { branch: scenario.branch, files: { 'src/price.js': 'export const price = (p) => p\n' } })
      const run = await github.addRun(REPO, { headBranch: scenario.branch, jobs: [{ name: 'Build', steps: scenario.steps, log: scenario.log }] })
      const slackBefore = slack.messages.length
      const result = await runAction(github, { eventName: 'workflow_run', payload: await github.workflowRunEvent(REPO, run.id), inputs })
      console.log(`run ${run.id}: exit code ${result.code}`)
      console.log('outputs:', JSON.stringify(result.outputs, null, 2))
      if (result.code !== 0) console.log(result.stdout, result.stderr)
      const pull = github.pulls(REPO).find((p) => result.outputs['pr-url'].endsWith(`/pull/${p.number}`))
      if (pull) {
        heading(`Fix pull request #${pull.number}: ${pull.title}`)
        console.log(await git(github, 'diff', 'main', pull.head))
      }
      for (const message of slack.messages.slice(slackBefore)) {
        heading(`Slack message to ${message.channel}`)
        console.log(renderBlocks(message.blocks))
      }
    }
    heading('State branch ci-monitor-state')
    console.log(await git(github, 'log', '--oneline', 'ci-monitor-state'))
    const files = (await git(github, 'ls-tree', '-r', '--name-only', 'ci-monitor-state')).split('\n')
    console.log(files.join('\n'))
    const first = files.find((f) => f.startsWith('runs/'))
    if (first) {
      heading(first)
      console.log(await git(github, 'show', `ci-monitor-state:${first}`))
    }
    console.log(`\nContract violations against GitHub's OpenAPI description: ${github.violations.length}`)
  } finally {
    await github.close()
    await slack.close()
  }
}

await main()
