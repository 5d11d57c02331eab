// Pull requests, issues, comments, labels and collaborators in the simulator.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubSim } from './github/index.ts'
import type { GitHubSim } from './github/index.ts'
import { APP_TOKEN, REPO, git, octokit, rejection, repoParams, seedFiles } from './github-support.ts'
import type { Octokit } from './github-support.ts'

let sim: GitHubSim
let gh: Octokit

beforeAll(async () => {
  sim = await startGitHubSim({
    repos: [{ owner: 'acme', name: 'widgets', files: seedFiles(), collaborators: { 'dev-one': 'write', 'triager': 'triage' } }]
  })
  gh = octokit(sim, APP_TOKEN)
})

afterAll(async () => {
  const violations = [...sim.violations]
  await sim.close()
  expect(violations).toEqual([])
})

describe('pull requests', () => {
  it('opens a draft pull request between real branches', async () => {
    await sim.commit(REPO, { branch: 'ci-monitor/fix-1', files: { '.github/workflows/ci.yml': 'name: CI\non: push\n', 'docs/why.md': 'because\n' } })
    const created = await gh.rest.pulls.create({ ...repoParams, head: 'ci-monitor/fix-1', base: 'main', title: 'Fix CI', body: 'Details', draft: true })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ number: 1, state: 'open', draft: true, merged: false, commits: 1, changed_files: 2 })
    expect(created.data.head.sha).toBe(await git(sim, 'rev-parse', 'ci-monitor/fix-1'))
    expect(created.data.base.sha).toBe(await git(sim, 'rev-parse', 'main'))
    expect(created.data.user?.login).toBe('ci-monitor[bot]')
    expect(sim.pulls(REPO)).toEqual([
      expect.objectContaining({ number: 1, head: 'ci-monitor/fix-1', base: 'main', draft: true, state: 'open', user: 'ci-monitor[bot]' })
    ])

    const commits = (await gh.rest.pulls.listCommits({ ...repoParams, pull_number: 1 })).data
    expect(commits.map((c) => c.sha)).toEqual([created.data.head.sha])
  })

  it('refuses a second open pull request for the same head with GitHub message', async () => {
    const duplicate = await rejection(gh.rest.pulls.create({ ...repoParams, head: 'acme:ci-monitor/fix-1', base: 'main', title: 'Again' }))
    expect(duplicate.status).toBe(422)
    expect(duplicate.message).toContain('A pull request already exists for acme:ci-monitor/fix-1.')
  })

  it('refuses branches without commits or that do not exist', async () => {
    await gh.rest.git.createRef({ ...repoParams, ref: 'refs/heads/empty', sha: await git(sim, 'rev-parse', 'main') })
    const empty = await rejection(gh.rest.pulls.create({ ...repoParams, head: 'empty', base: 'main', title: 'Nothing' }))
    expect(empty.message).toContain('No commits between main and empty')
    const missing = await rejection(gh.rest.pulls.create({ ...repoParams, head: 'nope', base: 'main', title: 'Nothing' }))
    expect(missing.status).toBe(422)
  })

  it('finds pull requests by head and state, follows the branch, and updates them', async () => {
    const byHead = (await gh.rest.pulls.list({ ...repoParams, head: 'acme:ci-monitor/fix-1' })).data
    expect(byHead.map((p) => p.number)).toEqual([1])
    expect((await gh.rest.pulls.list({ ...repoParams, head: 'acme:other' })).data).toEqual([])

    const pushed = await sim.commit(REPO, { branch: 'ci-monitor/fix-1', files: { 'docs/why.md': 'because, really\n' } })
    const updated = await gh.rest.pulls.update({ ...repoParams, pull_number: 1, title: 'Fix CI (v2)', body: 'More details' })
    expect(updated.data).toMatchObject({ title: 'Fix CI (v2)', body: 'More details', commits: 2 })
    expect(updated.data.head.sha).toBe(pushed)

    const closed = await gh.rest.pulls.update({ ...repoParams, pull_number: 1, state: 'closed' })
    expect(closed.data).toMatchObject({ state: 'closed', merged: false })
    expect((await gh.rest.pulls.list(repoParams)).data).toEqual([])
    expect((await gh.rest.pulls.list({ ...repoParams, state: 'closed' })).data.map((p) => p.number)).toEqual([1])
    await gh.rest.pulls.update({ ...repoParams, pull_number: 1, state: 'open' })
  })

  it('lets tests merge or close a pull request', async () => {
    sim.closePull(REPO, 1, { merged: true })
    const pull = (await gh.rest.pulls.get({ ...repoParams, pull_number: 1 })).data
    expect(pull).toMatchObject({ state: 'closed', merged: true })
    expect(pull.merged_at).not.toBeNull()
    expect(sim.pulls(REPO)[0]).toMatchObject({ state: 'closed', merged: true })
    const reopen = await rejection(gh.rest.pulls.update({ ...repoParams, pull_number: 1, state: 'open' }))
    expect(reopen.status).toBe(422)
  })
})

