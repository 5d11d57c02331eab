/** cargo, rustc, clippy, rustfmt and rustup. */
import type { Rule } from './types.js'

export const RUST_RULES: readonly Rule[] = [
  {
    id: 'cargo.lockfile',
    category: 'dependency_conflict',
    patterns: [
      /the lock file \S{1,300} needs to be updated but --(?:locked|frozen) was passed/,
      /failed to select a version for the requirement `[^`]{1,200}`/,
      /no matching package named `[^`]{1,200}` found/
    ],
    strength: 3,
    confidence: 0.88,
    summary: 'Cargo cannot resolve the dependencies from the lock file: {line}',
    examples: [
      'error: the lock file /home/runner/work/app/Cargo.lock needs to be updated but --locked was passed to prevent this',
      'error: failed to select a version for the requirement `serde = "^9.0"`'
    ],
    source: 'cargo resolver errors'
  },
  {
    id: 'cargo.download',
    category: 'registry_or_download',
    patterns: [/failed to download (?:from|replaced source)/, /spurious network error \(\d+ tries? remaining\)/, /failed to get `[^`]{1,200}` as a dependency of package/],
    strength: 3,
    priority: 1,
    confidence: 0.8,
    summary: 'Cargo could not download a crate: {line}',
    examples: ['warning: spurious network error (2 tries remaining): [35] SSL connect error', 'error: failed to download from `https://static.crates.io/crates/serde/1.0.0/download`'],
    source: 'cargo network errors'
  },
  {
    id: 'rust.clippy-or-fmt',
    category: 'lint_or_format',
    patterns: [/rust-clippy\/master\/index\.html#/, /`-D clippy::[\w-]{1,100}` implied by `-D warnings`/, /^Diff in \S{1,500} at line \d+:/, /could not compile `[^`]{1,200}` \(\w+\) due to \d+ previous errors?; \d+ warnings? emitted.*clippy/],
    strength: 3,
    priority: 1,
    confidence: 0.85,
    summary: 'Clippy or rustfmt found problems: {line}',
    examples: ['  = note: `-D clippy::needless-return` implied by `-D warnings`', 'Diff in /home/runner/work/app/src/main.rs at line 3:'],
    source: 'clippy lint notes; cargo fmt --check'
  },
  {
    id: 'rustc.error',
    category: 'build_error',
    patterns: [/^error\[E\d{4}\]: (?<message>.{1,500})/, /^error: could not compile `[^`]{1,200}`/],
    strength: 3,
    confidence: 0.85,
    summary: 'The Rust code does not compile: {line}',
    examples: ['error[E0425]: cannot find value `x` in this scope', 'error: could not compile `app` (lib) due to 1 previous error'],
    source: 'rustc diagnostics'
  },
  {
    id: 'cargo.test-failed',
    category: 'test_failure',
    patterns: [/^test \S{1,300} \.\.\. FAILED$/, /^thread '[^']{1,300}' panicked at /, /^test result: FAILED\./, /^error: test failed, to rerun pass/],
    strength: 3,
    confidence: 0.85,
    summary: 'A Rust test failed: {line}',
    examples: ['test tests::adds ... FAILED', "thread 'tests::adds' panicked at src/lib.rs:10:9:", 'test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s'],
    source: 'libtest output'
  },
  {
    id: 'rust.toolchain',
    category: 'toolchain_setup',
    patterns: [/error: toolchain '[^']{1,100}' is not installed/, /package `[^`]{1,200}` cannot be built because it requires rustc [\d.]+ or newer/],
    strength: 3,
    confidence: 0.85,
    summary: 'The Rust toolchain set up for the job does not fit the project: {line}',
    examples: ["error: toolchain '1.99-x86_64-unknown-linux-gnu' is not installed", 'error: package `clap v4.5.0` cannot be built because it requires rustc 1.74 or newer, while the currently active rustc version is 1.70.0'],
    source: 'rustup and cargo rust-version checks'
  }
]
