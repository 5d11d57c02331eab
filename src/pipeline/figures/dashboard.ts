/**
 * The dashboard files at the state branch's root, from its documents (pure): `index.html` and
 * `data.json` for the 7-, 30- and 90-day windows. When the figures are the same as those already
 * written, nothing is returned, so a sweep that found nothing new makes no commit.
 */
import type { TextChange } from '../../github/git.js'
import { renderDashboard } from '../../state/dashboard/index.js'
import type { LoadedState } from '../../state/load.js'
import { computeAllWindows, type Metrics } from '../../state/metrics.js'

export const DASHBOARD_HTML = 'index.html'
export const DASHBOARD_DATA = 'data.json'

export interface DashboardOptions {
  now: Date
  /** `owner/name`. */
  repository: string
  /** GitHub's web origin, for links. */
  serverUrl?: string
}

/** What is on the branch now: the figures last written, and whether the page is there. */
export interface DashboardOnBranch {
  data: string | null
  html: boolean
}

export interface DashboardPlan {
  windows: Metrics[]
  changes: TextChange[]
}

export function planDashboard(loaded: LoadedState, onBranch: DashboardOnBranch, options: DashboardOptions): DashboardPlan {
  const windows = computeAllWindows(loaded.documents, { now: options.now, repository: options.repository })
  const files = renderDashboard(windows, { repository: options.repository, serverUrl: options.serverUrl, sources: loaded.summary })
  if (onBranch.html && onBranch.data !== null && sameFigures(onBranch.data, files[DASHBOARD_DATA])) return { windows, changes: [] }
  return {
    windows,
    changes: [
      { path: DASHBOARD_HTML, content: files[DASHBOARD_HTML] },
      { path: DASHBOARD_DATA, content: files[DASHBOARD_DATA] }
    ]
  }
}

/**
 * Two `data.json` texts that differ at most by the clock: when they were generated and where the
 * windows end. A new day moves the windows' first day, which is a change.
 */
export function sameFigures(a: string, b: string): boolean {
  const without = (text: string): string | null => {
    try {
      const data = JSON.parse(text) as { generated_at?: unknown; windows?: unknown }
      delete data.generated_at
      for (const window of Array.isArray(data.windows) ? (data.windows as Record<string, unknown>[]) : []) {
        delete window.generated_at
        if (typeof window.window === 'object' && window.window !== null) delete (window.window as Record<string, unknown>).to
      }
      return JSON.stringify(data)
    } catch {
      return null
    }
  }
  const left = without(a)
  return left !== null && left === without(b)
}
