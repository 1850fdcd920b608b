import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// In development the console and the api share an origin through this proxy; a deployed console names the api
// in public/config.json (the api allows its origin through CORS).
export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      '/v1': 'http://127.0.0.1:8080',
      '/token': 'http://127.0.0.1:8090',
    },
  },
  build: { chunkSizeWarningLimit: 2048 },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts'] },
})
