import { reactive } from 'vue'
import type { User, UserManager, UserManagerSettings } from 'oidc-client-ts'
import type { OidcConfig } from '../api/config'
import { signIn, signOut, type Role } from './session'

// Sign-in with the city's identity provider: OpenID Connect authorization code flow with PKCE (S256), through
// oidc-client-ts (loaded only where config.json names a provider, so the local console's first screen does not
// carry it). The decisions (which token the api gets, when a page load is the provider's answer, when to renew) are
// plain functions here, tested without a provider; the wiring below them only moves tokens.

const ROLES: Role[] = ['agent', 'dispatcher', 'unit', 'reviewer', 'supervisor', 'admin', 'citizen']
/** Renew this long before the token the api gets runs out, so no call goes out with a token about to expire. */
const RENEW_BEFORE_SECONDS = 60

export interface Tokens {
  access_token?: string
  id_token?: string
}

/** Why the provider's answer gives the api nothing: no token the api would accept, or one without any Jiesu role. */
export type Refusal = 'noToken' | 'noRole'

export type TokenChoice = { token: string; expiresAt: number } | { refusal: Refusal }

/**
 * The token the api is sent: the api checks "iss" (JwtIssuer), "aud" (the console's client id) and "exp", and reads
 * the roles from "groups". The access token goes if it is a JWT the api accepts (providers that put the client id in
 * its audience); otherwise the ID token, whose audience is the client id by the OpenID Connect rules. A token the api
 * would refuse is never kept: the console would only show screens whose every call fails.
 */
export function tokenForApi(tokens: Tokens, oidc: Pick<OidcConfig, 'issuer' | 'clientId'>, nowSeconds: number): TokenChoice {
  const accepted = [tokens.access_token, tokens.id_token]
    .map((token) => ({ token, claims: token ? claimsIn(token) : null }))
    .filter(({ claims }) => claims != null && acceptedByApi(claims, oidc, nowSeconds))
  if (accepted.length === 0) return { refusal: 'noToken' }
  const withRole = accepted.find(({ claims }) => rolesIn(claims!).length > 0)
  if (!withRole) return { refusal: 'noRole' }
  return { token: withRole.token!, expiresAt: withRole.claims!.exp as number }
}

/** A page load is the provider's answer to a sign-in when the query carries its state and a code or an error. */
export function isSignInAnswer(url: string): boolean {
  const query = new URL(url).searchParams
  return query.has('state') && (query.has('code') || query.has('error'))
}

/** The console's own address, without query or hash: the redirect URI registered at the provider. */
export function redirectUri(url: string): string {
  const u = new URL(url)
  return u.origin + u.pathname
}

/** Seconds from now until the token is renewed (0: at once). */
export function renewIn(expiresAt: number, nowSeconds: number): number {
  return Math.max(0, expiresAt - RENEW_BEFORE_SECONDS - nowSeconds)
}

/** The client's settings: code flow (oidc-client-ts always adds PKCE S256 to it), the user kept for the tab only. */
export function settingsFor(oidc: OidcConfig, url: string): Omit<UserManagerSettings, 'userStore'> {
  const here = redirectUri(url)
  return {
    authority: oidc.authority ?? oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: here,
    silent_redirect_uri: here,
    post_logout_redirect_uri: here,
    response_type: 'code',
    scope: oidc.scope ?? 'openid profile',
    disablePKCE: false,
    // renewal follows the token the api is sent (renewIn), which may be the ID token rather than the access token
    automaticSilentRenew: false,
    // the roles are in the tokens; the user info endpoint adds nothing the api reads
    loadUserInfo: false,
    monitorSession: false,
  }
}

function claimsIn(token: string): Record<string, unknown> | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  try {
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))))
  } catch {
    return null
  }
}

function acceptedByApi(claims: Record<string, unknown>, oidc: Pick<OidcConfig, 'issuer' | 'clientId'>, nowSeconds: number): boolean {
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
  return claims.iss === oidc.issuer && audience.includes(oidc.clientId) && typeof claims.exp === 'number' && claims.exp > nowSeconds
}

