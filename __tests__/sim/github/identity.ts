// Who a write is attributed to when the client does not say.
import type { GitPerson } from './git-store.ts'
import { isoSeconds } from './git-store.ts'
import type { SimState } from './model.ts'
import type { TokenSpec } from './types.ts'

interface PersonInput {
  name?: string
  email?: string
  date?: string
}

/**
 * GitHub's defaults for `POST /git/commits` and the contents API: the author is the authenticated
 * identity at the current time; the committer defaults to the author.
 */
export function commitPeople(
  state: SimState,
  token: TokenSpec,
  author: PersonInput | undefined,
  committer: PersonInput | undefined,
  now: string
): { author: GitPerson; committer: GitPerson } {
  const self: GitPerson = { name: token.login, email: state.noreplyEmail(token.login), date: now }
  const fill = (input: PersonInput | undefined, fallback: GitPerson): GitPerson =>
    input
      ? {
          name: input.name ?? fallback.name,
          email: input.email ?? fallback.email,
          date: input.date ? isoSeconds(new Date(input.date)) : now
        }
      : fallback
  const resolvedAuthor = fill(author, self)
  return { author: resolvedAuthor, committer: fill(committer, resolvedAuthor) }
}
