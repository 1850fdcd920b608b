import type { Schemas } from './api/client'

// The values the api takes, typed by the generated schema: a value the api drops fails the type check.
export const categories: Schemas['Category'][] = ['consultation', 'help_request', 'suggestion', 'complaint', 'report']
export const agentChannels: Schemas['Channel'][] = ['phone', 'web', 'mobile', 'wechat', 'leader_hotline']
export const satisfactions: Schemas['Satisfaction'][] = ['satisfied', 'basically_satisfied', 'unsatisfied']
export const contactKinds: Schemas['ContactKind'][] = ['first', 'result', 'on_site']
export const outcomes: Schemas['Outcome'][] = ['solved', 'explained']