describe('issues, comments and labels', () => {
  it('comments on a pull request and edits the comment', async () => {
    const comment = await gh.rest.issues.createComment({ ...repoParams, issue_number: 1, body: 'ci-monitor: still failing' })
    expect(comment.status).toBe(201)
    expect(comment.data.html_url).toContain('/pull/1#issuecomment-')
    await gh.rest.issues.updateComment({ ...repoParams, comment_id: comment.data.id, body: 'ci-monitor: fixed' })
    expect(sim.comments(REPO, 1)).toEqual([{ id: comment.data.id, issueNumber: 1, body: 'ci-monitor: fixed', user: 'ci-monitor[bot]' }])
    const listed = (await gh.rest.issues.listComments({ ...repoParams, issue_number: 1 })).data
    expect(listed.map((c) => c.body)).toEqual(['ci-monitor: fixed'])
    expect((await rejection(gh.rest.issues.createComment({ ...repoParams, issue_number: 99, body: 'x' }))).status).toBe(404)
  })

  it('creates labels as it applies them', async () => {
    const labels = (await gh.rest.issues.addLabels({ ...repoParams, issue_number: 1, labels: ['ci-monitor', 'devops'] })).data
    expect(labels.map((l) => l.name)).toEqual(['ci-monitor', 'devops'])
    const again = (await gh.rest.issues.addLabels({ ...repoParams, issue_number: 1, labels: ['ci-monitor'] })).data
    expect(again.map((l) => l.name)).toEqual(['ci-monitor', 'devops'])
    expect(sim.pulls(REPO)[0].labels).toEqual(['ci-monitor', 'devops'])
    // labels made on the fly have no description: null, in pull request lists too
    const listed = (await gh.rest.pulls.list({ ...repoParams, state: 'all' })).data
    expect(listed[0].labels.map((l) => [l.name, l.description])).toEqual([
      ['ci-monitor', null],
      ['devops', null]
    ])
  })

  it('opens, lists, filters and closes issues next to pull requests', async () => {
    const issue = await gh.rest.issues.create({ ...repoParams, title: 'Flaky test in CI', body: 'Seen twice', labels: ['flaky'] })
    expect(issue.data).toMatchObject({ number: 2, state: 'open', state_reason: null })
    const all = (await gh.rest.issues.listForRepo({ ...repoParams, state: 'all' })).data
    expect(all.map((i) => [i.number, i.pull_request === undefined])).toEqual([
      [2, true],
      [1, false]
    ])
    expect((await gh.rest.issues.listForRepo({ ...repoParams, labels: 'flaky' })).data.map((i) => i.number)).toEqual([2])

    const closed = await gh.rest.issues.update({ ...repoParams, issue_number: 2, state: 'closed', state_reason: 'not_planned' })
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    expect((await gh.rest.issues.get({ ...repoParams, issue_number: 2 })).data.closed_at).not.toBeNull()
    expect(sim.issues(REPO).map((i) => [i.number, i.state, i.isPullRequest])).toEqual([
      [1, 'closed', true],
      [2, 'closed', false]
    ])
  })
})

describe('collaborators', () => {
  it('reports permission levels for owners, collaborators and strangers', async () => {
    const level = async (username: string) => (await gh.rest.repos.getCollaboratorPermissionLevel({ ...repoParams, username })).data
    expect(await level('acme')).toMatchObject({ permission: 'admin', role_name: 'admin' })
    expect(await level('dev-one')).toMatchObject({ permission: 'write', role_name: 'write' })
    expect(await level('triager')).toMatchObject({ permission: 'read', role_name: 'triage' })
    expect(await level('stranger')).toMatchObject({ permission: 'none' })
  })
})
