import type { Octokit } from './client.js'

/**
 * The login the token acts as (`github-actions[bot]`, `my-app[bot]`, a user), for the audit
 * trail. GraphQL's `viewer` is the one call that answers for a PAT and an App installation token
 * alike (`GET /user` refuses installation tokens). Null when it cannot be learned: the audit entry
 * is still written, it just cannot name the token.
 */
export async function tokenLogin(octokit: Octokit): Promise<string | null> {
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }')
    return typeof answer.viewer?.login === 'string' ? answer.viewer.login : null
  } catch {
    return null
  }
}
