// Pull requests, issues, comments and labels. Issues and pull requests share one number space;
// a pull request's head and base are real branches of the git store.
import type { Handler, HandlerContext } from '../handler.ts'
import { ApiError, notFound, now, paginate, validationFailed } from '../handler.ts'
import type { IssueModel, PullModel, RepoModel } from '../model.ts'
import { label } from '../resources/common.ts'
import { restCommit } from '../resources/git.ts'
import * as issues from '../resources/issues.ts'
import type { PullGitFacts } from '../resources/issues.ts'

type Pull = IssueModel & { pull: PullModel }
type LabelInput = string | { name?: string }

const isPull = (issue: IssueModel | undefined): issue is Pull => issue?.pull != null

async function branchTip(repo: RepoModel, branch: string): Promise<string | null> {
  return (await repo.git.readRef(`refs/heads/${branch}`))?.sha ?? null
}

/** Reads the branches; a deleted branch keeps the last id GitHub saw, as on GitHub. */
async function gitFacts(repo: RepoModel, pull: PullModel, counters: boolean): Promise<PullGitFacts> {
  pull.headSha = (await branchTip(repo, pull.head)) ?? pull.headSha
  pull.baseSha = (await branchTip(repo, pull.base)) ?? pull.baseSha
  const facts: PullGitFacts = { headSha: pull.headSha, baseSha: pull.baseSha, commits: 0, additions: 0, deletions: 0, changedFiles: 0 }
  if (counters) {
    facts.commits = (await repo.git.commitsBetween(pull.baseSha, pull.headSha)).length
    const from = (await repo.git.mergeBase(pull.baseSha, pull.headSha)) ?? pull.baseSha
    Object.assign(facts, await repo.git.diffStat(from, pull.headSha))
  }
  return facts
}

async function pullJson(ctx: HandlerContext, model: Pull, counters: boolean) {
  const facts = await gitFacts(ctx.repo, model.pull, counters)
  return issues.pullRequest(ctx.core.state, ctx.core.urls, ctx.repo, model, facts, counters)
}

function findIssue(ctx: HandlerContext, param = 'issue_number'): IssueModel {
  const issue = ctx.repo.issues.get(Number(ctx.params[param]))
  if (!issue) throw notFound()
  return issue
}

function findPull(ctx: HandlerContext): Pull {
  const issue = ctx.repo.issues.get(Number(ctx.params.pull_number))
  if (!isPull(issue)) throw notFound()
  return issue
}

/** Creates labels the repository does not have yet (GitHub does the same when labelling). */
function labelNames(repo: RepoModel, inputs: LabelInput[], newId: () => number): string[] {
  const names = inputs.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean)
  for (const name of names) {
    if (!repo.labels.has(name)) repo.labels.set(name, { id: newId(), name, color: 'ededed', description: null })
  }
  return names
}

function newIssue(ctx: HandlerContext, fields: { title: string; body: string | null; labels: string[]; assignees: string[] }): IssueModel {
  const stamp = now()
  const issue: IssueModel = {
    number: ctx.repo.nextNumber++,
    id: ctx.core.state.newId(),
    user: ctx.token.login,
    state: 'open',
    stateReason: null,
    createdAt: stamp,
    updatedAt: stamp,
    closedAt: null,
    pull: null,
    ...fields
  }
  ctx.repo.issues.set(issue.number, issue)
  return issue
}

/** Open/closed transitions shared by issues and pull requests. */
function applyState(issue: IssueModel, state: 'open' | 'closed' | undefined, reason?: IssueModel['stateReason']): void {
  if (state === undefined || state === issue.state) return
  issue.state = state
  issue.closedAt = state === 'closed' ? now() : null
  issue.stateReason = state === 'closed' ? (reason ?? 'completed') : 'reopened'
}

const byCreated = (direction: unknown) => (a: IssueModel, b: IssueModel) =>
  direction === 'asc' ? a.number - b.number : b.number - a.number

