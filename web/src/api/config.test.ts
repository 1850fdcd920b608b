import { describe, expect, it } from 'vitest'
import { readConfig, signInMode } from './config'

describe('config.json', () => {
  it("the local run's token server: the role picker", () => {
    const config = readConfig({ api: '', tokens: '' })
    expect(config).toEqual({ api: '', tokens: '', oidc: null })
    expect(signInMode(config)).toBe('local')
  })

  it("the city's provider: issuer and client id, openid always among the scopes", () => {
    const config = readConfig({ api: 'https://api.example', tokens: null, oidc: { issuer: 'https://id.city.gov.cn/realms/jiesu', clientId: ' jiesu-console ', scope: 'profile jiesu' } })
    expect(config.oidc).toEqual({ issuer: 'https://id.city.gov.cn/realms/jiesu', clientId: 'jiesu-console', scope: 'openid profile jiesu' })
    expect(signInMode(config)).toBe('oidc')
    expect(readConfig({ api: '', oidc: { issuer: 'https://id.example', clientId: 'c' } }).oidc!.scope).toBe('openid profile')
  })

  it('neither: a pasted token', () => {
    expect(signInMode(readConfig({ api: 'https://api.example', tokens: null }))).toBe('token')
    expect(signInMode(readConfig(null))).toBe('token')
  })

  it('refuses a provider without an https issuer or without a client id', () => {
    expect(() => readConfig({ oidc: { clientId: 'c' } })).toThrow(/oidc.issuer/)
    expect(() => readConfig({ oidc: { issuer: 'http://id.example', clientId: 'c' } })).toThrow(/oidc.issuer/)
    expect(() => readConfig({ oidc: { issuer: 'https://id.example', clientId: ' ' } })).toThrow(/oidc.clientId/)
    expect(() => readConfig({ oidc: { issuer: 'https://id.example', clientId: 'c', authority: 'ftp://x' } })).toThrow(/oidc.authority/)
  })

  it("takes plain http only on this machine (the local run's provider)", () => {
    expect(readConfig({ oidc: { issuer: 'https://jiesu.local', clientId: 'c', authority: 'http://127.0.0.1:8090/oidc' } }).oidc!.authority).toBe('http://127.0.0.1:8090/oidc')
  })
})
