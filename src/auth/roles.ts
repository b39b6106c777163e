export const ROLES = ['caseworker', 'intake-group', 'coordinator', 'process-owner', 'auditor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role)

/** Who is making a request: from a local token or from an OpenID Connect provider's token. */
export interface Principal {
  username: string
  displayName: string
  roles: Role[]
  unit: string | null
  source: 'local' | 'oidc'
}
