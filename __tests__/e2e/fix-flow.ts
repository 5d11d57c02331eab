// Shared by the e2e tests of fix pull requests, their verification and approvals: a repository whose
// Build job hits its time limit (the catalog raises timeout-minutes), people with and without write
// access, and the events those people and CI produce.
import { getOctokit } from '@actions/github'
import { defaultTokens, startGitHubSim, type GitHubSim, type TokenSpec } from '../sim/github/index.ts'
import { BUILD_STEPS, CI_WORKFLOW, jobTimeoutLog } from './fixtures.ts'
import { APP_TOKEN, NAME, OWNER, REPO, git, runAction, type ActionResult } from './harness.ts'

const PERSON = { actions: 'write', contents: 'write', pull_requests: 'write', issues: 'write' } as const

/** People who comment in the tests, by token: a maintainer, a triager and a developer. */
export const PEOPLE: Record<string, TokenSpec> = {
  ghp_sim_maya: { login: 'maya', kind: 'pat', permissions: { ...PERSON }, workflows: false },
  ghp_sim_tess: { login: 'tess', kind: 'pat', permissions: { ...PERSON }, workflows: false },
  ghp_sim_dev: { login: 'dev-one', kind: 'pat', permissions: { ...PERSON }, workflows: false }
}
export const MAINTAINER = 'ghp_sim_maya'
export const TRIAGER = 'ghp_sim_tess'

/** Config on the default branch that makes every fix need approval, announced in #ci-approvals. */
export const APPROVAL_CONFIG = 'protected_repositories: [acme/widgets]\nslack_channels:\n  approvals: ci-approvals\n'

/** The monitored repository (plus a fork for fork runs), with maya (write) and tess (triage). */
export function startFlowSim(files: Record<string, string> = {}): Promise<GitHubSim> {
  return startGitHubSim({
    repos: [
      { owner: OWNER, name: NAME, id: 4242, files: { '.github/workflows/ci.yml': CI_WORKFLOW, ...files }, collaborators: { maya: 'write', tess: 'triage', 'dev-one': 'write' } },
      { owner: 'mallory', name: NAME, id: 666, files: { '.github/workflows/ci.yml': CI_WORKFLOW } }
    ],
    tokens: { ...defaultTokens(), ...PEOPLE }
  })
}

/** The Build job of main's CI exceeded its `minutes`: the fix raises timeout-minutes. */
export async function timeoutFailure(sim: GitHubSim, minutes = 20): Promise<{ id: number; payload: Record<string, unknown> }> {
  const run = await sim.addRun(REPO, { jobs: [{ name: 'Build', steps: BUILD_STEPS, log: jobTimeoutLog(minutes) }] })
  return { id: run.id, payload: await sim.workflowRunEvent(REPO, run.id) }
}

/** The action on a workflow_run event, with a fix token unless `inputs` says otherwise. */
export function analyse(sim: GitHubSim, payload: unknown, inputs: Record<string, string> = { 'fix-token': APP_TOKEN }): Promise<ActionResult> {
  return runAction(sim, { eventName: 'workflow_run', payload, inputs })
}

/** A CI run of the fix branch (what GitHub runs for the fix pull request), as its workflow_run event. */
export async function fixBranchRun(
  sim: GitHubSim,
  branch: string,
  conclusion: 'success' | 'failure',
  options: { headSha?: string; headRepository?: string } = {}
): Promise<{ id: number; payload: Record<string, unknown> }> {
  const run = await sim.addRun(REPO, {
    headBranch: branch,
    event: 'pull_request',
    conclusion,
    ...options,
    jobs: [{ name: 'Build', conclusion, steps: BUILD_STEPS.map((step) => ({ ...step, conclusion })), log: conclusion === 'success' ? 'all green\n' : jobTimeoutLog(30) }]
  })
  return { id: run.id, payload: await sim.workflowRunEvent(REPO, run.id) }
}

export function octokitFor(sim: GitHubSim, token: string) {
  return getOctokit(token, { baseUrl: sim.apiUrl })
}

/** A person comments on an issue or pull request; returns the `issue_comment` (created) event GitHub sends. */
export async function comment(sim: GitHubSim, token: string, number: number, body: string): Promise<Record<string, unknown>> {
  const gh = octokitFor(sim, token)
  const { data: created } = await gh.rest.issues.createComment({ owner: OWNER, repo: NAME, issue_number: number, body })
  const { data: issue } = await gh.rest.issues.get({ owner: OWNER, repo: NAME, issue_number: number })
  const { data: repository } = await gh.rest.repos.get({ owner: OWNER, repo: NAME })
  return { action: 'created', issue, comment: created, repository, sender: created.user }
}

/** The action on an `issue_comment` event. */
export function answer(sim: GitHubSim, payload: unknown, inputs: Record<string, string> = { 'fix-token': APP_TOKEN }, env: Record<string, string> = {}): Promise<ActionResult> {
  return runAction(sim, { eventName: 'issue_comment', payload, inputs, env })
}

/** The scheduled sweep. */
export function sweep(sim: GitHubSim, inputs: Record<string, string> = { 'fix-token': APP_TOKEN }): Promise<ActionResult> {
  return runAction(sim, { eventName: 'schedule', payload: { schedule: '17 * * * *' }, inputs })
}

export function commentsOn(sim: GitHubSim, number: number): Array<{ body: string; user: string }> {
  return sim.comments(REPO, number).map((c) => ({ body: c.body, user: c.user }))
}

export async function head(sim: GitHubSim, branch: string): Promise<string> {
  return git(sim, 'rev-parse', `refs/heads/${branch}`)
}

export const fixBranch = (fingerprint: string): string => `ci-monitor/fix-${fingerprint}`

/** The job summary with Markdown's backslash escapes undone, to assert on its sentences. */
export const plain = (markdown: string): string => markdown.replace(/\\([\\`*_{}[\]()#+\-.!|~$])/g, '$1')
