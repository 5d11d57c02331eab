/** pip, poetry, uv, setup-python, pytest/unittest, and the Python linters and type checkers. */
import type { Rule } from './types.js'

export const PYTHON_RULES: readonly Rule[] = [
  {
    id: 'python.version-unavailable',
    category: 'toolchain_setup',
    patterns: [
      /Version [\w.*-]{1,30} with arch \w+ not found/,
      /The version '[^']{1,30}' with architecture '\w+' was not found for/,
      /Could not find (?:a )?(?:Python|PyPy) version (?:that satisfies|matching)/
    ],
    strength: 3,
    dominant: true,
    confidence: 0.9,
    summary: 'The requested Python version is not available on this runner image: {line}',
    fix: 'move-toolchain-version',
    examples: [
      'Error: Version 3.9.6 with arch x64 not found',
      "Error: The version '3.7' with architecture 'x64' was not found for Ubuntu 24.04."
    ],
    source: 'actions/setup-python (actions/setup-python#552, #962)'
  },
  {
    id: 'pip.resolution',
    category: 'dependency_conflict',
    patterns: [
      /ERROR: Could not find a version that satisfies the requirement/,
      /ERROR: No matching distribution found for/,
      /ResolutionImpossible/,
      /ERROR: Cannot install .{1,300} because these package versions have conflicting dependencies/,
      /THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE/,
      /Because .{1,300} version solving failed\./,
      /× No solution found when resolving dependencies/,
      /SolverProblemError/
    ],
    strength: 3,
    confidence: 0.85,
    summary: 'The Python dependencies cannot be resolved: {line}',
    examples: [
      'ERROR: Could not find a version that satisfies the requirement nosuchpkg==9.9 (from versions: none)',
      'ERROR: No matching distribution found for nosuchpkg==9.9',
      'ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts',
      '  × No solution found when resolving dependencies:'
    ],
    source: 'pip resolver, poetry solver, uv resolver'
  },
  {
    id: 'python.lockfile-out-of-sync',
    category: 'dependency_conflict',
    patterns: [
      /pyproject\.toml changed significantly since poetry\.lock was last generated/,
      /poetry\.lock is not consistent with pyproject\.toml/,
      /The lockfile at `uv\.lock` needs to be updated, but `--locked` was provided/,
      /Pipfile\.lock \(\w+\) out of date/
    ],
    strength: 3,
    confidence: 0.9,
    summary: 'The lock file does not match the project definition: {line}',
    examples: [
      'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.',
      'error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.'
    ],
    source: 'poetry install, uv sync --locked, pipenv'
  },
  {
    id: 'pip.registry-error',
    category: 'registry_or_download',
    patterns: [/HTTP error 5\d\d while getting https?:\/\//, /Could not fetch URL https?:\/\/\S+: .{0,200}(?:5\d\d|Service Unavailable)/],
    strength: 3,
    priority: 1,
    confidence: 0.8,
    summary: 'The package index failed to serve a package: {line}',
    fix: { kind: 'add-retry', tool: 'pip' },
    examples: ['ERROR: HTTP error 503 while getting https://files.pythonhosted.org/packages/x/y.whl'],
    source: 'pip network errors'
  },
  {
    id: 'pytest.failed',
    category: 'test_failure',
    patterns: [
      /^FAILED \S{1,300}::\S{1,300}/,
      /^E {2,}\S.{0,500}/,
      /^_{3,} \S.{0,300} _{3,}$/,
      /^(?:FAIL|ERROR): test\w* \([\w.]{1,300}\)/,
      /^\S{1,300}\.py:\d+: (?:AssertionError|assert )/
    ],
    strength: 3,
    confidence: 0.88,
    summary: 'A test failed: {line}',
    examples: [
      'FAILED tests/test_math.py::test_add - assert 3 == 4',
      'E       assert 3 == 4',
      '________________________________ test_add ________________________________',
      'FAIL: test_add (tests.test_math.MathTest)'
    ],
    source: 'pytest terminal reporter; unittest'
  },
  {
    id: 'pytest.summary',
    category: 'test_failure',
    patterns: [/^=+ (?:\d+ passed, )?\d+ failed\b.{0,200}=+$/, /^=+ short test summary info =+$/, /^FAILED \(failures=\d+(?:, errors=\d+)?\)$/],
    strength: 2,
    confidence: 0.7,
    summary: 'Tests failed: {line}',
    examples: ['=================== 1 failed, 10 passed in 0.52s ===================', '=========================== short test summary info ============================', 'FAILED (failures=1)'],
    source: 'pytest and unittest summaries'
  },
  {
    id: 'pytest.collection-error',
    category: 'build_error',
    patterns: [/^ERROR collecting \S{1,300}/, /ImportError while importing test module/, /^E\s+ModuleNotFoundError: No module named/],
    strength: 3,
    priority: 1,
    confidence: 0.8,
    summary: 'Tests could not be collected (import or syntax error): {line}',
    examples: ['ERROR collecting tests/test_app.py', "E   ModuleNotFoundError: No module named 'requests'"],
    source: 'pytest collection errors'
  },
  {
    id: 'python.import-or-syntax',
    category: 'build_error',
    patterns: [/^(?:ModuleNotFoundError|ImportError): (?:No module named|cannot import name) .{1,300}/, /^\s*SyntaxError: .{1,300}/, /^IndentationError: .{1,300}/],
    strength: 3,
    confidence: 0.75,
    summary: 'Python code cannot be imported: {line}',
    examples: ["ModuleNotFoundError: No module named 'yaml'", "ImportError: cannot import name 'x' from 'y' (/src/y.py)", 'SyntaxError: invalid syntax'],
    source: 'CPython import system and parser'
  },
  {
    id: 'python.lint',
    category: 'lint_or_format',
    patterns: [
      /^\S{1,500}\.pyi?:\d+:\d+: [A-Z]{1,4}\d{2,4}\b/,
      /^would reformat \S{1,500}/,
      /^Oh no! 💥 💔 💥/,
      /^ERROR: \S{1,500} Imports are incorrectly sorted/,
      /^Your code has been rated at -?[\d.]+\/10/,
      /^Found \d+ errors?\.(?: \[\*\] \d+ fixable)?/,
      /^\d+ files? would be reformatted/
    ],
    strength: 3,
    confidence: 0.85,
    summary: 'Lint or format check failed: {line}',
    examples: [
      './app/main.py:10:80: E501 line too long (88 > 79 characters)',
      'app/main.py:1:8: F401 [*] `os` imported but unused',
      'would reformat app/main.py',
      'ERROR: /home/runner/work/app/app/main.py Imports are incorrectly sorted and/or formatted.',
      'Found 3 errors.'
    ],
    source: 'flake8, ruff, black, isort, pylint output formats'
  },
  {
    id: 'mypy.error',
    category: 'build_error',
    patterns: [/^\S{1,500}\.pyi?:\d+(?::\d+)?: error: .{1,500}/, /^Found \d+ errors? in \d+ files? \(checked \d+ source files?\)/],
    strength: 3,
    confidence: 0.8,
    summary: 'Type checking failed: {line}',
    examples: ['app/main.py:12: error: Incompatible return value type (got "str", expected "int")  [return-value]', 'Found 2 errors in 1 file (checked 10 source files)'],
    source: 'mypy output'
  },
  {
    id: 'python.coverage-gate',
    category: 'code_quality_gate',
    patterns: [/FAIL Required test coverage of [\d.]+% not reached/, /Coverage failure: total of [\d.]+ is less than fail-under=[\d.]+/],
    strength: 3,
    priority: 1,
    confidence: 0.9,
    summary: 'Test coverage is below the required threshold: {line}',
    examples: ['FAIL Required test coverage of 80% not reached. Total coverage: 71.43%', 'Coverage failure: total of 71 is less than fail-under=80'],
    source: 'pytest-cov --cov-fail-under; coverage report --fail-under'
  }
]
