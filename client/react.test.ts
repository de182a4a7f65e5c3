import t from 'tap'
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { startTestServer } from '../server/test-support/servers.js'
import { launchChromium, openTab, servePage } from './test-support/chromium.js'
import { openTestClient } from './test-support/harness.js'

/** Runs `code` (a function body, with `client` and the page's module `lib` in scope) in the tab. */
function inTab<T>(page: Page, code: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    ({ code, arg }) => new Function('client', 'lib', 'arg', `return (async () => { ${code} })()`)((window as any).client, (window as any).patchsync, arg),
    { code, arg },
  )
}

const renders = (page: Page) => inTab<Record<string, number>>(page, 'return { ...lib.renders }')
const text = (page: Page, id: string) => page.locator(`#${id}`).textContent({ timeout: 10_000 })

t.test('hooks re-render a component only when what it watches changes, and let go on unmount', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const url = await servePage(t, 'client/test-support/react-page.ts')
  const context = await launchChromium(t)
  const page = await openTab(context, url)
  const userId = randomUUID()
  const node = await openTestClient(t, server.url, { userId })
  node.connect()
  const a = await node.create({ title: 'A', content: { n: 0 } })
  const b = await node.create({ title: 'B', content: { n: 0 } })
  await node.whenSynced(10_000)

  await inTab(
    page,
    `
    const c = new lib.SyncClient({ serverUrl: arg.url, userId: arg.userId, authToken: 'token-' + arg.userId, reconnect: { minMs: 20, maxMs: 200 } })
    await c.open()
    window.client = c
    window.baseline = ['document_updated', 'status_changed'].map((e) => c.listenerCount(e))
    c.connect()
    await c.whenSynced(10000)
    lib.mount(c, { a: arg.a, b: arg.b })`,
    { url: server.url, userId, a: a.id, b: b.id },
  )
  await page.waitForFunction(() => document.querySelector('#a')?.textContent === '{"n":0}' && document.querySelector('#status')?.textContent === 'online 0')
  t.equal(await text(page, 'list'), 'A:0,B:0', 'useDocuments lists the documents by title')

  const before = await renders(page)
  await node.update(a.id, [{ op: 'replace', path: '/n', value: 1 }])
  await page.waitForFunction(() => document.querySelector('#a')?.textContent === '{"n":1}')
  await page.waitForFunction(() => document.querySelector('#list')?.textContent === 'A:0,B:0')
  let after = await renders(page)
  t.ok(after.a! > before.a!, 'a remote change of A re-renders the component watching A')
  t.equal(after.b, before.b, 'and not the one watching B')

  const beforeLocal = after
  await inTab(page, `await client.update(arg, [{ op: 'replace', path: '/n', value: 2 }])`, b.id)
  await page.waitForFunction(() => document.querySelector('#b')?.textContent === '{"n":2}')
  await inTab(page, 'await client.whenSynced(10000)')
  await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'online 0')
  after = await renders(page)
  t.ok(after.b! > beforeLocal.b!, 'a local change of B re-renders the component watching B')
  t.equal(after.a, beforeLocal.a, 'and not the one watching A')
  t.ok(after.status! > beforeLocal.status!, 'the status component saw the pending op come and go')

  await inTab(page, 'client.disconnect()')
  await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'offline 0')
  const quiet = await renders(page)
  await inTab(page, `await client.rename(arg, 'A2')`, a.id)
  await page.waitForFunction(() => document.querySelector('#list')?.textContent === 'A2:1,B:0')
  t.equal(await text(page, 'status'), 'offline 1', 'an edit made offline shows as pending')
  t.equal((await renders(page)).b, quiet.b, 'a rename of A leaves B alone')

  await inTab(page, 'lib.unmount()')
  t.same(
    await inTab(page, `return [['document_updated', 'status_changed'].map((e) => client.listenerCount(e)), client.subscribers.size]`),
    [await inTab(page, 'return window.baseline'), 0],
    'after unmount no listener and no document subscription is left on the client',
  )
  const unmounted = await renders(page)
  await inTab(page, `await client.update(arg, [{ op: 'replace', path: '/n', value: 3 }])`, a.id)
  t.same(await renders(page), unmounted, 'nothing renders after unmount')
})
