// The big screen left on, as on the centre's wall: Chromium shows #/screen at 1920×1080 for --minutes N (default 30)
// while the screen refreshes itself every 5 s, and a ticket is filed every --file-every seconds (default 30) so the
// counters, charts and latest list really change. Every --sample seconds (default 60) it forces a garbage collection
// and prints the JS heap in use and the DOM's node count; at the end the first and last figures. A measurement for
// the README, not a test: memory is flat when the last heap is about the first.
//   node e2e/bigscreen-soak.mjs --minutes 30   (against a local run: bash localstack/run-local.sh --no-build)
// JIESU_CONSOLE (http://127.0.0.1:5173/), JIESU_API (http://127.0.0.1:8080), JIESU_TOKENS (http://127.0.0.1:8090),
// CHROMIUM (/usr/bin/chromium).
import { chromium } from 'playwright-core'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const minutes = arg('minutes', 30)
const fileEvery = arg('file-every', 30)
const sampleEvery = arg('sample', 60)
const base = process.env.JIESU_CONSOLE ?? 'http://127.0.0.1:5173/'
const api = process.env.JIESU_API ?? 'http://127.0.0.1:8080'
const tokens = process.env.JIESU_TOKENS ?? 'http://127.0.0.1:8090'

const token = async (role) => (await fetch(`${tokens}/token?role=${role}`)).text()
const supervisor = await token('supervisor')
const agent = await token('agent')

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
let filed = 0
let failures = 0
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((t) => sessionStorage.setItem('jiesu.token', t), supervisor)
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
  page.on('response', (r) => {
    if (r.url().includes('/v1/') && r.status() >= 400) failures++
  })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.goto(base + '#/screen')
  await page.locator('[data-test=counter-received]').waitFor()

  const sample = async (minute) => {
    await cdp.send('HeapProfiler.collectGarbage')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]))
    const heap = m.JSHeapUsedSize / 1024 / 1024
    console.log(`soak - ${minute.toFixed(1).padStart(5)} min  heap ${heap.toFixed(1)} MB  DOM nodes ${m.Nodes}  listeners ${m.JSEventListeners}  tickets filed ${filed}  api errors ${failures}`)
    return heap
  }

  const started = Date.now()
  const first = await sample(0)
  let last = first
  let nextSample = sampleEvery * 1000
  let nextFiling = fileEvery * 1000
  while (Date.now() - started < minutes * 60_000) {
    await page.waitForTimeout(1000)
    const elapsed = Date.now() - started
    if (fileEvery > 0 && elapsed >= nextFiling) {
      nextFiling += fileEvery * 1000
      const r = await fetch(`${api}/v1/tickets`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${agent}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ category: 'consultation', channel: 'phone', content: `大屏长时间运行测试咨询 ${filed + 1}`, citizenName: '测试', citizenPhone: '13700000000' }),
      }).catch(() => null)
      if (r?.ok) filed++
    }
    if (elapsed >= nextSample) {
      nextSample += sampleEvery * 1000
      last = await sample(elapsed / 60_000)
    }
  }
  last = await sample((Date.now() - started) / 60_000)
  console.log(`soak: ${minutes} min, JS heap ${first.toFixed(1)} MB at start, ${last.toFixed(1)} MB at the end (${(last - first >= 0 ? '+' : '') + (last - first).toFixed(1)} MB); ${filed} tickets filed, ${failures} api errors`)
} finally {
  await browser.close()
}
