import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_MAX, SUBJECT_MAX, withSubject } from './intake'

describe('intake', () => {
  it('puts the subject on its own first line, before the caller’s words', () => {
    expect(withSubject('暖气不热', '小区暖气不热，室温只有14度')).toBe('暖气不热\n小区暖气不热，室温只有14度')
  })

  it('keeps a subject on one line, and leaves the content alone without one', () => {
    expect(withSubject('  停水\n三天  ', '楼里没有水')).toBe('停水 三天\n楼里没有水')
    expect(withSubject('   ', '楼里没有水')).toBe('楼里没有水')
  })

  it('files no subject without the caller’s words, so the api still asks for them', () => {
    expect(withSubject('停水', '')).toBe('')
    expect(withSubject('停水', '  ')).toBe('  ')
  })

  it('leaves room for the subject within the content the api takes', () => {
    const contract = JSON.parse(readFileSync(resolve(__dirname, '../../docs/openapi.json'), 'utf8'))
    const apiMax: number = contract.components.schemas.NewTicketRequest.properties.content.maxLength
    expect(withSubject('x'.repeat(SUBJECT_MAX), 'y'.repeat(CONTENT_MAX)).length).toBe(apiMax)
  })
})
