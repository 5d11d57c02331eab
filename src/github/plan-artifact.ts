import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ArtifactNotFoundError, DefaultArtifactClient } from '@actions/artifact'

/**
 * Hands a JSON document from one job of the monitor's workflow run to another through a workflow
 * artifact (the privilege split). Same-run artifacts need no GitHub token: @actions/artifact uses
 * the runner's ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL.
 */
export interface PlanStore {
  save(name: string, fileName: string, content: string): Promise<void>
  /** The file's text, or null when this run has no such artifact. */
  load(name: string, fileName: string): Promise<string | null>
}

/** Largest plan accepted back: a run's analysis is far smaller; anything bigger is not ours. */
const MAX_PLAN_BYTES = 20 * 1024 * 1024

export function artifactPlanStore(runnerTemp: string): PlanStore {
  const client = new DefaultArtifactClient()
  return {
    async save(name, fileName, content) {
      const dir = await mkdtemp(path.join(runnerTemp, 'ci-monitor-plan-'))
      const file = path.join(dir, fileName)
      await writeFile(file, content)
      await client.uploadArtifact(name, [file], dir, { retentionDays: 1 })
    },
    async load(name, fileName) {
      let id: number
      try {
        id = (await client.getArtifact(name)).artifact.id
      } catch (error) {
        if (error instanceof ArtifactNotFoundError) return null
        throw error
      }
      const dir = path.join(await mkdtemp(path.join(runnerTemp, 'ci-monitor-plan-')), 'download')
      await mkdir(dir)
      const { downloadPath } = await client.downloadArtifact(id, { path: dir })
      // Only the one file we wrote is read; nothing else in the artifact is looked at or run.
      const text = await readFile(path.join(downloadPath ?? dir, fileName), 'utf8')
      if (Buffer.byteLength(text) > MAX_PLAN_BYTES) throw new Error(`The plan artifact is larger than ${MAX_PLAN_BYTES} bytes.`)
      return text
    }
  }
}
