/**
 * The diagnosis vocabulary, defined once. Every other module (rules, LLM schema, config,
 * metrics, docs) derives its list of categories from this table.
 */
export type Owner = 'DEVOPS' | 'DEVELOPER'

export const CATEGORIES = {
  network: { owner: 'DEVOPS', transient: true, title: 'Network failure' },
  registry_or_download: { owner: 'DEVOPS', transient: true, title: 'Registry or download failure' },
  rate_limit: { owner: 'DEVOPS', transient: true, title: 'Rate limited' },
  runner_resource: { owner: 'DEVOPS', transient: false, title: 'Runner resources (disk, memory, lost runner)' },
  job_timeout: { owner: 'DEVOPS', transient: false, title: 'Job or step timeout' },
  workflow_config: { owner: 'DEVOPS', transient: false, title: 'Workflow configuration' },
  permissions_or_credentials: { owner: 'DEVOPS', transient: false, title: 'Permissions or credentials' },
  toolchain_setup: { owner: 'DEVOPS', transient: false, title: 'Toolchain setup' },
  service_dependency: { owner: 'DEVOPS', transient: true, title: 'Service dependency unavailable' },
  test_failure: { owner: 'DEVELOPER', transient: false, title: 'Test failure' },
  build_error: { owner: 'DEVELOPER', transient: false, title: 'Build error' },
  lint_or_format: { owner: 'DEVELOPER', transient: false, title: 'Lint or format' },
  dependency_conflict: { owner: 'DEVELOPER', transient: false, title: 'Dependency conflict' },
  code_quality_gate: { owner: 'DEVELOPER', transient: false, title: 'Code quality gate' },
  other: { owner: 'DEVELOPER', transient: false, title: 'Other' }
} as const satisfies Record<string, { owner: Owner; transient: boolean; title: string }>

export type Category = keyof typeof CATEGORIES

export const CATEGORY_NAMES = Object.keys(CATEGORIES) as [Category, ...Category[]]

export function isCategory(value: string): value is Category {
  return Object.hasOwn(CATEGORIES, value)
}

export function defaultOwner(category: Category): Owner {
  return CATEGORIES[category].owner
}
