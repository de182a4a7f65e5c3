import type { Test as Tap } from 'tap'
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { launchChromium } from '../../client/test-support/chromium.js'
import { openTestClient } from '../../client/test-support/harness.js'
import type { DialectName } from '../../server/test-support/databases.js'
import { startTestServer } from '../../server/test-support/servers.js'
// @ts-expect-error: a plain ES module script without type declarations
import { buildInspector } from '../../client/build.mjs'
import { eventually } from '../../server/test-support/eventually.js'

/*
 * The inspector page in headless Chromium against a real server, driven as a person would: sign
 * in, read the timeline of a document a Node client edited, open a diff, travel back, undo and
 * redo, see a live change, page back through a long history, edit offline, share with a second
 * user who then sees the document, see a server error, sign out. Screenshots of the main views go
 * to .screenshots/inspector/ (git-ignored) for a person to look at. inspector-<backend>.test.ts
 * run it once per backend, each with one browser and one tab per user.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SCREENSHOTS = join(ROOT, '.screenshots', 'inspector')
const WAIT = { timeout: 15_000 }

/** Waits until the element's text contains `text`. */
function until(page: Page, selector: string, text: string): Promise<unknown> {
  return page.waitForFunction(([s, x]) => document.querySelector(s)?.textContent?.includes(x) === true, [selector, text] as const, WAIT)
}

/** Waits until `selector` matches exactly `count` elements. */
function count(page: Page, selector: string, n: number): Promise<unknown> {
  return page.waitForFunction(([s, k]) => document.querySelectorAll(s).length === k, [selector, n] as const, WAIT)
}

async function signIn(page: Page, url: string, userId: string, token: string): Promise<void> {
  await page.goto(url)
  await page.fill('#user-id', userId)
  await page.fill('#token', token)
  await page.click('#sign-in')
}

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents()

/**
 * The whole journey on one backend, in one browser (launched here, closed at teardown) with one tab
 * per user, the page built into a temporary directory and served by a test server.
 */
