import { describe, expect, it } from 'vitest'
import { isSignInAnswer, redirectUri, renewIn, settingsFor, tokenForApi } from './oidc'

const base64url = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const jwt = (claims: object) => `${base64url('{"alg":"RS256"}')}.${base64url(JSON.stringify(claims))}.signature`

const oidc = { issuer: 'https://id.city.gov.cn/realms/jiesu', clientId: 'jiesu-console' }
const now = 1_800_000_000
const good = { iss: oidc.issuer, aud: 'jiesu-console', exp: now + 300, sub: '王工', groups: ['dispatcher'] }

describe('the token the api is sent', () => {
  it('is the access token when the api accepts it (issuer, audience = client id, not expired)', () => {
    const access = jwt({ ...good, aud: ['jiesu-console', 'account'] })
    expect(tokenForApi({ access_token: access, id_token: jwt(good) }, oidc, now)).toEqual({ token: access, expiresAt: now + 300 })
  })

  it('is the ID token when the access token is for another audience or opaque', () => {
    const id = jwt(good)
    expect(tokenForApi({ access_token: jwt({ ...good, aud: 'account' }), id_token: id }, oidc, now)).toEqual({ token: id, expiresAt: now + 300 })
    expect(tokenForApi({ access_token: 'opaque-2YotnFZFEjr1zCsicMWpAA', id_token: id }, oidc, now)).toEqual({ token: id, expiresAt: now + 300 })
  })

  it('is none when no token has the issuer, the audience or the time the api requires', () => {
    expect(tokenForApi({ id_token: jwt({ ...good, iss: 'https://other.example' }) }, oidc, now)).toEqual({ refusal: 'noToken' })
    expect(tokenForApi({ id_token: jwt({ ...good, aud: 'another-client' }) }, oidc, now)).toEqual({ refusal: 'noToken' })
    expect(tokenForApi({ id_token: jwt({ ...good, exp: now - 1 }) }, oidc, now)).toEqual({ refusal: 'noToken' })
    expect(tokenForApi({ id_token: jwt({ ...good, exp: undefined }) }, oidc, now)).toEqual({ refusal: 'noToken' })
    expect(tokenForApi({}, oidc, now)).toEqual({ refusal: 'noToken' })
  })

  it('is none when the accepted tokens carry no Jiesu role in groups', () => {
    expect(tokenForApi({ id_token: jwt({ ...good, groups: ['offline_access', 'uma_authorization'] }) }, oidc, now)).toEqual({ refusal: 'noRole' })
    expect(tokenForApi({ id_token: jwt({ ...good, groups: undefined }) }, oidc, now)).toEqual({ refusal: 'noRole' })
  })

  it('skips an accepted token without roles for one with them', () => {
    const id = jwt(good)
    expect(tokenForApi({ access_token: jwt({ ...good, groups: [] }), id_token: id }, oidc, now)).toEqual({ token: id, expiresAt: now + 300 })
  })
})

describe("the provider's answer", () => {
  it('is a load whose query has the state and a code or an error', () => {
    expect(isSignInAnswer('https://console.example/?code=abc&state=s1')).toBe(true)
    expect(isSignInAnswer('https://console.example/?error=access_denied&state=s1')).toBe(true)
    expect(isSignInAnswer('https://console.example/#/agent')).toBe(false)
    expect(isSignInAnswer('https://console.example/?code=abc')).toBe(false)
    // a code inside the hash route is not the provider's (the query comes before the hash)
    expect(isSignInAnswer('https://console.example/#/sign-in?code=abc&state=s1')).toBe(false)
  })

  it('comes back to the console itself, without query or hash', () => {
    expect(redirectUri('https://d1.cloudfront.net/?code=a&state=b#/agent')).toBe('https://d1.cloudfront.net/')
    expect(redirectUri('http://127.0.0.1:5173/console/index.html#/sign-in')).toBe('http://127.0.0.1:5173/console/index.html')
  })
})

describe('the client', () => {
  it('uses the code flow with PKCE, at the authority or else the issuer, coming back here', () => {
    const settings = settingsFor({ ...oidc, scope: 'openid profile jiesu' }, 'https://d1.cloudfront.net/#/sign-in')
    expect(settings).toMatchObject({
      authority: oidc.issuer, client_id: 'jiesu-console', response_type: 'code', disablePKCE: false,
      scope: 'openid profile jiesu', redirect_uri: 'https://d1.cloudfront.net/', post_logout_redirect_uri: 'https://d1.cloudfront.net/',
    })
    expect(settingsFor({ ...oidc, authority: 'http://127.0.0.1:8090/oidc' }, 'http://127.0.0.1:8091/').authority).toBe('http://127.0.0.1:8090/oidc')
  })

  it('renews a minute before the token the api gets runs out, at once when that is past', () => {
    expect(renewIn(now + 300, now)).toBe(240)
    expect(renewIn(now + 30, now)).toBe(0)
  })
})
