/** What a verify, approval or sweep run did, for the step's notice and outputs. */
export interface JobResult {
  /** One plain sentence (no untrusted text beyond logins and numbers). */
  sentence: string
  /** A short word for the `decision` output: verified, failed-again, approved, refused, expired… */
  outcome: string
  /** The pull request or issue concerned, if any. */
  url: string | null
}
