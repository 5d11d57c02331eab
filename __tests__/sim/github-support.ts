// Shared by the GitHub simulator's tests: the real Octokit the action uses, and the git CLI.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { getOctokit } from '@actions/github'
import type { GitHubSim } from './github/index.ts'

export const OWNER = 'acme'
export const NAME = 'widgets'
export const REPO = `${OWNER}/${NAME}`
export const repoParams = { owner: OWNER, repo: NAME }

export const GITHUB_TOKEN = 'ghs_sim_github_token'
export const APP_TOKEN = 'ghs_sim_app_token'
export const PAT = 'ghp_sim_pat'

export const CI_WORKFLOW = 'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n'

/** The files every test repository starts with. */
export const seedFiles = (): Record<string, string> => ({
  'README.md': '# widgets\n',
  'package.json': '{ "name": "widgets" }\n',
  '.github/workflows/ci.yml': CI_WORKFLOW
})

export type Octokit = ReturnType<typeof getOctokit>

/** Octokit as the action builds it: explicit baseUrl, no retries (errors surface at once). */
export const octokit = (sim: GitHubSim, token: string): Octokit => getOctokit(token, { baseUrl: sim.apiUrl })

const execFileAsync = promisify(execFile)

/** Runs git against the simulator's bare repository; returns trimmed stdout. */
export async function git(sim: GitHubSim, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['--git-dir', sim.gitDir(REPO), ...args], {
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    maxBuffer: 64 * 1024 * 1024
  })
  return stdout.trim()
}

/** What an Octokit RequestError carries that the tests look at. */
export interface ApiFailure {
  status: number
  message: string
  response: { headers: Record<string, string>; data: unknown }
}

/** The error an Octokit call rejects with (fails the test if it resolves). */
export async function rejection(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call
  } catch (error) {
    return error as ApiFailure
  }
  throw new Error('expected the call to fail')
}