export const issueHandlers: Record<string, Handler> = {
  async 'pulls/list'(ctx) {
    const q = ctx.query
    const state = q.state ?? 'open'
    const pulls = [...ctx.repo.issues.values()]
      .filter(isPull)
      .filter((p) => state === 'all' || p.state === state)
      .filter((p) => q.head === undefined || `${ctx.repo.owner}:${p.pull.head}` === q.head)
      .filter((p) => q.base === undefined || p.pull.base === q.base)
      .sort(byCreated(q.direction))
    const page = paginate(ctx, pulls)
    const body = []
    for (const p of page.items) body.push(await pullJson(ctx, p, false))
    return { status: 200, body, headers: page.headers }
  },

  async 'pulls/create'(ctx) {
    const input = ctx.body as { title?: string; body?: string; head: string; base: string; draft?: boolean; maintainer_can_modify?: boolean }
    const { repo } = ctx
    const head = input.head.includes(':') ? input.head.slice(input.head.indexOf(':') + 1) : input.head
    const headSha = await branchTip(repo, head)
    if (!headSha) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' })
    const baseSha = await branchTip(repo, input.base)
    if (!baseSha) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' })
    const open = [...repo.issues.values()].find((i) => isPull(i) && i.state === 'open' && i.pull.head === head && i.pull.base === input.base)
    if (open) {
      throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${head}.` })
    }
    if ((await repo.git.commitsBetween(baseSha, headSha)).length === 0) {
      throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `No commits between ${input.base} and ${head}` })
    }
    if (!input.title) throw validationFailed({ resource: 'Issue', field: 'title', code: 'missing_field' })
    const issue = newIssue(ctx, { title: input.title, body: input.body ?? null, labels: [], assignees: [] })
    issue.pull = {
      id: ctx.core.state.newId(),
      head,
      base: input.base,
      headSha,
      baseSha,
      draft: input.draft ?? false,
      merged: false,
      mergedAt: null,
      mergeCommitSha: null,
      maintainerCanModify: input.maintainer_can_modify ?? true
    }
    const body = await pullJson(ctx, issue as Pull, true)
    return { status: 201, body, headers: { location: body.url as string } }
  },

  async 'pulls/get'(ctx) {
    return { status: 200, body: await pullJson(ctx, findPull(ctx), true) }
  },

  async 'pulls/update'(ctx) {
    const pull = findPull(ctx)
    const input = ctx.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string; maintainer_can_modify?: boolean }
    if (input.base !== undefined) {
      if (!(await branchTip(ctx.repo, input.base))) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' })
      pull.pull.base = input.base
    }
    if (input.title !== undefined) pull.title = input.title
    if (input.body !== undefined) pull.body = input.body
    if (input.maintainer_can_modify !== undefined) pull.pull.maintainerCanModify = input.maintainer_can_modify
    if (pull.pull.merged && input.state === 'open') throw new ApiError(422, 'Cannot reopen a merged pull request')
    applyState(pull, input.state)
    pull.updatedAt = now()
    return { status: 200, body: await pullJson(ctx, pull, true) }
  },

  async 'pulls/list-commits'(ctx) {
    const pull = findPull(ctx)
    const facts = await gitFacts(ctx.repo, pull.pull, false)
    const shas = await ctx.repo.git.commitsBetween(facts.baseSha, facts.headSha)
    const page = paginate(ctx, shas)
    const body = []
    for (const sha of page.items) {
      const commit = await ctx.repo.git.readCommit(sha)
      if (commit) body.push(restCommit(ctx.core.state, ctx.core.urls, ctx.repo, commit))
    }
    return { status: 200, body, headers: page.headers }
  },

  async 'issues/create'(ctx) {
    const input = ctx.body as { title: string | number; body?: string | null; labels?: LabelInput[]; assignees?: string[] }
    const issue = newIssue(ctx, {
      title: String(input.title),
      body: input.body ?? null,
      labels: labelNames(ctx.repo, input.labels ?? [], () => ctx.core.state.newId()),
      assignees: input.assignees ?? []
    })
    const body = issues.issue(ctx.core.state, ctx.core.urls, ctx.repo, issue)
    return { status: 201, body, headers: { location: body.url as string } }
  },

  async 'issues/list-for-repo'(ctx) {
    const q = ctx.query
    const state = q.state ?? 'open'
    const wanted = typeof q.labels === 'string' && q.labels !== '' ? q.labels.split(',') : []
    const list = [...ctx.repo.issues.values()]
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => wanted.every((name) => i.labels.includes(name)))
      .filter((i) => q.creator === undefined || i.user === q.creator)
      .filter((i) => q.since === undefined || i.updatedAt >= String(q.since))
      .sort(byCreated(q.direction))
    const page = paginate(ctx, list)
    return {
      status: 200,
      body: page.items.map((i) => issues.issue(ctx.core.state, ctx.core.urls, ctx.repo, i)),
      headers: page.headers
    }
  },

  async 'issues/get'(ctx) {
    return { status: 200, body: issues.issue(ctx.core.state, ctx.core.urls, ctx.repo, findIssue(ctx)) }
  },

  async 'issues/update'(ctx) {
    const issue = findIssue(ctx)
    const input = ctx.body as {
      title?: string | number | null
      body?: string | null
      state?: 'open' | 'closed'
      state_reason?: 'completed' | 'not_planned' | 'reopened' | null
      labels?: LabelInput[]
      assignees?: string[]
    }
    if (input.title !== undefined && input.title !== null) issue.title = String(input.title)
    if (input.body !== undefined) issue.body = input.body
    if (input.labels !== undefined) issue.labels = labelNames(ctx.repo, input.labels, () => ctx.core.state.newId())
    if (input.assignees !== undefined) issue.assignees = input.assignees
    applyState(issue, input.state, input.state_reason ?? undefined)
    issue.updatedAt = now()
    return { status: 200, body: issues.issue(ctx.core.state, ctx.core.urls, ctx.repo, issue) }
  },

  async 'issues/create-comment'(ctx) {
    const issue = findIssue(ctx)
    const stamp = now()
    const comment = {
      id: ctx.core.state.newId(),
      issueNumber: issue.number,
      body: (ctx.body as { body: string }).body,
      user: ctx.token.login,
      createdAt: stamp,
      updatedAt: stamp
    }
    ctx.repo.comments.set(comment.id, comment)
    issue.updatedAt = stamp
    const body = issues.issueComment(ctx.core.state, ctx.core.urls, ctx.repo, comment)
    return { status: 201, body, headers: { location: body.url as string } }
  },

  async 'issues/list-comments'(ctx) {
    const issue = findIssue(ctx)
    const since = ctx.query.since === undefined ? '' : String(ctx.query.since)
    const comments = [...ctx.repo.comments.values()]
      .filter((c) => c.issueNumber === issue.number && c.updatedAt >= since)
      .sort((a, b) => a.id - b.id)
    const page = paginate(ctx, comments)
    return {
      status: 200,
      body: page.items.map((c) => issues.issueComment(ctx.core.state, ctx.core.urls, ctx.repo, c)),
      headers: page.headers
    }
  },

  async 'issues/update-comment'(ctx) {
    const comment = ctx.repo.comments.get(Number(ctx.params.comment_id))
    if (!comment) throw notFound()
    comment.body = (ctx.body as { body: string }).body
    comment.updatedAt = now()
    return { status: 200, body: issues.issueComment(ctx.core.state, ctx.core.urls, ctx.repo, comment) }
  },

  async 'issues/add-labels'(ctx) {
    const issue = findIssue(ctx)
    const input = ctx.body as { labels?: LabelInput[] } | LabelInput[] | undefined
    const requested = Array.isArray(input) ? input : (input?.labels ?? [])
    for (const name of labelNames(ctx.repo, requested, () => ctx.core.state.newId())) {
      if (!issue.labels.includes(name)) issue.labels.push(name)
    }
    issue.updatedAt = now()
    const body = issue.labels.flatMap((name) => {
      const model = ctx.repo.labels.get(name)
      return model ? [label(ctx.core.urls, ctx.repo, model)] : []
    })
    return { status: 200, body }
  }
}
