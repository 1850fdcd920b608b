import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// In development the console and the api share an origin through this proxy; a deployed console names the api
// in public/config.json (the api allows its origin through CORS).
export default defineConfig({
  // Element Plus per component (and its CSS with it): each screen's chunk carries the components it uses, so the
  // first screen does not fetch the whole library (scripts/budget.mjs holds it to 300 KB)
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false })],
  server: {
    proxy: {
      '/v1': 'http://127.0.0.1:8080',
      '/token': 'http://127.0.0.1:8090',
    },
  },
  // the manifest tells scripts/budget.mjs which chunks the first screen needs
  build: { chunkSizeWarningLimit: 2048, manifest: true },
  // a test file that needs a DOM (sessionStorage, the router's history) says so in its first line
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
})
