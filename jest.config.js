/** Jest on native ESM + ts-jest; see ../shared/STYLE.md toolchain notes. */
export default {
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', useESM: true, diagnostics: { ignoreCodes: [151002] } }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  // The end-to-end files mostly wait (child processes, GitHub's one-second spacing of writes that
  // Octokit's throttling keeps), so more workers than cores finish sooner; on 2 cores Jest's
  // default (cores - 1) would run everything in band.
  maxWorkers: 3,
  verbose: false
}
