import * as core from '@actions/core'
import type { Logger } from './logger.js'

/** The Logger of a real run: the runner's log, with debug lines shown when step debugging is on. */
export const actionsLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message)
}
