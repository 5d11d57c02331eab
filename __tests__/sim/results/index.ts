// The results (artifact) service simulator's public surface. See README.md in this folder.
export { startResultsSim } from './server.ts'
export type { ResultsEnv, ResultsSim, ResultsSimOptions, TwirpCall } from './server.ts'
export type { SimArtifact } from './service.ts'
export type { BlobRequest } from './blob-store.ts'
export { BLOB_OPERATIONS, TWIRP_METHODS } from './faults.ts'
export type { BlobOperation, FaultTarget, ResultsFault, TwirpMethod } from './faults.ts'
export type { BackendIds } from './runtime-token.ts'
export { readZip } from './zip.ts'
