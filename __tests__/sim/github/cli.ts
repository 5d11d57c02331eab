// Serves a sample repository with one failed run until interrupted, for manual poking:
//   node_modules/.bin/node __tests__/sim/github/cli.ts
//   curl -H "Authorization: Bearer ghs_sim_github_token" "$GITHUB_API_URL/repos/acme/widgets/actions/runs"
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defaultTokens, startGitHubSim } from './index.ts'

const sim = await startGitHubSim({
  repos: [
    {
      owner: 'acme',
      name: 'widgets',
      files: {
        'README.md': '# widgets\n',
        'package.json': '{ "name": "widgets", "scripts": { "test": "node --test" } }\n',
        '.github/workflows/ci.yml': [
          'name: CI',
          'on: push',
          'jobs:',
          '  test:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - run: npm test',
          ''
        ].join('\n')
      }
    }
  ]
})
const run = await sim.addRun('acme/widgets', {
  jobs: [
    {
      name: 'test',
      steps: [
        { name: 'Set up job', conclusion: 'success' },
        { name: 'Run npm test', conclusion: 'failure' }
      ],
      log: [
        '2024-05-01T10:00:00.0000000Z ##[group]Run npm test',
        '2024-05-01T10:00:02.0000000Z not ok 1 - adds',
        '2024-05-01T10:00:02.1000000Z ##[error]Process completed with exit code 1.',
        ''
      ].join('\n')
    }
  ]
})
const eventPath = path.join(tmpdir(), `github-sim-event-${process.pid}.json`)
await writeFile(eventPath, JSON.stringify(await sim.workflowRunEvent('acme/widgets', run.id), null, 2))

console.log(`GITHUB_API_URL=${sim.apiUrl}`)
console.log(`GITHUB_REPOSITORY=acme/widgets`)
console.log(`GITHUB_EVENT_PATH=${eventPath}  (workflow_run completed, run ${run.id})`)
console.log(`git dir: ${sim.gitDir('acme/widgets')}`)
for (const [token, spec] of Object.entries(defaultTokens())) console.log(`token ${token}: ${spec.kind}, workflows ${spec.workflows}`)
console.log('Ctrl-C to stop.')

const stop = async () => {
  await Promise.all([sim.close(), rm(eventPath, { force: true })])
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
