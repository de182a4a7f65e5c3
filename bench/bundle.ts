/**
 * Size of what a browser downloads: the prebuilt client bundle (client + core + validators +
 * @noble/hashes; the IndexedDB engine needs no WebAssembly), core alone, and the inspector page's
 * script, minified and gzipped.
 */
import { gzipSync } from 'node:zlib'
// @ts-expect-error: a plain ES module script without type declarations
import { bundle } from '../client/build.mjs'

async function size(entry: string): Promise<{ minified: number; gzipped: number }> {
  const result = (await bundle(entry)) as { outputFiles: Array<{ path: string; contents: Uint8Array }> }
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.contents
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
console.log('| bundle | minified | minified + gzip |')
console.log('|---|---|---|')
for (const [name, entry] of [
  ['patchsync/client (browser: client + core)', 'client/browser.ts'],
  ['patchsync/core', 'core/index.ts'],
  ['the inspector page (/inspect: React, react-dom, the client and the page)', 'inspector/main.tsx'],
] as const) {
  const { minified, gzipped } = await size(entry)
  console.log(`| ${name} | ${kb(minified)} | ${kb(gzipped)} |`)
}
