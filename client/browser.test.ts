import t from 'tap'
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { canonicalJson } from '../core/index.js'
import type { SyncServer } from '../server/sync-server.js'
import { TEST_DIALECTS } from '../server/test-support/databases.js'
import { launchChromium, openTab, servePage } from './test-support/chromium.js'
import { FaultyProxy } from './test-support/faulty-proxy.js'
import { openTestClient } from './test-support/harness.js'
import { startTestServer } from '../server/test-support/servers.js'
import { eventually } from '../server/test-support/eventually.js'

/** Opens a SyncClient in the tab (the page's `window.client`), from the prebuilt bundle. */
async function openClient(page: Page, options: { serverUrl: string; userId: string; authToken?: string }): Promise<void> {
  await page.evaluate(async ({ serverUrl, userId, authToken }) => {
    const { SyncClient } = (window as any).patchsync
    const client = new SyncClient({ serverUrl, userId, authToken: authToken ?? `token-${userId}`, reconnect: { minMs: 20, maxMs: 200 } })
    await client.open()
    ;(window as any).client = client
  }, options)
}

/** Runs `code` (a function body, with `client` in scope) in the tab. */
function inTab<T>(page: Page, code: string, arg?: unknown): Promise<T> {
  return page.evaluate(({ code, arg }) => new Function('client', 'arg', `return (async () => { ${code} })()`)((window as any).client, arg), { code, arg })
}

async function opCounts(server: SyncServer, documentId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const e of await server.store.documentEvents(documentId)) if (e.clientOpId) counts.set(e.clientOpId, (counts.get(e.clientOpId) ?? 0) + 1)
  return counts
}

