/** Where the api and (locally) the token server are: public/config.json, so one build serves every deployment. */
export interface ConsoleConfig {
  api: string
  /** the local run's token server ("" = this origin); null where the city's own sign-in issues tokens */
  tokens: string | null
  /** the city's identity provider (OpenID Connect), where the console signs in with it; absent otherwise */
  oidc?: OidcConfig | null
}

/**
 * The city's identity provider. `issuer` is the "iss" the api requires (the template's JwtIssuer) and `clientId` the
 * console's client at the provider, which is also the audience the api requires (ConsoleClientId).
 */
export interface OidcConfig {
  issuer: string
  clientId: string
  /** the scopes asked for; "openid" is always among them */
  scope?: string
  /** where the provider's discovery document is, when not at the issuer (the local run's provider) */
  authority?: string
}

/** How this deployment signs in: the local run's role picker, the city's provider, or a pasted token. */
export type SignInMode = 'local' | 'oidc' | 'token'

let loaded: ConsoleConfig = { api: '', tokens: null }
let problem: string | null = null

export async function loadConfig(): Promise<ConsoleConfig> {
  let raw: unknown
  try {
    const response = await fetch('config.json', { cache: 'no-store' })
    if (!response.ok) return loaded
    raw = await response.json()
  } catch {
    // no config.json: the api is on this origin (the development proxy)
    return loaded
  }
  try {
    loaded = readConfig(raw)
  } catch (e) {
    // the sign-in screen says what is wrong instead of offering a sign-in that cannot work
    problem = (e as Error).message
  }
  return loaded
}

/** What is wrong with config.json, if anything. */
export function configProblem(): string | null {
  return problem
}

/**
 * The config as the console uses it. An `oidc` block without an issuer or a client id is refused (thrown) rather
 * than ignored: a console that quietly fell back to pasted tokens would hide a broken deployment.
 */
export function readConfig(raw: unknown): ConsoleConfig {
  const json = (raw ?? {}) as Partial<ConsoleConfig>
  const config: ConsoleConfig = { api: json.api ?? '', tokens: json.tokens ?? null, oidc: null }
  if (json.oidc != null) {
    const { issuer, clientId, scope, authority } = json.oidc as Partial<OidcConfig>
    if (!url(issuer)) throw new Error('config.json: oidc.issuer must be the identity provider\'s URL')
    if (typeof clientId !== 'string' || clientId.trim() === '') throw new Error('config.json: oidc.clientId is missing')
    if (authority != null && !url(authority)) throw new Error('config.json: oidc.authority must be a URL')
    config.oidc = { issuer: issuer!, clientId: clientId.trim(), scope: withOpenId(scope), ...(authority ? { authority } : {}) }
  }
  return config
}

/** The local run's token server wins: its config names both only when a developer tries the provider locally. */
export function signInMode(config: ConsoleConfig): SignInMode {
  if (config.tokens != null) return 'local'
  return config.oidc ? 'oidc' : 'token'
}

function url(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const u = new URL(value)
    // https, or plain http on this machine only (the local run's provider)
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname))
  } catch {
    return false
  }
}

function withOpenId(scope: string | undefined): string {
  const scopes = (scope ?? 'openid profile').split(/\s+/).filter(Boolean)
  return (scopes.includes('openid') ? scopes : ['openid', ...scopes]).join(' ')
}

export function config(): ConsoleConfig {
  return loaded
}
