/** The rule catalog: every family of signatures, most specific families first. */
import { DOCKER_RULES } from './docker.js'
import { DOTNET_RULES } from './dotnet.js'
import { GENERIC_RULES } from './generic.js'
import { GITHUB_RULES } from './github.js'
import { GO_RULES } from './go.js'
import { JAVASCRIPT_RULES } from './javascript.js'
import { JVM_RULES } from './jvm.js'
import { NETWORK_RULES } from './network.js'
import { PYTHON_RULES } from './python.js'
import { RESOURCE_RULES } from './resources.js'
import { RUST_RULES } from './rust.js'
import { SYSTEM_RULES } from './system.js'
import type { Rule } from './types.js'

export type { FixSpec, Rule } from './types.js'

export const RULES: readonly Rule[] = [
  ...GITHUB_RULES,
  ...RESOURCE_RULES,
  ...DOCKER_RULES,
  ...JVM_RULES,
  ...JAVASCRIPT_RULES,
  ...PYTHON_RULES,
  ...GO_RULES,
  ...RUST_RULES,
  ...DOTNET_RULES,
  ...SYSTEM_RULES,
  ...NETWORK_RULES,
  ...GENERIC_RULES
]
