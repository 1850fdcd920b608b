// The console in a real browser against a running Jiesu (the local run's api): each role's screen does its job.
// Run by ConsoleEndToEndTest (localstack/run) with JIESU_CONSOLE (the local run's console server), JIESU_API and
// JIESU_TOKENS_JSON (role -> token); exits non-zero
// on the first failed check. Chromium is the system's (CHROMIUM, default /usr/bin/chromium).
import { chromium } from 'playwright-core'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'

const API = process.env.JIESU_API ?? 'http://127.0.0.1:8080'
const TOKENS = JSON.parse(process.env.JIESU_TOKENS_JSON ?? '{}')
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url))
const WAIT = Number(process.env.JIESU_WAIT_MS ?? 60000)

/** A small real PNG (a blue-to-orange gradient), so the browser has a photo to decode and show. */
function photo(width = 96, height = 72) {
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([Math.round((255 * x) / width), 120, 255 - Math.round((255 * y) / height)], y * (width * 3 + 1) + 1 + x * 3)
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

// each check says when it passed, from the script's start: the slow steps show in the log
const began = Date.now()
function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`)
  console.log(`ok - ${what} (${((Date.now() - began) / 1000).toFixed(1)} s)`)
}

async function apiCall(method, path, role, body) {
  const response = await fetch(API + path, {
    method,
    headers: { Authorization: `Bearer ${TOKENS[role]}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: response.status, body: await response.json().catch(() => null) }
}

/** Clicks the screen's refresh until `text` shows in it: the pipeline's stages move tickets on in their own time. */
async function refreshUntil(page, text) {
  const until = Date.now() + WAIT
  while (Date.now() < until) {
    if ((await page.getByText(text).count()) > 0) return true
    await page.getByRole('button', { name: /刷新|Refresh/ }).first().click()
    await page.waitForTimeout(500)
  }
  return false
}

async function success(page, pattern) {
  const message = page.locator('.el-message--success').filter({ hasText: pattern }).first()
  await message.waitFor({ timeout: 30000 })
  return message.innerText()
}

const base = process.env.JIESU_CONSOLE ?? 'http://127.0.0.1:5173/'
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
await mkdir(SHOTS, { recursive: true })

/** Every refusal or failure the screens meet goes to the log, so a failed check shows why. */
function watch(page, role) {
  page.on('pageerror', (e) => console.error(`page error (${role}): ${e.message}`))
  page.on('response', (r) => {
    if (r.url().includes('/v1/') && r.status() >= 400) console.error(`${role}: HTTP ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`)
  })
  page.on('requestfailed', (r) => console.error(`${role}: failed ${r.method()} ${r.url()} ${r.failure()?.errorText}`))
}

async function as(role, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((token) => sessionStorage.setItem('jiesu.token', token), TOKENS[role])
  const page = await context.newPage()
  watch(page, role)
  return page
}

/**
 * How soon the first screen can be worked, cold (a new browser context: no cache): from navigation until the agent
 * desk's content box has the focus, which the screen gives it once mounted. A figure to report, not a check.
 */
async function firstScreen() {
  const page = await as('agent')
  const started = Date.now()
  await page.goto(base + '#/agent')
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', null, { timeout: 30000 })
  const interactive = Date.now() - started
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'))
    return {
      domInteractive: Math.round(nav.domInteractive),
      scripts: scripts.length,
      scriptBytes: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0),
    }
  })
  console.log(`measure - first screen (agent desk, cold) interactive in ${interactive} ms; DOM interactive at ${timing.domInteractive} ms; ${timing.scripts} scripts, ${Math.round(timing.scriptBytes / 1024)} KB as sent`)
  await page.context().close()
}

