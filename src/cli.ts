#!/usr/bin/env node
// The command-line entry: wiring only. The commands live in ./cli/.
import { runCli } from './cli/run.js'

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`ci-monitor: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
)
