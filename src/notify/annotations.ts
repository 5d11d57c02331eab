/**
 * Which annotations the action shows on its own run: one per diagnosed job plus the problems
 * that degraded the run, capped like GitHub caps them (10 errors and 10 warnings per step are
 * shown; the rest silently vanish, so we say how many were left out instead).
 */
import type { Diagnosis } from '../classify/types.js'
import { annotationText, toSingleLine, capText } from './escape.js'
import { categoryTitle, numberedLines, percent } from './format.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  title: string
  message: string
}

export interface AnnotationJob {
  job: string
  diagnosis: Diagnosis
  /** What ci-monitor did for the job, one sentence. */
  decision?: string | null
}

export interface AnnotationInput {
  jobs: readonly AnnotationJob[]
  /** What degraded the run ("Slack failed: invalid_auth"). */
  problems?: readonly string[]
  /** Per level (default 10, GitHub's per-step display limit). */
  maxPerLevel?: number
}

const TITLE_CHARS = 120
const MESSAGE_CHARS = 1_000
const EVIDENCE_LINES = 3

export function buildAnnotations(input: AnnotationInput): Annotation[] {
  const maxPerLevel = Math.max(1, input.maxPerLevel ?? 10)
  const candidates: Annotation[] = [
    ...input.jobs.map(jobAnnotation),
    ...(input.problems ?? []).map((problem): Annotation => ({
      level: 'warning',
      title: 'ci-monitor degraded',
      message: annotationText(problem, MESSAGE_CHARS)
    }))
  ]
  const kept: Annotation[] = []
  const counts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }
  let dropped = 0
  for (const annotation of candidates) {
    // One notice slot stays free for the "left out" note.
    const limit = annotation.level === 'notice' ? maxPerLevel - 1 : maxPerLevel
    if (counts[annotation.level] >= limit) {
      dropped++
      continue
    }
    counts[annotation.level]++
    kept.push(annotation)
  }
  if (dropped > 0) {
    kept.push({
      level: 'notice',
      title: 'ci-monitor',
      message: `${dropped} more finding${dropped === 1 ? '' : 's'} left out of the annotations; the job summary lists them all.`
    })
  }
  return kept
}

function jobAnnotation(job: AnnotationJob): Annotation {
  const { diagnosis } = job
  const title = `${toSingleLine(capText(job.job, TITLE_CHARS))}: ${categoryTitle(diagnosis)} (${diagnosis.owner}, ${percent(diagnosis.confidence)})`
  const evidence = numberedLines(diagnosis.evidence.slice(0, EVIDENCE_LINES))
  const message = [diagnosis.summary, ...evidence, job.decision ? `ci-monitor: ${job.decision}` : ''].filter(Boolean).join('\n')
  return {
    level: diagnosis.transient ? 'warning' : 'error',
    title: capText(title, TITLE_CHARS),
    message: annotationText(message, MESSAGE_CHARS)
  }
}

/** Where annotations go: `@actions/core` (its `error`/`warning`/`notice`), or a recorder in tests. */
export interface AnnotationSink {
  error(message: string, properties: { title: string }): void
  warning(message: string, properties: { title: string }): void
  notice(message: string, properties: { title: string }): void
}

export function emitAnnotations(annotations: readonly Annotation[], sink: AnnotationSink): void {
  for (const annotation of annotations) sink[annotation.level](annotation.message, { title: annotation.title })
}
