// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// the provider's client, stood in for: what it hands over is what these tests decide with
const client = vi.hoisted(() => ({ callbackUser: null as unknown, storedUser: null as unknown, removed: 0, redirects: [] as unknown[] }))
vi.mock('oidc-client-ts', () => ({
  WebStorageStateStore: class {},
  UserManager: class {
    metadataService = { getEndSessionEndpoint: async () => undefined }
    async signinCallback() {
      if (client.callbackUser instanceof Error) throw client.callbackUser
      return client.callbackUser
    }
    async getUser() { return client.storedUser }
    async removeUser() { client.removed++ }
    async signinRedirect(args: unknown) { client.redirects.push(args) }
  },
}))

const base64url = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const jwt = (claims: object) => `${base64url('{"alg":"RS256"}')}.${base64url(JSON.stringify(claims))}.signature`
const oidc = { issuer: 'https://id.city.gov.cn/realms/jiesu', clientId: 'jiesu-console', scope: 'openid profile' }
const claims = (more: object = {}) => ({ iss: oidc.issuer, aud: 'jiesu-console', exp: Math.floor(Date.now() / 1000) + 3600, sub: '王工', groups: ['dispatcher'], ...more })

describe('starting the console with the city provider', () => {
  beforeEach(() => {
    vi.resetModules()
    sessionStorage.clear()
    Object.assign(client, { callbackUser: null, storedUser: null, removed: 0, redirects: [] })
  })
  afterEach(() => history.replaceState(null, '', '/'))

  it("takes the provider's answer: the api's token kept, back to the screen asked for, the code gone from the address", async () => {
    history.replaceState(null, '', '/?code=c1&state=s1')
    client.callbackUser = { id_token: jwt(claims()), access_token: 'opaque', state: '/dispatch' }
    const { startOidc } = await import('./oidc')
    const { session } = await import('./session')
    expect(await startOidc(oidc)).toBe('/dispatch')
    expect(session.roles).toEqual(['dispatcher'])
    expect(session.subject).toBe('王工')
    expect(location.search).toBe('')
    expect(location.hash).toBe('#/dispatch')
  })

  it('keeps no token the api would refuse, and says why on the sign-in screen', async () => {
    history.replaceState(null, '', '/?code=c1&state=s1')
    client.callbackUser = { id_token: jwt(claims({ aud: 'another-app' })), state: '/dispatch' }
    const { startOidc, oidcState } = await import('./oidc')
    const { session } = await import('./session')
    expect(await startOidc(oidc)).toBeNull()
    expect(session.token).toBeNull()
    expect(sessionStorage.getItem('jiesu.token')).toBeNull()
    expect(client.removed).toBe(1)
    expect(oidcState.refusal).toBe('noToken')
    expect(location.hash).toBe('#/sign-in')
  })

  it('a refused or failed sign-in at the provider leaves the console signed out', async () => {
    history.replaceState(null, '', '/?error=access_denied&state=s1')
    client.callbackUser = new Error('access_denied')
    const { startOidc, oidcState } = await import('./oidc')
    const { session } = await import('./session')
    expect(await startOidc(oidc)).toBeNull()
    expect(session.token).toBeNull()
    expect(oidcState).toMatchObject({ refusal: 'failed', detail: 'access_denied' })
  })

  it("a plain load takes back the tab's user, or signs out a token left without one", async () => {
    const { startOidc } = await import('./oidc')
    const { session, signIn } = await import('./session')
    client.storedUser = { id_token: jwt(claims({ groups: ['agent'] })) }
    expect(await startOidc(oidc)).toBeNull()
    expect(session.roles).toEqual(['agent'])

    signIn(jwt(claims()))
    client.storedUser = null
    await startOidc(oidc)
    expect(session.token).toBeNull()
  })
})
