/**
 * The recent figures shown at the foot of every analysed run's job summary: the 30-day window of
 * the `data.json` the last sweep wrote. One contents request; no dashboard yet means no figures.
 */
import type { Octokit, Repo } from '../../github/client.js'
import { readFile } from '../../github/contents.js'
import type { Logger } from '../../log/logger.js'
import { parseDashboardData, type Metrics } from '../../state/metrics.js'
import { DASHBOARD_DATA } from './dashboard.js'

export const RECENT_WINDOW_DAYS = 30

export async function readRecentFigures(octokit: Octokit, repo: Repo, stateBranch: string, log: Logger): Promise<Metrics | null> {
  let text: string | null
  try {
    text = await readFile(octokit, repo, DASHBOARD_DATA, stateBranch)
  } catch (error) {
    log.warning(`Could not read ${DASHBOARD_DATA} from '${stateBranch}': ${error instanceof Error ? error.message : String(error)}. The summary has no recent figures.`)
    return null
  }
  if (text === null) return null
  const windows = parseDashboardData(text)
  if (windows === null) {
    log.info(`${DASHBOARD_DATA} on '${stateBranch}' is not figures this version reads: the summary has no recent figures.`)
    return null
  }
  return windows.find((metrics) => metrics.window.days === RECENT_WINDOW_DAYS) ?? null
}
