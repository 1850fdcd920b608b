// How soon the first screen can be worked, cold, measured many times: Chromium opens the agent desk in a new
// browser context (no cache) --runs N times (default 20) and times navigation until the desk's content box has the
// focus, which the screen gives it once mounted (the same measure as the browser test's single figure). Prints each
// run and p50 / p95 / min / max. A measurement for the README, not a test.
//   node e2e/first-screen.mjs --runs 20   (against a local run: bash localstack/run-local.sh --no-build)
// JIESU_CONSOLE (http://127.0.0.1:5173/), JIESU_TOKENS (http://127.0.0.1:8090), CHROMIUM (/usr/bin/chromium).
import { chromium } from 'playwright-core'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const runs = arg('runs', 20)
const base = process.env.JIESU_CONSOLE ?? 'http://127.0.0.1:5173/'
const tokens = process.env.JIESU_TOKENS ?? 'http://127.0.0.1:8090'
const agent = await (await fetch(`${tokens}/token?role=agent`)).text()

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const times = []
try {
  for (let run = 0; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.addInitScript((t) => sessionStorage.setItem('jiesu.token', t), agent)
    const page = await context.newPage()
    const started = Date.now()
    await page.goto(base + '#/agent')
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', null, { timeout: 30000 })
    const interactive = Date.now() - started
    const kb = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((r) => r.name.endsWith('.js')).reduce((sum, r) => sum + r.encodedBodySize, 0) / 1024)
    await context.close()
    // the first run starts the browser's own processes and warms the server: not counted
    if (run === 0) continue
    times.push(interactive)
    console.log(`first screen - run ${String(run).padStart(2)}: interactive in ${interactive} ms, ${Math.round(kb)} KB of scripts as sent`)
  }
} finally {
  await browser.close()
}
const sorted = [...times].sort((a, b) => a - b)
const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
console.log(`first screen - ${times.length} cold runs: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, min ${sorted[0]} ms, max ${sorted[sorted.length - 1]} ms`)
