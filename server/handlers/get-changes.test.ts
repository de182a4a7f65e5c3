import t from 'tap'
import { randomUUID } from 'node:crypto'
import { TEST_DIALECTS } from '../test-support/databases.js'
import { startTestServer } from '../test-support/servers.js'
import { PAGE_CHARACTERS } from './get-changes.js'

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: a page of get_changes ends before it passes ${PAGE_CHARACTERS} characters of JSON, and says has_more`, async (t) => {
    const server = await startTestServer(t, dialect)
    const alice = server.as(randomUUID())
    // Five creates of about 900 KB each: 4.5 MB of events, more than one page holds.
    const big = 'x'.repeat(900_000)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await alice.create({ title: `Big ${i}`, content: { big } })).document.id)
    const first = await alice.changes({ since: 0, limit: 10 })
    t.equal(first.changes.length, 4, 'four events fit, the fifth would pass the budget')
    t.equal(first.has_more, true, 'more events exist than the page holds')
    t.ok(JSON.stringify(first.changes).length <= PAGE_CHARACTERS)
    const second = await alice.changes({ since: first.changes.at(-1)!.sequence, limit: 10 })
    t.same(
      [...first.changes, ...second.changes].map((e) => e.document_id),
      ids,
      'the next page goes on from the last sequence',
    )
    t.equal(second.has_more, false)
    const one = await alice.changes({ since: 0, before: Number.MAX_SAFE_INTEGER, limit: 10 })
    t.same(
      one.changes.map((e) => e.document_id),
      ids.slice(1).reverse(),
      'newest first (§8.4) alike',
    )
    t.equal(one.has_more, true)
  })
}
