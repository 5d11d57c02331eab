// The ArtifactService request messages in proto3 JSON, as the generated client sends them
// (`toJson` with `useProtoFieldName: true, emitDefaultValues: false`): snake_case names, int64 as
// decimal strings, google.protobuf wrappers as bare values, Timestamps as RFC 3339 strings, and
// fields left at their default value omitted (so a missing string reads as '').
import { z } from 'zod'
import type { TwirpMethod } from './faults.ts'

const int64 = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).transform((value) => Number(value))
const backendIds = {
  workflow_run_backend_id: z.string().default(''),
  workflow_job_run_backend_id: z.string().default('')
}

export const REQUESTS = {
  CreateArtifact: z.object({
    ...backendIds,
    name: z.string().default(''),
    expires_at: z.iso.datetime({ offset: true }).optional(),
    version: z.number().int().default(0),
    mime_type: z.string().optional()
  }),
  FinalizeArtifact: z.object({
    ...backendIds,
    name: z.string().default(''),
    size: int64.default(0),
    hash: z.string().optional()
  }),
  ListArtifacts: z.object({
    ...backendIds,
    name_filter: z.string().optional(),
    id_filter: int64.optional()
  }),
  GetSignedArtifactURL: z.object({ ...backendIds, name: z.string().default('') }),
  DeleteArtifact: z.object({ ...backendIds, name: z.string().default('') })
} satisfies Record<TwirpMethod, z.ZodObject>

export type RequestOf<M extends TwirpMethod> = z.output<(typeof REQUESTS)[M]>

export type Decoded<M extends TwirpMethod> = { ok: true; request: RequestOf<M>; unknownFields: string[] } | { ok: false; error: string }

export function decodeRequest<M extends TwirpMethod>(method: M, body: unknown): Decoded<M> {
  const schema = REQUESTS[method]
  const parsed = schema.safeParse(body)
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) }
  // A Twirp server discards unknown fields; the simulator reports them, since the generated
  // client never sends any and one would mean the client and the simulator disagree.
  const known = new Set(Object.keys(schema.shape))
  const unknownFields = Object.keys(body as object).filter((field) => !known.has(field))
  return { ok: true, request: parsed.data as RequestOf<M>, unknownFields }
}
