import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'

/** The enums of the api's contract, read from the generated client: a value the api adds needs a label here. */
function enumsOf(schema: string): Map<string, string[]> {
  const enums = new Map<string, string[]>()
  for (const m of schema.matchAll(/^\s{8}(\w+): ((?:"[^"]+"(?: \| )?)+);$/gm)) {
    enums.set(m[1], [...m[2].matchAll(/"([^"]+)"/g)].map((v) => v[1]))
  }
  return enums
}

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

const schema = readFileSync(resolve(__dirname, '../api/schema.d.ts'), 'utf8')
const labelled: Record<string, keyof typeof zhCN> = {
  TicketState: 'state', Category: 'category', Channel: 'channel', Satisfaction: 'satisfaction', ContactKind: 'contactKind',
  Outcome: 'outcome', Closure: 'closure', EventType: 'event', Role: 'role',
  NoticeKind: 'noticeKind', NoticeStatus: 'noticeStatus', ArticleStatus: 'articleStatus',
}

describe('labels', () => {
  it('Chinese and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it.each(Object.entries(labelled))('every %s the api sends has a label in both languages', (name, section) => {
    const values = enumsOf(schema).get(name)
    expect(values, `${name} in the OpenAPI document`).toBeDefined()
    for (const value of values!) {
      expect((zhCN[section] as Record<string, string>)[value], `${section}.${value}`).toMatch(/\p{Script=Han}/u)
      expect((en[section] as Record<string, string>)[value], `${section}.${value}`).toBeTruthy()
    }
  })
})