t.test('offline edits survive a reload and a killed tab, then reach the server once each', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const url = await servePage(t)
  const context = await launchChromium(t)
  const userId = randomUUID()
  let page = await openTab(context, url)
  await openClient(page, { serverUrl: server.url, userId })
  const id = await inTab<string>(
    page,
    `
    const doc = await client.create({ title: 'Offline', content: { items: [] } })
    for (let i = 0; i < 3; i++) await client.update(doc.id, [{ op: 'add', path: '/items/-', value: i }])
    return doc.id`,
  )
  await page.reload()
  await page.waitForFunction(() => document.title === 'ready')
  await openClient(page, { serverUrl: server.url, userId })
  t.same(
    await inTab(page, 'return [client.status().pending, client.get(arg).content.items]', id),
    [4, [0, 1, 2]],
    'the outbox and the local view survived the reload',
  )

  await inTab(page, `await client.update(arg, [{ op: 'add', path: '/items/-', value: 3 }])`, id)
  // Kill the renderer: nothing runs after the update resolved, no unload handler, no close.
  const session = await context.newCDPSession(page)
  const crashed = new Promise((resolve) => page.once('crash', resolve))
  // The crash takes the DevTools reply down with it: the command is not awaited, the crash is.
  session.send('Page.crash').catch(() => {})
  await crashed
  page = await openTab(context, url)
  await openClient(page, { serverUrl: server.url, userId })
  t.equal(await inTab(page, 'return client.status().pending'), 5, 'the op written just before the tab was killed is in the outbox')

  await inTab(page, 'client.connect(); await client.whenSynced(10000)')
  t.same((await server.store.getDocument(id))?.content, { items: [0, 1, 2, 3] }, 'every op applied, in order')
  const counts = await opCounts(server, id)
  t.equal(counts.size, 5)
  t.ok(
    [...counts.values()].every((n) => n === 1),
    'each op is in the log once',
  )
})

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: a reply lost after the server committed is replayed exactly once from the browser`, async (t) => {
    const server = await startTestServer(t, dialect)
    const proxy = await FaultyProxy.start(server.url)
    t.teardown(() => proxy.close())
    const url = await servePage(t)
    const context = await launchChromium(t)
    const page = await openTab(context, url)
    await openClient(page, { serverUrl: proxy.url, userId: randomUUID() })
    const id = await inTab<string>(
      page,
      `
      client.connect()
      const doc = await client.create({ title: 'Append', content: { items: [] } })
      await client.whenSynced(10000)
      return doc.id`,
    )
    const cut = proxy.cutAfterNext((frame) => frame.type === 'update_document')
    await inTab(page, `await client.update(arg, [{ op: 'add', path: '/items/-', value: 'once' }])`, id)
    const sent = await cut
    await inTab(page, 'await client.whenSynced(10000)')
    t.same((await server.store.getDocument(id))?.content, { items: ['once'] }, 'applied once')
    t.equal((await opCounts(server, id)).get(String(sent.client_op_id)), 1, 'the op is in the log exactly once')
    t.same(await inTab(page, 'return client.get(arg).content', id), { items: ['once'] }, 'the tab shows it once')
  })

  t.test(`${dialect}: a browser client and a Node client converge on one document`, async (t) => {
    const server = await startTestServer(t, dialect)
    const url = await servePage(t)
    const context = await launchChromium(t)
    const userId = randomUUID()
    const node = await openTestClient(t, server.url, { userId })
    node.connect()
    const doc = await node.create({ title: 'Shared', content: { from: {} } })
    await node.whenSynced(10_000)
    const page = await openTab(context, url)
    await openClient(page, { serverUrl: server.url, userId })
    await inTab(page, 'client.connect(); await client.whenSynced(10000)')
    await Promise.all([
      (async () => {
        for (let i = 0; i < 10; i++) await node.update(doc.id, [{ op: 'add', path: `/from/node${i}`, value: i }])
      })(),
      inTab(page, `for (let i = 0; i < 10; i++) await client.update(arg, [{ op: 'add', path: '/from/browser' + i, value: i }])`, doc.id),
    ])
    await node.whenSynced(10_000)
    await inTab(page, 'await client.whenSynced(10000)')
    const onServer = (await server.store.getDocument(doc.id))?.content
    t.equal(Object.keys((onServer as { from: object }).from).length, 20, 'no update was lost')
    t.ok(await eventually(async () => canonicalJson(node.get(doc.id)?.content) === canonicalJson(onServer)), 'the Node client holds the server state')
    t.ok(
      await eventually(async () => canonicalJson(await inTab(page, 'return client.get(arg).content', doc.id)) === canonicalJson(onServer)),
      'so does the browser client',
    )
  })
}

t.test('two tabs share one outbox: each op is sent once, and a change in one tab shows in the other at once', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const proxy = await FaultyProxy.start(server.url)
  t.teardown(() => proxy.close())
  const url = await servePage(t)
  const context = await launchChromium(t)
  const userId = randomUUID()
  const [a, b] = [await openTab(context, url), await openTab(context, url)]
  await openClient(a, { serverUrl: proxy.url, userId })
  await openClient(b, { serverUrl: proxy.url, userId })

  // Offline, so nothing goes through the server: the other tab hears of it from the first.
  const id = await inTab<string>(a, `return (await client.create({ title: 'Tabs', content: { a: [], b: [] } })).id`)
  t.ok(
    await eventually(async () => (await inTab(b, 'return client.get(arg)?.title ?? null', id)) === 'Tabs'),
    'a document created offline in tab A appears in tab B',
  )
  t.equal(await inTab(b, 'return client.status().pending'), 1, 'tab B sees the shared outbox')

  await Promise.all([
    inTab(a, `for (let i = 0; i < 10; i++) await client.update(arg, [{ op: 'add', path: '/a/-', value: i }])`, id),
    inTab(b, `for (let i = 0; i < 10; i++) await client.update(arg, [{ op: 'add', path: '/b/-', value: i }])`, id),
  ])
  await Promise.all([inTab(a, 'client.connect()'), inTab(b, 'client.connect()')])
  await inTab(a, 'await client.whenSynced(15000)')
  await inTab(b, 'await client.whenSynced(15000)')
  const content = (await server.store.getDocument(id))?.content as { a: number[]; b: number[] }
  t.same(content, { a: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], b: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }, 'every op of both tabs applied, each tab in order')
  const sends = new Map<string, number>()
  for (const frame of proxy.clientFrames) if (typeof frame.client_op_id === 'string') sends.set(frame.client_op_id, (sends.get(frame.client_op_id) ?? 0) + 1)
  t.equal(sends.size, 21, 'the 21 ops were sent')
  t.ok(
    [...sends.values()].every((n) => n === 1),
    'and none of them twice',
  )
  for (const [name, page] of [
    ['A', a],
    ['B', b],
  ] as const) {
    t.same(
      await inTab(page, 'return [client.status().pending, client.get(arg).content]', id),
      [0, content],
      `tab ${name} holds the server state with nothing pending`,
    )
  }
})

t.test('a wrong token: the browser client reports it and whenSynced rejects at once', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const userId = randomUUID()
  const owner = await openTestClient(t, server.url, { userId })
  owner.connect()
  await owner.whenSynced(5000)
  const url = await servePage(t)
  const context = await launchChromium(t)
  const page = await openTab(context, url)
  await openClient(page, { serverUrl: server.url, userId, authToken: 'wrong' })
  const outcome = await inTab<{ code: string; online: boolean; error: string }>(
    page,
    `
    client.connect()
    const code = await client.whenSynced(20000).then(() => 'synced', (e) => e.code)
    return { code, online: client.status().online, error: client.status().error?.code }`,
  )
  t.same(outcome, { code: 'auth_failed', online: false, error: 'auth_failed' })
  t.equal(await inTab(page, `await client.create({ title: 'queued', content: {} }); return client.status().pending`), 1, 'writes still queue locally')
})
