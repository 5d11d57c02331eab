// The GitHub simulator's public surface. See README.md in this folder.
export { GitHubSim, defaultTokens, startGitHubSim } from './sim.ts'
export { ANY_OPERATION, primaryRateLimit, secondaryRateLimit } from './failures.ts'
export { loadContract } from './contract.ts'
export type { Contract, ContractError } from './contract.ts'
export type { AttemptOutcome, CommitSeed } from './seed.ts'
export type * from './types.ts'
