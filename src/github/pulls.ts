import { httpStatus, type Octokit, type Repo } from './client.js'

export interface PullRef {
  number: number
  url: string
}

/** The open pull request whose head is `branch` in this repository, if any. */
export async function findOpenPull(octokit: Octokit, repo: Repo, branch: string): Promise<PullRef | null> {
  const { data } = await octokit.rest.pulls.list({ ...repo, state: 'open', head: `${repo.owner}:${branch}`, per_page: 10 })
  const pull = data.find((p) => p.head.ref === branch)
  return pull ? { number: pull.number, url: pull.html_url } : null
}

export async function createPull(
  octokit: Octokit,
  repo: Repo,
  options: { head: string; base: string; title: string; body: string; draft: boolean }
): Promise<PullRef> {
  try {
    const { data } = await octokit.rest.pulls.create({ ...repo, ...options })
    return { number: data.number, url: data.html_url }
  } catch (error) {
    // Another run opened it a moment ago: use that one.
    if (httpStatus(error) === 422 && /already exists/i.test(error instanceof Error ? error.message : '')) {
      const existing = await findOpenPull(octokit, repo, options.head)
      if (existing) return existing
    }
    throw error
  }
}

export async function updatePull(octokit: Octokit, repo: Repo, number: number, options: { title: string; body: string }): Promise<void> {
  await octokit.rest.pulls.update({ ...repo, pull_number: number, ...options })
}

export async function addLabels(octokit: Octokit, repo: Repo, issueNumber: number, labels: string[]): Promise<void> {
  await octokit.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels })
}
