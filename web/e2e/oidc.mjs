// The console as a city deploys it, in a real browser: it signs in with the identity provider (OpenID Connect code
// flow with PKCE; on the local run the token server's stand-in), lands on the role's screen and calls the api with
// a token the api accepts; signing out ends the provider's session. Run by ConsoleSignInEndToEndTest (localstack/run)
// with JIESU_CONSOLE (a console whose config.json names the provider); exits non-zero on the first failed check.
import { chromium } from 'playwright-core'

const base = process.env.JIESU_CONSOLE ?? 'http://127.0.0.1:5173/'
const CLIENT_ID = process.env.JIESU_CLIENT_ID ?? 'jiesu-console'

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`)
  console.log(`ok - ${what}`)
}

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'))

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const calls = []
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
  page.on('console', (m) => { if (m.type() === 'error') console.error(`console: ${m.text()}`) })
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/v1/')) calls.push({ status: r.status(), bearer: r.request().headers().authorization })
  })

  await page.goto(base + '#/dispatch')
  await page.waitForURL(/#\/sign-in/)
  const button = page.locator('[data-test=oidc-sign-in]')
  await button.waitFor()
  check(await button.innerText() === '使用城市统一身份认证登录', "the sign-in screen offers the city's sign-in, in Chinese")
  check((await page.locator('[data-test=role]').count()) === 0 && (await page.locator('[data-test=token]').count()) === 0,
    'and neither the role picker nor a token box')

  await button.click()
  await page.waitForURL(/\/oidc\/authorize\?/)
  const request = new URL(page.url()).searchParams
  check(request.get('response_type') === 'code' && request.get('client_id') === CLIENT_ID, 'the browser goes to the provider for a code, as the console client')
  check(request.get('code_challenge_method') === 'S256' && /^[A-Za-z0-9_-]{43}$/.test(request.get('code_challenge') ?? ''), 'with a PKCE S256 challenge')
  check(request.get('redirect_uri') === base, 'and the console itself as the redirect URI')

  await page.locator('[data-test=idp-role]').selectOption('dispatcher')
  await page.locator('[data-test=idp-sign-in]').click()
  await page.waitForURL(/#\/dispatch/, { timeout: 30000 })
  check(!page.url().includes('code='), 'back on the screen asked for (the dispatch queue), the spent code gone from the address')
  // the screen's first calls may be answered before this line: wait on what was seen
  for (let until = Date.now() + 30000; !calls.some((c) => c.status === 200) && Date.now() < until;) await page.waitForTimeout(200)
  check(calls.some((c) => c.status === 200), 'the screen loads its data from the api')
  const sent = calls.find((c) => c.bearer)?.bearer?.replace(/^Bearer /, '')
  check(sent != null, 'the api is called with a bearer token')
  const token = claims(sent)
  check(token.aud === CLIENT_ID && token.iss === 'https://jiesu.local' && token.groups?.includes('dispatcher'),
    "the token is the one the api accepts: its issuer, the console's client id as audience, the role in groups")
  check(calls.every((c) => c.status !== 401 && c.status !== 403), `no call is refused (${calls.map((c) => c.status).join(' ')})`)
  check(await page.getByText('当前用户: dispatcher-oidc').isVisible(), "the provider's subject shows as the one signed in")

  check((await page.evaluate(() => Object.keys(localStorage).length)) === 0, 'nothing is kept beyond the tab (no local storage)')
  await page.reload()
  await page.waitForURL(/#\/dispatch/)
  await page.getByText('当前用户: dispatcher-oidc').waitFor({ timeout: 15000 })
  check(true, 'a reload keeps the tab signed in')

  await page.getByRole('button', { name: '退出' }).click()
  await page.waitForURL(/#\/sign-in/, { timeout: 15000 })
  check((await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user') || k === 'jiesu.token').length)) === 0,
    "signing out ends the provider's session and keeps no token")

  console.log('oidc: all checks passed')
} catch (e) {
  console.error(e)
  process.exitCode = 1
} finally {
  await browser.close()
}
