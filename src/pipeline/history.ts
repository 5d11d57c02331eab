import type { Logger } from '../log/logger.js'
import type { Octokit, Repo } from '../github/client.js'
import { readFile } from '../github/contents.js'
import type { HistoryFacts } from '../notify/format.js'
import { fingerprintPath, parseFingerprintDoc, type FingerprintDoc, type FlakyEvent } from '../state/fingerprints.js'

/** What the state branch knows about a failure fingerprint before this run. */
export interface FailureHistory {
  /** Analysed occurrences before this run. */
  seen: number
  firstSeen: string | null
  /** Times the same commit failed this way and then passed on a re-run: the failure is flaky. */
  flaky: FlakyEvent[]
  pulls: { number: number; url: string }[]
  /** The memoised LLM verdict, unvalidated (the LLM module validates it). */
  llmMemo: unknown
}

export const NO_HISTORY: FailureHistory = { seen: 0, firstSeen: null, flaky: [], pulls: [], llmMemo: null }

/**
 * Reads the fingerprint documents from the state branch. A missing branch or document means no
 * history; a broken one is reported and treated as none (the writer quarantines it).
 */
export async function loadHistory(
  octokit: Octokit,
  repo: Repo,
  stateBranch: string,
  fingerprints: string[],
  log: Logger,
  run: RunAttempt | null = null
): Promise<Map<string, FailureHistory>> {
  const history = new Map<string, FailureHistory>()
  for (const fingerprint of new Set(fingerprints)) {
    let text: string | null
    try {
      text = await readFile(octokit, repo, fingerprintPath(fingerprint), stateBranch)
    } catch (error) {
      log.warning(`Could not read the history of ${fingerprint}: ${error instanceof Error ? error.message : String(error)}`)
      continue
    }
    if (text === null) continue
    const parsed = parseFingerprintDoc(text)
    if (!parsed.ok) {
      log.warning(`${fingerprintPath(fingerprint)} on '${stateBranch}' ${parsed.problem}; its history is not used.`)
      continue
    }
    history.set(fingerprint, historyOf(parsed.doc, run))
  }
  return history
}

export interface RunAttempt {
  id: number
  attempt: number
}

/**
 * What a fingerprint's document says happened before `run`: an earlier analysis of the same run
 * attempt (a re-delivered event, a re-analysis) is not history of the failure.
 */
export function historyOf(doc: FingerprintDoc, run: RunAttempt | null): FailureHistory {
  const own = run ? doc.occurrences.filter((o) => o.run_id === run.id && o.attempt === run.attempt).length : 0
  return { seen: Math.max(0, doc.count - own), firstSeen: doc.first_seen, flaky: doc.flaky, pulls: doc.pulls, llmMemo: doc.llm_memo }
}

export function historyFacts(history: FailureHistory): HistoryFacts {
  return { seen: history.seen, firstSeen: history.firstSeen, flakyPasses: history.flaky.length }
}
