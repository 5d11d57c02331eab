// The contract check against GitHub's OpenAPI description, proven both ways (what the simulator
// builds passes; what breaks the description is caught), every operation served, and injected
// failures.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { loadContract, primaryRateLimit, secondaryRateLimit, startGitHubSim } from './github/index.ts'
import type { Contract, GitHubSim } from './github/index.ts'
import { APP_TOKEN, REPO, git, octokit, rejection, repoParams, seedFiles } from './github-support.ts'
import type { Octokit } from './github-support.ts'

let sim: GitHubSim
let gh: Octokit
let contract: Contract

beforeAll(async () => {
  sim = await startGitHubSim({ repos: [{ owner: 'acme', name: 'widgets', files: seedFiles() }] })
  gh = octokit(sim, APP_TOKEN)
  contract = await loadContract()
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

describe('requests that break the description', () => {
  it('answers 422 as GitHub does and records the violation', async () => {
    // Typed Octokit would not let this through; the untyped route form sends it as is.
    const invalid = await rejection(gh.request({ method: 'POST', url: '/repos/{owner}/{repo}/git/blobs', ...repoParams, encoding: 'utf-8' }))
    expect(invalid.status).toBe(422)
    expect((invalid.response.data as { message: string }).message).toBe('Invalid request.\n\n"content" wasn\'t supplied.')
    expect(sim.violations).toEqual([
      {
        operationId: 'git/create-blob',
        direction: 'request',
        errors: [expect.objectContaining({ message: "must have required property 'content'" })]
      }
    ])
    sim.violations.length = 0
  })
})

describe('responses', () => {
  it('passes for what the factories build and fails for a broken copy', async () => {
    await sim.commit(REPO, { branch: 'topic', files: { 'a.txt': 'a\n' } })
    const pull = (await gh.rest.pulls.create({ ...repoParams, head: 'topic', base: 'main', title: 'Topic' })).data
    expect(contract.checkResponse('pulls/get', 200, pull)).toEqual([])

    const { head: _head, ...headless } = pull
    expect(contract.checkResponse('pulls/get', 200, headless)).toEqual([expect.objectContaining({ message: "must have required property 'head'" })])
    expect(contract.checkResponse('git/create-blob', 201, { sha: 'abc' })).toEqual([
      expect.objectContaining({ message: "must have required property 'url'" })
    ])
    expect(contract.checkResponse('actions/get-workflow-run', 200, { id: 'not a number' }).length).toBeGreaterThan(0)
  })

  it('builds workflow_run events that match the webhook schema, and catches ones that do not', async () => {
    const run = await sim.addRun(REPO, { jobs: [{ name: 'test', log: 'boom\n' }] })
    const event = await sim.workflowRunEvent(REPO, run.id)
    expect(event).toMatchObject({ action: 'completed', workflow_run: { id: run.id, conclusion: 'failure' }, repository: { full_name: REPO } })
    expect(contract.checkWebhook('workflow-run-completed', event)).toEqual([])
    const broken = { ...event, workflow_run: { ...(event.workflow_run as object), id: 'x' } }
    expect(contract.checkWebhook('workflow-run-completed', broken).length).toBeGreaterThan(0)
  })
})

describe('coverage', () => {
  it('serves every operation in the description subset without a violation', async () => {
    const subset = JSON.parse(await readFile(new URL('./github/openapi-subset.json', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, { operationId: string }>>
    }
    const operations = Object.values(subset.paths).flatMap((item) => Object.values(item).map((op) => op.operationId))

    const main = await git(sim, 'rev-parse', 'main')
    const tree = await git(sim, 'rev-parse', 'main^{tree}')
    const run = await sim.addRun(REPO, { jobs: [{ name: 'test', log: 'x\n' }], artifacts: [{ name: 'a', zip: Buffer.from('PK') }] })
    sim.addCache(REPO, { key: 'k', ref: 'refs/heads/main' })
    const blob = (await gh.rest.git.createBlob({ ...repoParams, content: 'x' })).data
    await gh.rest.git.getBlob({ ...repoParams, file_sha: blob.sha })
    const newTree = (await gh.rest.git.createTree({ ...repoParams, base_tree: tree, tree: [{ path: 'x', mode: '100644', type: 'blob', sha: blob.sha }] })).data
    await gh.rest.git.getTree({ ...repoParams, tree_sha: newTree.sha })
    const commit = (await gh.rest.git.createCommit({ ...repoParams, message: 'x', tree: newTree.sha, parents: [main] })).data
    await gh.rest.git.getCommit({ ...repoParams, commit_sha: commit.sha })
    await gh.rest.git.createRef({ ...repoParams, ref: 'refs/heads/tour', sha: main })
    await gh.rest.git.updateRef({ ...repoParams, ref: 'heads/tour', sha: commit.sha })
    await gh.rest.git.getRef({ ...repoParams, ref: 'heads/tour' })
    await gh.rest.git.listMatchingRefs({ ...repoParams, ref: 'heads/' })
    await gh.rest.git.deleteRef({ ...repoParams, ref: 'heads/tour' })
    await gh.rest.repos.get(repoParams)
    await gh.rest.repos.getBranch({ ...repoParams, branch: 'main' })
    await gh.rest.repos.getContent({ ...repoParams, path: 'README.md' })
    await gh.rest.repos.createOrUpdateFileContents({ ...repoParams, path: 'tour.md', message: 'x', content: 'eA==' })
    await gh.rest.repos.getCollaboratorPermissionLevel({ ...repoParams, username: 'acme' })
    await gh.rest.repos.downloadZipballArchive({ ...repoParams, ref: 'main' })
    const workflowId = (await gh.rest.actions.getWorkflowRun({ ...repoParams, run_id: run.id })).data.workflow_id
    await gh.rest.actions.getWorkflow({ ...repoParams, workflow_id: workflowId })
    await gh.rest.actions.getWorkflowRunAttempt({ ...repoParams, run_id: run.id, attempt_number: 1 })
    await gh.rest.actions.listWorkflowRuns({ ...repoParams, workflow_id: workflowId })
    await gh.rest.actions.listWorkflowRunsForRepo(repoParams)
    await gh.rest.actions.listJobsForWorkflowRun({ ...repoParams, run_id: run.id })
    await gh.rest.actions.listJobsForWorkflowRunAttempt({ ...repoParams, run_id: run.id, attempt_number: 1 })
    await gh.rest.actions.getJobForWorkflowRun({ ...repoParams, job_id: run.jobs[0].id })
    await gh.rest.actions.downloadJobLogsForWorkflowRun({ ...repoParams, job_id: run.jobs[0].id })
    await gh.rest.actions.listWorkflowRunArtifacts({ ...repoParams, run_id: run.id })
    await gh.rest.actions.downloadArtifact({ ...repoParams, artifact_id: run.artifacts[0].id, archive_format: 'zip' })
    await gh.rest.actions.getActionsCacheList({ ...repoParams, key: 'k' })
    await gh.rest.actions.deleteActionsCacheByKey({ ...repoParams, key: 'k' })
    await gh.rest.actions.reRunJobForWorkflowRun({ ...repoParams, job_id: run.jobs[0].id })
    sim.finishAttempt(REPO, run.id, { conclusion: 'failure' })
    await gh.rest.actions.reRunWorkflowFailedJobs({ ...repoParams, run_id: run.id })
    await sim.commit(REPO, { branch: 'tour-pr', files: { 'y.txt': 'y\n' } })
    const pull = (await gh.rest.pulls.create({ ...repoParams, head: 'tour-pr', base: 'main', title: 'Tour' })).data
    await gh.rest.pulls.list(repoParams)
    await gh.rest.pulls.get({ ...repoParams, pull_number: pull.number })
    await gh.rest.pulls.update({ ...repoParams, pull_number: pull.number, body: 'b' })
    await gh.rest.pulls.listCommits({ ...repoParams, pull_number: pull.number })
    const issue = (await gh.rest.issues.create({ ...repoParams, title: 'Tour' })).data
    await gh.rest.issues.listForRepo(repoParams)
    await gh.rest.issues.get({ ...repoParams, issue_number: issue.number })
    await gh.rest.issues.update({ ...repoParams, issue_number: issue.number, state: 'closed' })
    const comment = (await gh.rest.issues.createComment({ ...repoParams, issue_number: issue.number, body: 'c' })).data
    await gh.rest.issues.listComments({ ...repoParams, issue_number: issue.number })
    await gh.rest.issues.updateComment({ ...repoParams, comment_id: comment.id, body: 'd' })
    await gh.rest.issues.addLabels({ ...repoParams, issue_number: issue.number, labels: ['l'] })

    const served = new Set(sim.requests.filter((r) => r.status < 400).map((r) => r.operationId))
    expect(operations.filter((op) => !served.has(op))).toEqual([])
    expect(sim.violations).toEqual([])
  })
})

describe('injected failures', () => {
  it('answers the next calls with the failure, then recovers', async () => {
    sim.failNext('repos/get', { status: 502, times: 2 })
    expect((await rejection(gh.rest.repos.get(repoParams))).status).toBe(502)
    expect((await rejection(gh.rest.repos.get(repoParams))).status).toBe(502)
    expect((await gh.rest.repos.get(repoParams)).status).toBe(200)
  })

  it('imitates GitHub rate limit answers', async () => {
    sim.failNext('*', secondaryRateLimit(7))
    const secondary = await rejection(gh.rest.issues.listForRepo(repoParams))
    expect(secondary.status).toBe(403)
    expect(secondary.message).toMatch(/secondary rate limit/)
    expect(secondary.response.headers['retry-after']).toBe('7')

    sim.failNext('pulls/list', primaryRateLimit(60))
    const primary = await rejection(gh.rest.pulls.list(repoParams))
    expect(primary.response.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(primary.response.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
  })

  it('can fail a write after applying it, like a timeout after the ref moved', async () => {
    const main = await git(sim, 'rev-parse', 'main')
    const tree = await git(sim, 'rev-parse', 'main^{tree}')
    const commit = (await gh.rest.git.createCommit({ ...repoParams, message: 'late ack', tree, parents: [main] })).data
    sim.failNext('git/update-ref', { status: 502, afterApplying: true })
    expect((await rejection(gh.rest.git.updateRef({ ...repoParams, ref: 'heads/main', sha: commit.sha }))).status).toBe(502)
    expect(await git(sim, 'rev-parse', 'main')).toBe(commit.sha)
  })

  it('works with the retry plugin the action uses', async () => {
    const retrying = getOctokit(APP_TOKEN, { baseUrl: sim.apiUrl, retry: { retryAfterBaseValue: 10 } }, retry)
    sim.failNext('repos/get', { status: 500 })
    const before = sim.requests.length
    expect((await retrying.rest.repos.get(repoParams)).status).toBe(200)
    expect(sim.requests.slice(before).map((r) => r.status)).toEqual([500, 200])
  })
})
