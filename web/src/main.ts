import { createApp } from 'vue'
// Element Plus comes per component (vite.config.ts); its base styles and the message box used from code come here
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { loadConfig } from './api/config'
import { restore } from './auth/session'

await loadConfig()
restore()
createApp(App).use(i18n).use(router).mount('#app')
