// Runs the bundled action (dist/index.js) in a child process exactly as the Actions runner does:
// INPUT_* variables, the event payload in GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
// files, RUNNER_TEMP, against the loopback simulators. Shared by the e2e tests and `npm run demo`;
// nothing from src/ is imported here.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { startGitHubSim, type GitHubSim, type GitHubSimOptions } from './github/index.ts'

const execFileAsync = promisify(execFile)

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
export const DIST = path.join(ROOT, 'dist', 'index.js')
export const OWNER = 'acme'
export const NAME = 'widgets'
export const REPO = `${OWNER}/${NAME}`
export const GITHUB_TOKEN = 'ghs_sim_github_token'
export const APP_TOKEN = 'ghs_sim_app_token'
/** The monitor's own workflow, as GITHUB_WORKFLOW_REF names it. */
export const MONITOR_WORKFLOW_REF = `${REPO}/.github/workflows/ci-monitor.yml@refs/heads/main`

export interface ActionResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunActionOptions {
  eventName: string
  payload: unknown
  inputs?: Record<string, string>
  env?: Record<string, string>
}

/** Spawns `node dist/index.js` with the runner's environment and collects what it produced. */
export async function runAction(sim: GitHubSim, options: RunActionOptions): Promise<ActionResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ci-monitor-e2e-'))
  try {
    const files = {
      event: path.join(dir, 'event.json'),
      output: path.join(dir, 'output.txt'),
      summary: path.join(dir, 'summary.md')
    }
    await writeFile(files.event, JSON.stringify(options.payload))
    await writeFile(files.output, '')
    await writeFile(files.summary, '')
    const inputs = { 'github-token': GITHUB_TOKEN, ...(options.inputs ?? {}) }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: REPO,
      GITHUB_REPOSITORY_OWNER: OWNER,
      GITHUB_API_URL: sim.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_GRAPHQL_URL: `${sim.apiUrl}/graphql`,
      GITHUB_WORKFLOW: 'CI monitor',
      GITHUB_WORKFLOW_REF: MONITOR_WORKFLOW_REF,
      GITHUB_RUN_ID: '9000001',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: 'octocat',
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      RUNNER_TEMP: dir,
      RUNNER_OS: 'Linux',
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
      ...(options.env ?? {})
    }
    let code = 0
    let stdout = ''
    let stderr = ''
    try {
      const result = await execFileAsync(process.execPath, [DIST], { env, cwd: dir, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 })
      stdout = result.stdout
      stderr = result.stderr
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string }
      code = typeof failed.code === 'number' ? failed.code : 1
      stdout = failed.stdout ?? ''
      stderr = failed.stderr ?? ''
    }
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(await readFile(files.output, 'utf8')),
      summary: await readFile(files.summary, 'utf8')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** GITHUB_OUTPUT's `name<<delimiter` … `delimiter` format, as @actions/core writes it. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!open) continue
    const [, name, delimiter] = open
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
    outputs[name!] = value.join('\n')
  }
  return outputs
}

/** A simulator seeded with one repository holding `files` on main. */
export function startSim(files: Record<string, string>, extra: Partial<GitHubSimOptions> = {}): Promise<GitHubSim> {
  return startGitHubSim({ repos: [{ owner: OWNER, name: NAME, id: 4242, files }], ...extra })
}

/** git against the simulator's bare repository. */
export async function git(sim: GitHubSim, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['--git-dir', sim.gitDir(REPO), ...args], {
    env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    maxBuffer: 64 * 1024 * 1024
  })
  return stdout.trim()
}

/** The JSON documents on the state branch, by path. */
export async function stateDocuments(sim: GitHubSim, branch = 'ci-monitor-state'): Promise<Record<string, unknown>> {
  const paths = (await git(sim, 'ls-tree', '-r', '--name-only', branch)).split('\n').filter((p) => p.endsWith('.json'))
  const documents: Record<string, unknown> = {}
  for (const file of paths) documents[file] = JSON.parse(await git(sim, 'show', `${branch}:${file}`))
  return documents
}

/** The run records on the state branch (`runs/<id>/attempt-<n>.json`), in path order. */
export async function runRecords(sim: GitHubSim, branch = 'ci-monitor-state'): Promise<Record<string, any>[]> {
  const documents = await stateDocuments(sim, branch)
  return Object.keys(documents)
    .filter((file) => file.startsWith('runs/'))
    .sort()
    .map((file) => documents[file] as Record<string, any>)
}

/** Whether a branch exists in the simulator's repository. */
export async function branchExists(sim: GitHubSim, branch: string): Promise<boolean> {
  try {
    await git(sim, 'rev-parse', '--verify', `refs/heads/${branch}`)
    return true
  } catch {
    return false
  }
}
