import type { Config } from '../context/config.js'
import type { Context } from '../context/context.js'
import { analyze, type AnalyzeDeps } from './analyze.js'
import { execute, type ExecuteDeps, type RunReport } from './execute.js'

export type { RunReport } from './execute.js'
export type RunDeps = AnalyzeDeps & ExecuteDeps

/** collect → triage → classify → decide → act → record, for one workflow run, in one job. */
export async function analyzeRun(ctx: Context, config: Config, runId: number, trigger: string, deps: RunDeps): Promise<RunReport> {
  return execute(ctx, config, await analyze(ctx, runId, trigger, deps), deps)
}
