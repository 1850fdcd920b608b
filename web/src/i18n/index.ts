import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type Locale = 'zh-CN' | 'en'

const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('jiesu.locale')) as Locale | null

/** Simplified Chinese first; English for whoever switches. */
export const i18n = createI18n({
  legacy: false,
  locale: saved ?? 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem('jiesu.locale', locale)
}