function rolesIn(claims: Record<string, unknown>): Role[] {
  return (Array.isArray(claims.groups) ? claims.groups : []).filter((g): g is Role => ROLES.includes(g as Role))
}

// --- the wiring ---------------------------------------------------------------------------------------------------

/** What went wrong at the last sign-in, for the sign-in screen. */
export const oidcState = reactive<{ refusal: Refusal | 'failed' | null; detail: string | null }>({ refusal: null, detail: null })

let manager: UserManager | null = null
let config: OidcConfig | null = null
let renewal: ReturnType<typeof setTimeout> | undefined

async function userManager(oidc: OidcConfig): Promise<UserManager> {
  if (!manager) {
    const { UserManager, WebStorageStateStore } = await import('oidc-client-ts')
    config = oidc
    // the user and the sign-in's state (its PKCE verifier among it) stay in this tab, not in local storage
    const tab = new WebStorageStateStore({ store: sessionStorage })
    manager = new UserManager({ ...settingsFor(oidc, location.href), userStore: tab, stateStore: tab })
  }
  return manager
}

/**
 * At start: takes the provider's answer if this load is one (then returns the screen the user was going to), or
 * takes back the tab's signed-in user. Returns 'stop' inside the silent-renewal frame, where no console is mounted.
 */
export async function startOidc(oidc: OidcConfig): Promise<string | 'stop' | null> {
  const um = await userManager(oidc)
  if (isSignInAnswer(location.href)) {
    if (window.parent !== window) {
      await um.signinCallback().catch(() => undefined)
      return 'stop'
    }
    let to: string | null = null
    try {
      const user = await um.signinCallback()
      if (user && adopt(user)) to = typeof user.state === 'string' ? user.state : '/'
    } catch (e) {
      signOut()
      Object.assign(oidcState, { refusal: 'failed', detail: (e as Error).message })
    }
    // the code and state leave the address bar (and the history): they are spent
    history.replaceState(null, '', redirectUri(location.href) + '#' + (to ?? '/sign-in'))
    return to
  }
  const user = await um.getUser()
  if (!user || !adopt(user)) signOut()
  return null
}

/** Keeps the user's token for the api if the api would accept it, and schedules its renewal. */
function adopt(user: User): boolean {
  const choice = tokenForApi(user, config!, Date.now() / 1000)
  clearTimeout(renewal)
  if ('refusal' in choice) {
    signOut()
    void manager!.removeUser()
    Object.assign(oidcState, { refusal: choice.refusal, detail: null })
    return false
  }
  signIn(choice.token)
  Object.assign(oidcState, { refusal: null, detail: null })
  renewal = setTimeout(renew, renewIn(choice.expiresAt, Date.now() / 1000) * 1000)
  return true
}

/** Silently (refresh token, or the provider's session in a hidden frame); failing that, signs in again. */
async function renew(): Promise<void> {
  try {
    const user = await manager!.signinSilent()
    if (user && adopt(user)) return
    if (user) {
      // signed in, but to nothing the api accepts any more: the sign-in screen says why
      location.hash = '#/sign-in'
      return
    }
  } catch {
    // no session left at the provider: sign in again below
  }
  signOut()
  await manager!.signinRedirect({ state: location.hash.replace(/^#/, '') || '/' })
}

/** The city's sign-in button: to the provider, coming back to `to`. */
export async function signInWithProvider(oidc: OidcConfig, to = '/'): Promise<void> {
  await (await userManager(oidc)).signinRedirect({ state: to })
}

/** Signs out here and, when the provider has an end_session_endpoint, there too; false when the console stays. */
export async function signOutOfProvider(oidc: OidcConfig): Promise<boolean> {
  const um = await userManager(oidc)
  clearTimeout(renewal)
  signOut()
  if (await um.metadataService.getEndSessionEndpoint().catch(() => undefined)) {
    await um.signoutRedirect()
    return true
  }
  await um.removeUser()
  return false
}
