// Serves the built console (dist/) and passes /v1 to the api, so the console and the api share one origin, as
// behind the city's gateway. Used by the browser test and by `npm run serve` beside a local run.
import { createServer, request } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.ico': 'image/x-icon' }

/** tokensOrigin: the local run's token server, passed on at /token; null where the city's sign-in issues tokens. */
export function serveConsole(apiOrigin, port = 0, tokensOrigin = null) {
  const server = createServer(async (req, res) => {
    const to = req.url.startsWith('/v1/') || req.url.startsWith('/q/') ? apiOrigin : tokensOrigin && req.url.startsWith('/token') ? tokensOrigin : null
    if (to) {
      const api = new URL(to)
      const upstream = request({ host: api.hostname, port: api.port, path: req.url, method: req.method, headers: { ...req.headers, host: api.host } }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers)
        answer.pipe(res)
      })
      upstream.on('error', () => { res.writeHead(502); res.end() })
      req.pipe(upstream)
      return
    }
    const path = req.url.split('?')[0]
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ api: '', tokens: tokensOrigin ? '' : null }))
      return
    }
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path))
    if (!file.startsWith(DIST)) { res.writeHead(404); res.end(); return }
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404)
      res.end()
    }
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const apiOrigin = process.env.JIESU_API ?? 'http://127.0.0.1:8080'
  const port = Number(process.env.PORT ?? 5173)
  const server = await serveConsole(apiOrigin, port, process.env.JIESU_TOKENS ?? 'http://127.0.0.1:8090')
  console.log(`Jiesu console on http://127.0.0.1:${server.address().port} (api ${apiOrigin})`)
}
