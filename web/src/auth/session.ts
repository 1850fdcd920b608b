import { reactive } from 'vue'

/** The roles the api knows (the token's `groups`); unit staff also carry `unit`. */
export type Role = 'agent' | 'dispatcher' | 'unit' | 'reviewer' | 'supervisor' | 'admin' | 'citizen'

export interface Session {
  token: string | null
  subject: string | null
  roles: Role[]
  unit: string | null
}

const STORAGE_KEY = 'jiesu.token'

export const session = reactive<Session>({ token: null, subject: null, roles: [], unit: null })

/** Reads the claims the console needs; the api checks the signature, the console only decides what to show. */
export function claimsOf(token: string): Omit<Session, 'token'> {
  const parts = token.split('.')
  if (parts.length !== 3) throw new Error('not a JWT')
  const json = decodeURIComponent(
    atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))
      .split('')
      .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
      .join(''),
  )
  const claims = JSON.parse(json) as { sub?: string; groups?: string[]; unit?: string }
  return { subject: claims.sub ?? null, roles: (claims.groups ?? []) as Role[], unit: claims.unit ?? null }
}

export function signIn(token: string): void {
  const claims = claimsOf(token.trim())
  Object.assign(session, { token: token.trim(), ...claims })
  sessionStorage.setItem(STORAGE_KEY, session.token!)
}

export function signOut(): void {
  Object.assign(session, { token: null, subject: null, roles: [], unit: null })
  sessionStorage.removeItem(STORAGE_KEY)
}

export function restore(): void {
  const token = sessionStorage.getItem(STORAGE_KEY)
  if (!token) return
  try {
    signIn(token)
  } catch {
    signOut()
  }
}

export function hasRole(...roles: Role[]): boolean {
  return roles.some((r) => session.roles.includes(r))
}
