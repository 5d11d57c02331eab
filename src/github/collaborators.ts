import { httpStatus, type Octokit, type Repo } from './client.js'

/** A user's access to the repository: GitHub's role name (may be a custom role) and the legacy level. */
export interface RepositoryAccess {
  role: string
  /** `admin`, `write`, `read` or `none` (maintain reports as write, triage as read). */
  permission: string
}

/** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`; an unknown user has no access. */
export async function repositoryAccess(octokit: Octokit, repo: Repo, login: string): Promise<RepositoryAccess> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login })
    return { role: data.role_name, permission: data.permission }
  } catch (error) {
    if (httpStatus(error) === 404) return { role: 'none', permission: 'none' }
    throw error
  }
}

const DECIDING_ROLES = new Set(['admin', 'maintain', 'write'])
const DECIDING_PERMISSIONS = new Set(['admin', 'write'])

/**
 * Write, maintain or admin may decide. A custom role is judged by the base level GitHub reports
 * for it in `permission`, so a custom role built on write counts and one built on triage does not.
 */
export function mayDecide(access: RepositoryAccess): boolean {
  return DECIDING_ROLES.has(access.role) || DECIDING_PERMISSIONS.has(access.permission)
}
