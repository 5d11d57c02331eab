// The simulator's GraphQL endpoint (draft ⇄ ready for review), fork runs and backdating.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { defaultTokens, startGitHubSim } from './github/index.ts'
import type { GitHubSim } from './github/index.ts'
import { APP_TOKEN, REPO, octokit, rejection, repoParams, seedFiles } from './github-support.ts'
import type { Octokit } from './github-support.ts'

const READY = 'mutation ($id: ID!) { markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { id number isDraft } } }'
const TO_DRAFT = 'mutation ToDraft($id: ID!) { convertPullRequestToDraft(input: { pullRequestId: $id, clientMutationId: "c1" }) { clientMutationId pullRequest { isDraft } } }'
// A token with pull_requests: write but without contents: write, like a workflow that grants only that.
const PULLS_ONLY = 'ghs_sim_pulls_only'

let sim: GitHubSim
let gh: Octokit
let nodeId: string

beforeAll(async () => {
  sim = await startGitHubSim({
    repos: [
      { owner: 'acme', name: 'widgets', id: 4242, files: seedFiles() },
      { owner: 'mallory', name: 'widgets', id: 666, files: seedFiles() }
    ],
    tokens: {
      ...defaultTokens(),
      [PULLS_ONLY]: { login: 'github-actions[bot]', kind: 'github_token', permissions: { pull_requests: 'write', contents: 'read' }, workflows: false }
    }
  })
  gh = octokit(sim, APP_TOKEN)
  await sim.commit(REPO, { branch: 'fix', files: { 'docs/a.md': 'a\n' } })
  const pull = await gh.rest.pulls.create({ ...repoParams, head: 'fix', base: 'main', title: 'Fix', draft: true })
  nodeId = pull.data.node_id
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

describe('POST /graphql', () => {
  it('marks a draft pull request ready for review by node id, answering only the fields asked for', async () => {
    const answer = await gh.graphql<{ markPullRequestReadyForReview: { pullRequest: unknown } }>(READY, { id: nodeId })
    expect(answer.markPullRequestReadyForReview.pullRequest).toEqual({ id: nodeId, number: 1, isDraft: false })
    expect((await gh.rest.pulls.get({ ...repoParams, pull_number: 1 })).data.draft).toBe(false)
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: false })
    expect(sim.requests.at(-2)).toMatchObject({ method: 'POST', path: '/graphql', operationId: 'graphql:markPullRequestReadyForReview', status: 200, login: 'ci-monitor[bot]' })
  })

  it('turns it back into a draft, echoing clientMutationId', async () => {
    const answer = await gh.graphql<{ convertPullRequestToDraft: unknown }>(TO_DRAFT, { id: nodeId })
    expect(answer.convertPullRequestToDraft).toEqual({ clientMutationId: 'c1', pullRequest: { isDraft: true } })
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: true })
  })

  it('answers an unknown node with a NOT_FOUND error in GraphQL shape', async () => {
    const failure = (await rejection(gh.graphql(READY, { id: 'PR_nope' }))) as unknown as { errors: unknown[]; data: unknown }
    expect(failure.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['markPullRequestReadyForReview'], message: "Could not resolve to a node with the global id of 'PR_nope'" })])
    expect(failure.data).toEqual({ markPullRequestReadyForReview: null })
  })

  it('refuses a token without contents: write the way GitHub does, and changes nothing', async () => {
    const failure = (await rejection(octokit(sim, PULLS_ONLY).graphql(READY, { id: nodeId }))) as unknown as { errors: unknown[] }
    expect(failure.errors).toEqual([expect.objectContaining({ type: 'FORBIDDEN', message: 'Resource not accessible by integration' })])
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: true })
  })

  it('answers 401 without a known token, and an unknown mutation as an undefined field', async () => {
    const response = await fetch(`${sim.apiUrl}/graphql`, { method: 'POST', body: JSON.stringify({ query: READY, variables: { id: nodeId } }) })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ message: 'Bad credentials' })
    const failure = (await rejection(gh.graphql('mutation { mergePullRequest(input: { pullRequestId: "x" }) { clientMutationId } }'))) as unknown as { errors: unknown[] }
    expect(failure.errors).toEqual([expect.objectContaining({ message: "Field 'mergePullRequest' doesn't exist on type 'Mutation'" })])
  })

  it('takes injected failures like the REST operations', async () => {
    sim.failNext('graphql', { status: 502 })
    const failure = await rejection(gh.graphql(READY, { id: nodeId }))
    expect(failure.status).toBe(502)
    expect(sim.pulls(REPO)[0]).toMatchObject({ draft: true })
  })
})

describe('test hooks', () => {
  it('a fork run names the fork as head repository, in runs and artifacts', async () => {
    const head = (await gh.rest.git.getRef({ owner: 'mallory', repo: 'widgets', ref: 'heads/main' })).data.object.sha
    const run = await sim.addRun(REPO, { headBranch: 'ci-monitor/fix-0123456789abcdef', headSha: head, headRepository: 'mallory/widgets', event: 'pull_request' })
    const data = (await gh.rest.actions.getWorkflowRun({ ...repoParams, run_id: run.id })).data
    expect(data).toMatchObject({ head_branch: 'ci-monitor/fix-0123456789abcdef', head_sha: head, head_repository: { id: 666, full_name: 'mallory/widgets' }, repository: { id: 4242 } })
    const event = await sim.workflowRunEvent(REPO, run.id)
    expect(event).toMatchObject({ workflow_run: { head_repository: { full_name: 'mallory/widgets' } } })
    await expect(sim.addRun(REPO, { headRepository: 'nobody/here' })).rejects.toThrow(/no repository nobody\/here/)
  })

  it('backdates an issue or pull request', async () => {
    const before = Date.parse((await gh.rest.pulls.get({ ...repoParams, pull_number: 1 })).data.created_at)
    sim.backdate(REPO, 1, 30)
    const after = Date.parse((await gh.rest.pulls.get({ ...repoParams, pull_number: 1 })).data.created_at)
    expect(before - after).toBe(30 * 3_600_000)
    expect(() => sim.backdate(REPO, 99, 1)).toThrow(/no issue or pull request #99/)
  })
})
