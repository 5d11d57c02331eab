/**
 * The headline figures in words, shared by the report, the dashboard and the job summary so the
 * three say the same thing the same way. Only numbers and our own labels: no untrusted text.
 */
import type { Metrics } from './metrics.js'

/** 0..1 as a whole percentage, or a dash when there was nothing to measure. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`
}

/** "45 s", "20 min", "3 h 20 min", "2 d 4 h"; a dash for no value. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—'
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  // Round first, then pick the unit, so 3599 s reads "1 h", not "60 min".
  const minutes = Math.round(s / 60)
  if (minutes < 60) return `${minutes} min`
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60)
    const m = minutes % 60
    return m === 0 ? `${h} h` : `${h} h ${m} min`
  }
  const hours = Math.round(s / 3600)
  const d = Math.floor(hours / 24)
  const h = hours % 24
  return h === 0 ? `${d} d` : `${d} d ${h} h`
}

export function formatUsd(value: number): string {
  return `$${value >= 1 ? value.toFixed(2) : value.toFixed(4)}`
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US')
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

export interface Figure {
  key: 'failures' | 'auto_fixed' | 'flaky' | 'reruns' | 'fix_pulls' | 'recovery' | 'llm' | 'notifications'
  label: string
  /** The headline value. */
  value: string
  /** What it is made of, in a few words. */
  detail: string
  /** What the figure means, for tooltips and footnotes (see `metricsSchema` for the full definitions). */
  definition: string
}

/** The window's headline figures, in the order every view shows them. */
export function headlineFigures(m: Metrics): Figure[] {
  const { failures, auto_fixed: fixed, flaky, reruns, fix_pulls: pulls, recovery, llm, notifications } = m
  return [
    {
      key: 'failures',
      label: 'Failures',
      value: formatCount(failures.total),
      detail: `${formatCount(failures.by_owner['DEVOPS'] ?? 0)} DEVOPS · ${formatCount(failures.by_owner['DEVELOPER'] ?? 0)} DEVELOPER, in ${plural(failures.runs, 'run')}`,
      definition: 'Failed jobs ci-monitor analysed.'
    },
    {
      key: 'auto_fixed',
      label: 'Auto-fixed',
      value: formatShare(fixed.share),
      detail: `${formatCount(fixed.total)} of ${formatCount(failures.total)}: ${formatCount(fixed.by_rerun)} by re-run, ${formatCount(fixed.by_pull)} by fix PR`,
      definition: "Failures whose re-run by ci-monitor passed, or whose fingerprint's fix PR was merged after them."
    },
    {
      key: 'flaky',
      label: 'Flaky',
      value: formatShare(flaky.rate),
      detail: `${formatCount(flaky.total)} of ${formatCount(failures.total)} passed on a later attempt`,
      definition: 'Failures whose commit passed on a later attempt of the same run.'
    },
    {
      key: 'reruns',
      label: 'Re-run success',
      value: formatShare(reruns.success_rate),
      detail: `${formatCount(reruns.passed)} passed, ${formatCount(reruns.failed)} failed, ${formatCount(reruns.pending)} pending of ${formatCount(reruns.requested)}`,
      definition: "Re-runs ci-monitor requested whose next attempt passed, of those whose outcome is known."
    },
    {
      key: 'fix_pulls',
      label: 'Fix PRs',
      value: `${formatCount(pulls.opened)} opened`,
      detail: `${formatCount(pulls.merged)} merged, ${formatCount(pulls.closed_unmerged)} closed unmerged`,
      definition: 'Fix pull requests ci-monitor opened, and those merged or closed without a merge, in the window.'
    },
    {
      key: 'recovery',
      label: 'Time to recovery',
      value: formatDuration(recovery.median_seconds),
      detail: recovery.incidents === 0 ? 'no recoveries' : `median of ${plural(recovery.incidents, 'incident')}; mean ${formatDuration(recovery.mean_seconds)}`,
      definition: 'From the first failed run to the next success of the same workflow on the same branch.'
    },
    {
      key: 'llm',
      label: 'LLM',
      value: plural(llm.calls, 'call'),
      detail: `${plural(llm.tokens, 'token')}, ${formatUsd(llm.cost_usd)}; ${plural(llm.memo_hits, 'memo hit')}`,
      definition: 'Requests sent to the model, tokens used and their cost at list prices; memo hits reused an earlier verdict.'
    },
    {
      key: 'notifications',
      label: 'Slack messages',
      value: `${formatCount(notifications.sent)} sent`,
      detail: `${formatCount(notifications.failed)} failed, ${formatCount(notifications.suppressed_duplicates)} suppressed as duplicates`,
      definition: 'Messages posted; duplicates are failures of a run that shared a fingerprint already notified.'
    }
  ]
}