try {
  await firstScreen()

  // 1. an agent signs in with a token and files a complaint from the keyboard
  const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const agent = await agentContext.newPage()
  watch(agent, 'agent')
  await agent.goto(base + '#/sign-in')
  await agent.locator('[data-test=token]').fill(TOKENS.agent)
  await agent.getByRole('button', { name: '登录' }).first().click()
  await agent.waitForURL(/#\/agent/)
  check(await agent.getByText('话务受理').first().isVisible(), 'an agent lands on the agent desk, in Chinese')
  check(await agent.locator('[data-test=knowledge]').isVisible(), 'the knowledge and notices panel is placed')
  // a repeat caller: the earlier ticket shows while the number is typed
  const phone = '137' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0')
  const earlier = await apiCall('POST', '/v1/tickets', 'agent', {
    category: 'complaint', channel: 'phone', content: '上周反映的暖气问题仍未解决', citizenName: '张三', citizenPhone: phone, location: '东城区和平里3号楼',
  })
  check(earlier.status === 201, 'an earlier ticket of the caller is on file')
  await agent.locator('[data-test=phone]').fill(phone)
  const earlierRow = agent.locator('[data-test=earlier]').getByText('上周反映的暖气问题仍未解决')
  await earlierRow.waitFor({ timeout: 30000 }).catch(() => {})
  check(await earlierRow.isVisible(), "the caller's earlier ticket shows as the number is typed")
  await agent.locator('[data-test=name]').fill('张三')
  await agent.locator('[data-test=location]').fill('东城区和平里3号楼')
  await agent.locator('[data-test=content]').fill('小区暖气不热，室温只有14度')
  await agent.locator('[data-test=subject]').fill('暖气不热')
  // the caller sent a photo of the thermometer: it goes with the ticket once filed
  await agent.locator('[data-test=files]').setInputFiles({ name: '室温.png', mimeType: 'image/png', buffer: photo() })
  await agent.locator('[data-test=content]').press('Control+Enter')
  const filed = await success(agent, '工单已登记')
  const id = filed.split('：')[1].trim()
  check(/\S+/.test(id), `Ctrl+Enter files the ticket (${id})`)
  check((await agent.locator('[data-test=content]').inputValue()) === '', 'the form is cleared for the next call')
  const stored = await apiCall('GET', `/v1/tickets/${id}`, 'agent')
  check(stored.body?.content === '暖气不热\n小区暖气不热，室温只有14度', 'the subject is filed as the first line of the content, which the router weighs')
  await success(agent, '附件已上传')
  check(true, 'the photo is uploaded straight to storage after filing')
  await agent.screenshot({ path: SHOTS + 'agent-desk.png' })

  // 1b. the knowledge base: the heating company drafts an article on screen and sends it for review, the centre
  // publishes it; a notice of a heating cut for the caller's place is published ahead (through the api)
  const run = String(Math.floor(Math.random() * 1e6))
  const question = `供暖费补贴怎么申请 ${run}`
  const drafter = await as('unit')
  await drafter.goto(base + '#/knowledge')
  await drafter.locator('[data-test=new-article]').click()
  await drafter.locator('[data-test=article-question]').fill(question)
  await drafter.locator('[data-test=article-variants]').fill('暖气费补贴在哪里办')
  await drafter.locator('[data-test=article-answer]').fill('低保、特困家庭可持身份证和户口本向所在街道申请供暖费补贴，每个供暖季申请一次。')
  await drafter.locator('[data-test=article-basis]').fill('北京市城镇低收入家庭供暖补贴办法')
  await drafter.locator('[data-test=article-matters]').click()
  await drafter.locator('.el-select-dropdown__item:visible').filter({ hasText: '供暖温度不达标' }).click()
  await drafter.locator('[data-test=article-save]').click()
  await success(drafter, '已完成')
  await drafter.locator('[data-test=submit-article]').click()
  const inReview = await drafter.locator('.el-drawer .el-tag').getByText('待审核').first().waitFor({ timeout: 15000 }).then(() => true, () => false)
  check(inReview, 'the unit drafts an article on screen and sends it for review')
  const centre = await as('dispatcher')
  await centre.goto(base + '#/knowledge')
  await centre.locator('[data-test=articles]').getByText(question).first().click()
  await centre.locator('[data-test=publish-article]').waitFor()
  await centre.waitForTimeout(500) // the drawer slides in
  await centre.screenshot({ path: SHOTS + 'knowledge-review.png' })
  await centre.locator('[data-test=publish-article]').click()
  await success(centre, '已完成')
  const listed = await apiCall('GET', '/v1/knowledge/articles?status=published&limit=200', 'dispatcher')
  const article = listed.body.items.find((a) => a.versions.some((v) => v.question === question))
  check(article?.publishedVersion === 1, `the centre publishes it from the review queue (${article?.id})`)

  const place = `和平里北街${run}号院`
  const hour = 3600 * 1000
  const cut = await apiCall('POST', '/v1/notices', 'unit', {
    kind: 'heating', title: `${place}换热站检修停暖`, text: '换热站阀门检修，期间暂停供暖，预计当日恢复。',
    areas: [{ place }], from: new Date(Date.now() - hour).toISOString(), to: new Date(Date.now() + 6 * hour).toISOString(),
  })
  check(cut.status === 201 && (await apiCall('POST', `/v1/notices/${cut.body.id}/publish`, 'reviewer')).status === 200,
    "the unit head publishes a notice of a heating cut for the caller's place")

  // the agent types the caller's words: the notice for the caller's place first, then the published article
  await agent.locator('[data-test=phone]').fill('136' + run.padStart(8, '0'))
  await agent.locator('[data-test=name]').fill('赵六')
  await agent.locator('[data-test=location]').fill(place)
  await agent.locator('[data-test=content]').fill('想问一下供暖费补贴怎么申请')
  const row = agent.locator('[data-test=knowledge-items] > li').filter({ hasText: question })
  await row.waitFor({ timeout: 15000 }).catch(() => {})
  check(await row.isVisible(), 'the published article appears in the panel as the caller\'s words are typed')
  const first = await agent.locator('[data-test=knowledge-items] > li').first().innerText()
  check(first.includes(`${place}换热站检修停暖`), "the notice covering the caller's place comes first")
  await agent.screenshot({ path: SHOTS + 'agent-knowledge.png' })
  await row.locator('[data-test=helpful]').click()
  await success(agent, '已记录反馈')
  await row.locator('[data-test=answer-on-spot]').click()
  const answeredOnSpot = (await success(agent, '已即时答复并办结')).split('：')[1].trim()
  const closed = await apiCall('GET', `/v1/tickets/${answeredOnSpot}`, 'agent')
  check(closed.body.state === 'closed' && closed.body.closure === 'answered_on_spot'
    && closed.body.answeredFrom?.articleId === article.id && closed.body.answeredFrom?.version === 1,
    `answering on the spot files the consultation closed, citing the article and version (${answeredOnSpot})`)
  const marked = await apiCall('GET', `/v1/knowledge/articles/${article.id}`, 'dispatcher')
  check(marked.body.helpful === 1, 'the agent\'s "helpful" is counted on the article')

  // a citizen online finds the answer before filing and says it answered the question: counted, nothing filed
  const deflected = async () => (await apiCall('GET', '/v1/dashboard', 'supervisor')).body.today.deflected
  const before = { deflected: await deflected(), tickets: (await apiCall('GET', '/v1/citizens/me/tickets?limit=100', 'citizen')).body.items.length }
  const citizen = await as('citizen', { width: 1280, height: 800 })
  await citizen.goto(base + '#/citizen')
  await citizen.locator('[data-test=citizen-words]').fill('供暖费补贴怎么申请')
  await citizen.locator('[data-test=citizen-search]').click()
  const found = citizen.locator('[data-test=citizen-answer]').filter({ hasText: question })
  await found.waitFor({ timeout: 15000 })
  check(await citizen.locator('[data-test=citizen-file-form]').isVisible(), 'a citizen sees the answers before the form to file')
  await found.locator('[data-test=citizen-answered]').click()
  await found.locator('[data-test=citizen-thanks]').waitFor()
  let counted = false
  for (const until = Date.now() + 15000; !counted && Date.now() < until; await citizen.waitForTimeout(500)) {
    counted = (await deflected()) === before.deflected + 1
  }
  const after = (await apiCall('GET', '/v1/citizens/me/tickets?limit=100', 'citizen')).body.items.length
  check(counted && after === before.tickets, '"this answered my question" is counted as a deflection and files nothing')
  await citizen.screenshot({ path: SHOTS + 'citizen.png' })
  const board = await as('reviewer')
  await board.goto(base + '#/notices')
  await board.locator('[data-test=notices]').getByText(`${place}换热站检修停暖`).first().waitFor()
  await board.waitForTimeout(500) // the tags' styles come with their chunk
  await board.screenshot({ path: SHOTS + 'notices.png' })

  // 2. the heating company's staff find it in their inbox (routed by the catalogue), see the phone masked, and sign
  const unit = await as('unit')
  await unit.goto(base + '#/unit')
  check(await refreshUntil(unit, id), 'the routed ticket reaches the lead unit\'s inbox')
  await unit.getByText(id).first().click()
  await unit.locator('.el-drawer').getByText('小区暖气不热').waitFor()
  const drawer = await unit.locator('.el-drawer').innerText()
  check(drawer.includes(phone), 'the lead unit, who must call the citizen, sees the phone in full')
  const thumbnail = unit.locator('.el-drawer [data-test=thumbnail]').first()
  await thumbnail.waitFor({ timeout: 15000 })
  await unit.waitForFunction((img) => img.complete, await thumbnail.elementHandle())
  const shown = await thumbnail.evaluate((img) => img.naturalWidth)
  check(shown === 96, `the photo attached at intake loads on the lead unit's workbench (naturalWidth ${shown})`)
  await unit.locator('[data-test=sign]').click()
  await success(unit, '已完成')
  check(await unit.locator('.el-drawer').getByText('已签收').first().isVisible(), 'signing shows the ticket signed')
  await unit.locator('.el-drawer').getByRole('tab', { name: '联系诉求人' }).click()
  await unit.locator('[data-test=contact]').click()
  await success(unit, '已完成')
  await unit.screenshot({ path: SHOTS + 'unit-workbench.png' })

  // 2b. another unit neither finds the ticket on its workbench nor opens it by its number
  const stranger = await as('otherUnit')
  const inboxRead = stranger.waitForResponse((r) => r.url().includes('/inbox'))
  await stranger.goto(base + '#/unit')
  await inboxRead
  await stranger.locator('[data-test=inbox]').waitFor()
  check((await stranger.getByText(id).count()) === 0, "another unit's workbench does not list the ticket")
  await stranger.locator('[data-test=open-id]').fill(id)
  await stranger.locator('[data-test=open-id]').press('Enter')
  const refusal = stranger.locator('.el-message--error').first()
  await refusal.waitFor({ timeout: 15000 })
  const refused = await refusal.innerText()
  check(refused.includes('not held by your unit') && !(await stranger.locator('.el-drawer').isVisible()),
    `opening it by its number is refused (${refused.trim()})`)
  await stranger.context().close()

  // 3. the unit's reviewer approves and sends the reply
  const reviewer = await as('reviewer')
  await reviewer.goto(base + '#/unit')
  check(await refreshUntil(reviewer, id), "the ticket is in the reviewer's inbox")
  await reviewer.getByText(id).first().click()
  await reviewer.locator('.el-drawer').getByRole('tab', { name: '答复' }).click()
  await reviewer.locator('[data-test=result]').fill('已排查换热站并修复阀门，室温恢复至20度')
  await reviewer.locator('[data-test=handler]').fill('李工')
  await reviewer.locator('[data-test=handler-phone]').fill('01064001234')
  await reviewer.locator('[data-test=reply]').click()
  await success(reviewer, '已完成')
  check(await reviewer.locator('.el-drawer').getByText('已答复').first().isVisible(), 'the reply is sent')

  // 4. the agent records the callback once the reply stage has opened the window
  let recorded = false
  for (const until = Date.now() + WAIT; !recorded && Date.now() < until; ) {
    await agent.locator('[data-test=callback-id]').fill(id)
    await agent.locator('[data-test=callback]').click()
    recorded = await agent.locator('.el-message--success').filter({ hasText: '回访已登记' }).first()
      .waitFor({ timeout: 2000 }).then(() => true, () => false)
  }
  check(recorded, 'the agent records the callback')

  // 5. a dispatcher places a ticket the catalogue cannot
  const unplaced = await apiCall('POST', '/v1/tickets', 'agent', {
    category: 'help_request', channel: 'phone', content: '楼下有只流浪猫叫了一夜，请帮忙处理', citizenName: '王五', citizenPhone: '13900001111', location: '朝阳区',
  })
  check(unplaced.status === 201, 'a ticket no keyword places is filed')
  const dispatcher = await as('dispatcher')
  await dispatcher.goto(base + '#/dispatch')
  check(await refreshUntil(dispatcher, unplaced.body.id), 'it waits in the dispatch queue')
  await dispatcher.getByText(unplaced.body.id).first().click()
  await dispatcher.locator('.el-drawer').getByText('流浪猫').first().waitFor()
  const seen = await dispatcher.locator('.el-drawer').innerText()
  check(!seen.includes('13900001111') && !seen.includes('王五') && seen.includes('139****1111'),
    "a dispatcher sees the citizen's name and phone masked")
  await dispatcher.locator('[data-test=lead-unit]').click()
  await dispatcher.locator('.el-select-dropdown__item:visible').first().click()
  await dispatcher.locator('[data-test=dispatch]').click()
  await success(dispatcher, '已派至')
  const placed = await apiCall('GET', `/v1/tickets/${unplaced.body.id}`, 'dispatcher')
  check(placed.body.state === 'dispatched' && placed.body.leadUnit, `the dispatcher's choice is stored (${placed.body.leadUnit})`)

  // 6. a supervisor reads the ranking and a ticket's whole history
  const supervisor = await as('supervisor')
  await supervisor.goto(base + '#/supervisor')
  await supervisor.locator('[data-test=ranking]').waitFor()
  await supervisor.locator('[data-test=search-results]').waitFor()
  await supervisor.locator('[data-test=lookup-id]').fill(id)
  await supervisor.locator('[data-test=lookup-id]').press('Enter')
  await supervisor.locator('.el-timeline').getByText('签收').first().waitFor()
  check(await supervisor.locator('.el-timeline').getByText('受理').first().isVisible(), "the supervisor sees the ticket's history")
  await supervisor.screenshot({ path: SHOTS + 'supervision.png', fullPage: true })

  // 7. the big screen, at the size of the centre's wall
  const wall = await as('supervisor', { width: 1920, height: 1080 })
  await wall.goto(base + '#/screen')
  await wall.getByText('12345 接诉即办 实时监测').waitFor()
  await wall.locator('[data-test=latest] li').first().waitFor({ timeout: 15000 })
  const takenIn = Number(await wall.locator('[data-test=counter-received] .value').innerText())
  check(takenIn >= 3, `the wall counts today's intake from the dashboard (${takenIn})`)
  const more = await apiCall('POST', '/v1/tickets', 'agent', {
    category: 'consultation', channel: 'phone', content: '社保卡补办需要哪些材料', citizenName: '赵六', citizenPhone: '13600002222', answeredOnSpot: true,
    articleId: article.id, articleVersion: 1, // on the spot cites the article read out (the published one above)
  })
  check(more.status === 201, 'another call is taken while the wall is on')
  const moved = await wall.waitForFunction((before) => Number(document.querySelector('[data-test=counter-received] .value')?.textContent) > before,
    takenIn, { timeout: 30000 }).then(() => true, () => false)
  check(moved, "the wall's intake counter moves when a ticket is filed, without a reload")
  await wall.waitForTimeout(1000)
  await wall.screenshot({ path: SHOTS + 'big-screen.png' })

  // 8. an admin sees the catalogue; English is one click away
  const admin = await as('admin')
  await admin.goto(base + '#/admin')
  await admin.locator('[data-test=units] input').first().waitFor()
  const unitIds = await admin.locator('[data-test=units] input').evaluateAll((inputs) => inputs.map((i) => i.value))
  check(unitIds.includes('heating-company'), 'the admin edits the catalogue the api serves')
  // the learned router's panel says what the api says is in force: a model and when it dispatches alone, or none yet
  const inForce = await apiCall('GET', '/v1/admin/routing/model', 'admin')
  const routerPanel = admin.locator('[data-test=router]')
  if (inForce.status === 404) {
    await routerPanel.locator('[data-test=router-none]').waitFor()
    check(await routerPanel.getByText('尚无模型').isVisible(), 'the admin sees that no router model is in force yet, so the catalogue routes')
  } else {
    await routerPanel.locator('[data-test=router-model]').waitFor()
    check(await routerPanel.getByText(inForce.body.version).isVisible(), `the admin sees the router in force (${inForce.body.version})`)
  }
  // an export goes from the browser straight to storage, and the training function reads it: one row is too few
  await routerPanel.locator('input[type=file]').setInputFiles({
    name: '历史工单.csv', mimeType: 'text/csv', buffer: Buffer.from('text,category,location,unit\n小区暖气不热,供热,东城区,heating-company\n'),
  })
  const runLine = routerPanel.locator('[data-test=router-run]')
  await runLine.getByText('未训练').waitFor({ timeout: WAIT })
  check((await runLine.innerText()).includes('1 lessons'), 'an export uploaded from the console reaches the training function, which reads its one row: too few to train')
  await admin.locator('.lang').getByText('English').click()
  check(await admin.getByText('Routing catalogue').isVisible(), 'the console switches to English')
  console.log('console: all checks passed')
} finally {
  await browser.close()
}
