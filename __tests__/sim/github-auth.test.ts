// Tokens and permissions: 401 without a known token, 403 with x-accepted-github-permissions for a
// missing permission, and the workflow-file guard per token kind.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { defaultTokens, startGitHubSim } from './github/index.ts'
import type { GitHubSim } from './github/index.ts'
import { APP_TOKEN, CI_WORKFLOW, GITHUB_TOKEN, PAT, REPO, git, octokit, rejection, repoParams, seedFiles } from './github-support.ts'

const READ_ONLY = 'ghs_sim_read_only'
const PAT_WITHOUT_WORKFLOW = 'ghp_sim_no_workflow_scope'
const NO_PULLS = 'ghs_sim_no_pulls'
const ACTIONS_ONLY = 'ghs_sim_actions_only'

let sim: GitHubSim

beforeAll(async () => {
  sim = await startGitHubSim({
    repos: [{ owner: 'acme', name: 'widgets', files: seedFiles() }],
    tokens: {
      ...defaultTokens(),
      [READ_ONLY]: { login: 'github-actions[bot]', kind: 'github_token', permissions: { contents: 'read', actions: 'read' }, workflows: false },
      [PAT_WITHOUT_WORKFLOW]: { login: 'octocat', kind: 'pat', permissions: { contents: 'write' }, workflows: false },
      [NO_PULLS]: { login: 'github-actions[bot]', kind: 'github_token', permissions: { contents: 'write', issues: 'write' }, workflows: false },
      [ACTIONS_ONLY]: { login: 'github-actions[bot]', kind: 'github_token', permissions: { actions: 'read' }, workflows: false }
    }
  })
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

describe('credentials', () => {
  it('answers 401 Bad credentials without a token or with an unknown one', async () => {
    const anonymous = await fetch(`${sim.apiUrl}/repos/${REPO}`)
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { message: string }).message).toBe('Bad credentials')
    const unknown = await rejection(octokit(sim, 'ghs_not_issued').rest.repos.get(repoParams))
    expect(unknown.status).toBe(401)
    expect(sim.requests.at(-1)).toMatchObject({ status: 401, tokenKind: null })
  })

  it('sends the headers Octokit relies on', async () => {
    const first = await octokit(sim, APP_TOKEN).rest.repos.get(repoParams)
    const second = await octokit(sim, APP_TOKEN).rest.repos.get(repoParams)
    expect(first.headers['x-github-request-id']).toMatch(/^[0-9A-F]+:[0-9A-F]+$/)
    expect(first.headers['x-ratelimit-limit']).toBe('5000')
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(Number(first.headers['x-ratelimit-remaining']) - 1)
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8')
    const github = await octokit(sim, GITHUB_TOKEN).rest.repos.get(repoParams)
    expect(github.headers['x-ratelimit-limit']).toBe('1000')
  })
})

describe('permissions', () => {
  it('answers 403 with the permissions that would have worked', async () => {
    const blob = await rejection(octokit(sim, READ_ONLY).rest.git.createBlob({ ...repoParams, content: 'x' }))
    expect(blob.status).toBe(403)
    expect(blob.message).toContain('Resource not accessible by integration')
    expect(blob.response.headers['x-accepted-github-permissions']).toBe('contents=write')

    const comment = await rejection(octokit(sim, READ_ONLY).rest.issues.createComment({ ...repoParams, issue_number: 1, body: 'x' }))
    expect(comment.response.headers['x-accepted-github-permissions']).toBe('issues=write; pull_requests=write')

    const pulls = await rejection(octokit(sim, NO_PULLS).rest.pulls.list(repoParams))
    expect(pulls.response.headers['x-accepted-github-permissions']).toBe('pull_requests=read')

    const zipball = await rejection(octokit(sim, ACTIONS_ONLY).rest.repos.downloadZipballArchive({ ...repoParams, ref: 'main' }))
    expect(zipball.status).toBe(403)
    expect(zipball.response.headers['x-accepted-github-permissions']).toBe('contents=read')
    expect((await octokit(sim, READ_ONLY).rest.repos.downloadZipballArchive({ ...repoParams, ref: 'main' })).status).toBe(200)
    // what the token has still works
    expect((await octokit(sim, READ_ONLY).rest.actions.listWorkflowRunsForRepo(repoParams)).status).toBe(200)
  })

  it('words the 403 for a personal access token as GitHub does', async () => {
    const refused = await rejection(octokit(sim, PAT_WITHOUT_WORKFLOW).rest.issues.create({ ...repoParams, title: 'x' }))
    expect(refused.status).toBe(403)
    expect(refused.message).toContain('Resource not accessible by personal access token')
  })
})

describe('workflow files', () => {
  async function treeChangingWorkflow(token: string) {
    const gh = octokit(sim, token)
    const ref = await gh.rest.git.getRef({ ...repoParams, ref: 'heads/main' })
    const commit = await gh.rest.git.getCommit({ ...repoParams, commit_sha: ref.data.object.sha })
    return gh.rest.git.createTree({
      ...repoParams,
      base_tree: commit.data.tree.sha,
      tree: [{ path: '.github/workflows/ci.yml', mode: '100644', type: 'blob', content: CI_WORKFLOW.replace('npm test', 'npm test -- --ci') }]
    })
  }

  it('refuses a GITHUB_TOKEN tree that changes .github/workflows with 403', async () => {
    const refused = await rejection(treeChangingWorkflow(GITHUB_TOKEN))
    expect(refused.status).toBe(403)
    expect(refused.message).toContain('Resource not accessible by integration')
  })

  it('refuses a classic PAT without the workflow scope with 404', async () => {
    const refused = await rejection(treeChangingWorkflow(PAT_WITHOUT_WORKFLOW))
    expect(refused.status).toBe(404)
  })

  it('accepts the same tree from an App token or a PAT with workflows permission', async () => {
    for (const token of [APP_TOKEN, PAT]) {
      const tree = await treeChangingWorkflow(token)
      expect(tree.status).toBe(201)
      expect(await git(sim, 'cat-file', '-t', tree.data.sha)).toBe('tree')
    }
  })

  it('lets a GITHUB_TOKEN change other files', async () => {
    const gh = octokit(sim, GITHUB_TOKEN)
    const ref = await gh.rest.git.getRef({ ...repoParams, ref: 'heads/main' })
    const commit = await gh.rest.git.getCommit({ ...repoParams, commit_sha: ref.data.object.sha })
    const tree = await gh.rest.git.createTree({
      ...repoParams,
      base_tree: commit.data.tree.sha,
      tree: [{ path: '.github/dependabot.yml', mode: '100644', type: 'blob', content: 'version: 2\n' }]
    })
    expect(tree.status).toBe(201)
  })

  it('applies the same rule to the contents API', async () => {
    const content = Buffer.from('name: new\non: push\n').toString('base64')
    const write = (token: string) =>
      octokit(sim, token).rest.repos.createOrUpdateFileContents({ ...repoParams, path: '.github/workflows/new.yml', message: 'Add workflow', content })
    expect((await rejection(write(GITHUB_TOKEN))).status).toBe(403)
    expect((await rejection(write(PAT_WITHOUT_WORKFLOW))).status).toBe(404)
    expect((await write(APP_TOKEN)).status).toBe(201)
    expect(await git(sim, 'show', 'main:.github/workflows/new.yml')).toBe('name: new\non: push')
  })
})
