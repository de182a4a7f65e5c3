import { createServer } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { Teardown } from '../../server/test-support/teardown.js'
// @ts-expect-error: a plain ES module script without type declarations
import { bundle } from '../build.mjs'

/** Debian's Chromium; nothing downloads a browser. `.ci/run` installs it when missing. */
export const CHROMIUM = '/usr/bin/chromium'

/** Chromium's flags for tests and benchmarks: headless, and nothing that reaches the network by itself. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const PAGE = `<!doctype html><meta charset="utf-8"><title>patchsync test page</title>
<script type="module">
import * as patchsync from '/patchsync-client.js'
window.patchsync = patchsync
document.title = 'ready'
</script>`

/**
 * A page origin on 127.0.0.1 (a secure context, as IndexedDB, Web Locks and crypto.randomUUID
 * need) serving the prebuilt browser bundle, exactly as `client/build.mjs` builds it, to a plain
 * `<script type="module">` that puts its exports on `window.patchsync`. `entry` bundles another
 * module the same way (one that adds the React bindings, say).
 */
export async function servePage(t: Teardown, entry = 'client/browser.ts'): Promise<string> {
  const built = (await bundle(entry)) as { outputFiles: Array<{ path: string; text: string }> }
  const code = built.outputFiles.find((f) => f.path.endsWith('.js'))!.text
  const server = createServer((request, response) => {
    if (request.url === '/patchsync-client.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(code)
    else response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`
}

/** Headless Chromium with a fresh profile (Playwright passes it as --user-data-dir; its tabs share one origin's storage), closed at teardown. */
export async function launchChromium(t: Teardown): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'patchsync-chromium-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  t.teardown(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  return context
}

/** A new tab on the test page, with `window.patchsync` loaded. */
export async function openTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error))
  await page.goto(url)
  await page.waitForFunction(() => document.title === 'ready')
  return page
}