export async function inspectorJourney(t: Tap, dialect: DialectName): Promise<void> {
  const built = mkdtempSync(join(tmpdir(), 'patchsync-inspect-'))
  t.teardown(() => rmSync(built, { recursive: true, force: true }))
  await buildInspector(built)
  mkdirSync(SCREENSHOTS, { recursive: true })
  const context = await launchChromium(t)
  const [alicePage, bobPage] = [await context.newPage(), await context.newPage()]
  /** Uncaught errors in the page: the journey ends with none. */
  const pageErrors: string[] = []
  for (const page of [alicePage, bobPage]) {
    page.on('pageerror', (error) => pageErrors.push(String(error)))
    // Undo and redo ask first; the person says yes.
    page.on('dialog', (dialog) => void dialog.accept())
  }
  const server = await startTestServer(t, dialect, { inspector: built })
  const url = server.url.replace(/^ws/, 'http').replace(/\/ws$/, '/inspect')
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${dialect}-${name}.png`), fullPage: true })
  const alice = randomUUID()
  const bob = randomUUID()

  const response = await fetch(url)
  t.equal(response.status, 200, 'the server serves the page at /inspect')
  t.match(response.headers.get('content-security-policy'), /default-src 'none'/, 'with a content security policy')

  // A Node client writes the history the page will show.
  const node = await openTestClient(t, server.url, { userId: alice })
  node.connect()
  const doc = await node.create({ title: 'Inspected', content: { n: 0 } })
  for (const n of [1, 2, 3]) await node.update(doc.id, [{ op: 'replace', path: '/n', value: n }])
  await node.create({ title: 'Other', content: { big: 'x'.repeat(2000) } })
  await node.whenSynced(10_000)

  await signIn(alicePage, url, alice, 'wrong token')
  await until(alicePage, '.sign-in .error', 'auth_failed')
  t.pass("a wrong token is refused, with the server's code")
  await signIn(alicePage, url, alice, `token-${alice}`)
  await until(alicePage, '#connection-state', 'online, synced')
  await count(alicePage, '#document-list tbody tr', 2)
  await alicePage.fill('#search', 'insp')
  await count(alicePage, '#document-list tbody tr', 1)
  const row = alicePage.locator(`#document-list tr[data-id="${doc.id}"]`)
  await until(alicePage, `tr[data-id="${doc.id}"] .last-change`, '#')
  t.same(
    [await row.locator('.document-title').textContent(), await row.locator('.role').textContent(), await row.locator('.size').textContent()],
    ['Inspected', 'owner', '7 B'],
    'the search finds the document by title, with its role and size',
  )
  await shot(alicePage, 'documents')

  await row.click()
  await count(alicePage, '#timeline li', 4)
  t.same(await texts(alicePage, '#timeline li .kind'), ['update', 'update', 'update', 'create'], 'the timeline, newest first')
  const sequences = (await alicePage.locator('#timeline li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-sequence'))))) as number[]
  t.ok(
    sequences.every((s, i) => i === 0 || s < sequences[i - 1]!),
    'sequences decrease down the list',
  )
  await shot(alicePage, 'timeline')

  await alicePage.locator('#timeline li').first().getByRole('button', { name: 'Diff' }).click()
  await until(alicePage, '#diff .change-lines', 'replaced /n: 2 → 3')
  t.pass('the diff of the newest change reads "replaced /n: 2 → 3", against the document as it was')
  await shot(alicePage, 'diff')

  await alicePage.locator('#travel').fill('0')
  await until(alicePage, '#travel-at', `at #${sequences[3]}`)
  await until(alicePage, '#travel-document', '"n": 0')
  t.pass('time travel to the create shows the document as created')
  await shot(alicePage, 'travel')

  await alicePage.click('#undo-to-travel')
  await count(alicePage, '#timeline li', 5)
  t.same(await texts(alicePage, '#timeline li:first-child .cause'), [' (undo)'], 'the undo is a new entry at the top of the timeline')
  t.ok(await eventually(() => node.get(doc.id)?.content.n === 0), 'and the Node client sees the document restored')
  await alicePage.click('#redo')
  await count(alicePage, '#timeline li', 6)
  t.same(await texts(alicePage, '#timeline li:first-child .cause'), [' (redo)'], 'the redo too')
  t.ok(await eventually(() => node.get(doc.id)?.content.n === 3))

  await node.update(doc.id, [{ op: 'add', path: '/live', value: true }])
  await count(alicePage, '#timeline li', 7)
  await until(alicePage, '#content', '"live": true')
  t.pass('a change by another client appears while the page is open')

  // A history longer than a page (20), opened afresh: the newest page, then the older ones on demand.
  await Promise.all(Array.from({ length: 15 }, (_, i) => node.update(doc.id, [{ op: 'replace', path: '/live', value: i }])))
  await until(alicePage, '#content', '"live": 14')
  await alicePage.fill('#search', '')
  await alicePage.click('#document-list tr:has-text("Other")')
  await until(alicePage, '#document-title', 'Other')
  await row.click()
  await count(alicePage, '#timeline li', 20)
  await alicePage.click('#older')
  await count(alicePage, '#timeline li', 22)
  t.equal(await alicePage.locator('#older').count(), 0, 'paged back to the create, and no more pages are offered')

  await alicePage.getByRole('button', { name: 'Go offline' }).click()
  await until(alicePage, '#connection-state', 'offline')
  await alicePage.fill('#content', JSON.stringify({ n: 5, live: 14 }))
  await alicePage.click('#save')
  await until(alicePage, '#pending', '1 pending')
  t.equal((await server.store.getDocument(doc.id))?.content.n, 3, 'an edit made offline waits in the outbox')
  await shot(alicePage, 'offline')
  await alicePage.getByRole('button', { name: 'Go online' }).click()
  await until(alicePage, '#pending', '0 pending')
  t.ok(await eventually(async () => (await server.store.getDocument(doc.id))?.content.n === 5), 'and is sent once back online')

  await alicePage.fill('#grantee', bob)
  await alicePage.selectOption('#grant-role', 'write')
  await alicePage.click('#grant')
  await until(alicePage, `#access li[data-user="${bob}"]`, 'write')
  t.pass('the grant is listed under who has access')
  await shot(alicePage, 'sharing')

  await signIn(bobPage, url, bob, `token-${bob}`)
  await until(bobPage, '#connection-state', 'online, synced')
  await until(bobPage, `#document-list tr[data-id="${doc.id}"] .role`, 'write')
  t.pass('the second user sees the shared document, with their role')
  await bobPage.click(`#document-list tr[data-id="${doc.id}"]`)
  await bobPage.click('#redo')
  await until(bobPage, '.errors', 'nothing_to_redo')
  t.equal(await bobPage.locator('.errors li').count(), 1, 'an error from the server is shown once, with its code and message')
  await shot(bobPage, 'shared-error')

  await bobPage.getByRole('button', { name: 'Sign out' }).click()
  await bobPage.waitForSelector('#sign-in', WAIT)
  t.same(pageErrors.splice(0), [], 'signed out, and no uncaught error in the page all along')
}
