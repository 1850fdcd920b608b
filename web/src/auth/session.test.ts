// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { claimsOf, hasRole, session, signIn, signOut } from './session'

const base64url = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const jwt = (claims: object) => `${base64url('{"alg":"RS256"}')}.${base64url(JSON.stringify(claims))}.signature`

describe('session', () => {
  beforeEach(() => signOut())

  it('reads the role, the unit and a subject in Chinese from the token', () => {
    expect(claimsOf(jwt({ sub: '李工', groups: ['reviewer'], unit: 'heating-company' }))).toEqual({
      subject: '李工', roles: ['reviewer'], unit: 'heating-company',
    })
  })

  it('keeps the token for the tab and knows the role', () => {
    signIn(jwt({ sub: 'a', groups: ['dispatcher'] }))
    expect(session.roles).toEqual(['dispatcher'])
    expect(hasRole('dispatcher')).toBe(true)
    expect(hasRole('admin', 'agent')).toBe(false)
    expect(sessionStorage.getItem('jiesu.token')).toBe(session.token)
  })

  it('refuses what is not a token and keeps no session', () => {
    expect(() => signIn('not-a-token')).toThrow()
    expect(session.token).toBeNull()
  })
})
