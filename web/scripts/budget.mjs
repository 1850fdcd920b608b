// The console's budget of initial JavaScript (issue 12, "fast and light"): what a browser must fetch before the
// first screen runs is the entry chunk and every chunk it imports statically, at most 300 KB gzipped. Screens,
// their components and the charts load on demand and are not counted. Run by `npm run build` after vite build;
// exits non-zero above the budget, naming the chunks. It reads dist/.vite/manifest.json (build.manifest).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

export const BUDGET_BYTES = 300 * 1024
const dist = fileURLToPath(new URL('../dist/', import.meta.url))

/** The entry's chunk and the chunks it imports statically (transitively), with their gzipped sizes. */
export function initialChunks(manifest, read) {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)
  const seen = new Set()
  const visit = (key) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const next of manifest[key].imports ?? []) visit(next)
  }
  visit(entry)
  return [...seen].map((key) => ({ file: manifest[key].file, gzipped: gzipSync(read(manifest[key].file)).length }))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(dist + '.vite/manifest.json', 'utf8'))
  const chunks = initialChunks(manifest, (file) => readFileSync(dist + file))
  const total = chunks.reduce((sum, c) => sum + c.gzipped, 0)
  for (const c of chunks.sort((a, b) => b.gzipped - a.gzipped)) console.log(`  ${(c.gzipped / 1024).toFixed(1).padStart(7)} KB  ${c.file}`)
  const line = `initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${chunks.length} chunks (budget ${BUDGET_BYTES / 1024} KB)`
  if (total > BUDGET_BYTES) {
    console.error(`${line}: over budget; load components and charts per screen`)
    process.exit(1)
  }
  console.log(line)
}
