import { createApp } from 'vue'
// Element Plus comes per component (vite.config.ts); its base styles and the message box used from code come here
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import App from './App.vue'
import { preloadScreen, router } from './router'
import { i18n } from './i18n'
import { config, loadConfig, signInMode } from './api/config'
import { restore } from './auth/session'

restore()
// not in the provider's hidden renewal frame, which shows no screen
if (window.parent === window) preloadScreen(location.hash.slice(1))
await loadConfig()
// with the city's identity provider, the provider decides the session: its answer on this load, or the tab's user
const start = signInMode(config()) === 'oidc' ? await (await import('./auth/oidc')).startOidc(config().oidc!) : null
// 'stop': this load is the silent renewal's hidden frame, which only hands the answer to the console around it
if (start !== 'stop') {
  createApp(App).use(i18n).use(router).mount('#app')
  // back to the screen asked for before the provider's sign-in (the router began at the bare answer's address)
  if (start) await router.replace(start)
}
