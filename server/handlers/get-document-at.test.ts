import t from 'tap'
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import { jsonEqual, replay, type JsonValue, type Operation } from '../../core/index.js'
import { propertyOptions } from '../../core/test-support/arbitraries.js'
import type { GetDocumentAtMessage } from '../../generated/types.js'
import { openDialect } from '../storage/dialects.js'
import { Store, toHistoryEvent } from '../storage/store.js'
import { createTestDatabase, TEST_DIALECTS, type DialectName } from '../test-support/databases.js'
import { MIN_TAIL_EVENTS } from '../storage/snapshot-policy.js'
import type { Teardown } from '../test-support/teardown.js'
import { WritePath } from '../write-path/write-path.js'
import type { HandlerContext } from './context.js'
import { getDocumentAt } from './get-document-at.js'
import { holdCommits } from '../test-support/hold-commits.js'

const options = propertyOptions(12)
t.comment(`fast-check seed ${options.seed}, ${options.numRuns} runs per backend (FC_SEED / FC_RUNS to change)`)

/** A store, a second connection to its database for what the store does not expose, and a write path. */
async function open(t: Teardown, dialect: DialectName) {
  const { url, drop } = await createTestDatabase(dialect)
  const store = Store.open(url)
  const raw = openDialect(url, {})
  t.teardown(async () => {
    await store.close()
    await raw.close()
    await drop()
  })
  await store.migrate()
  /** A database from before snapshots were kept, or one that lost some: time travel must not need them. */
  const forgetSnapshots = (id: string, which: 'all' | 'odd') =>
    raw.db
      .deleteFrom('document_snapshots')
      .where('document_id', '=', id)
      .$if(which === 'odd', (q) => q.where((eb) => eb(eb('generation', '%', 2), '=', 1)))
      .execute()
  const keptSnapshots = async (id: string) =>
    Number(
      (
        await raw.db
          .selectFrom('document_snapshots')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('document_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    )
  return { store, writes: new WritePath(store), forgetSnapshots, keptSnapshots }
}

/** `writes`: the write path whose memory the handler may start from (a fresh one holds nothing). */
async function documentAt(store: Store, writes: WritePath, userId: string, id: string, sequence: number) {
  const message: GetDocumentAtMessage = { type: 'get_document_at', document_id: id, sequence }
  const reply = await getDocumentAt.run({ store, writes, userId } as unknown as HandlerContext, message)
  return (reply as { document: { title: string; content: unknown; revision_id: string } | null }).document
}

type Step = { kind: 'append' | 'pad' | 'rename' | 'delete-and-restore'; size: number }
const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('append', 'append', 'append', 'pad', 'rename', 'delete-and-restore'),
  size: fc.integer({ min: 0, max: 6000 }),
})

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: get_document_at is the replayed state at every sequence, across kept snapshots, deletes and re-creates`, async (t) => {
    const { store, writes, forgetSnapshots, keptSnapshots } = await open(t, dialect)
    let snapshotsSeen = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 120 }), fc.constantFrom('none', 'odd', 'all'), async (steps, forget) => {
        const user = randomUUID()
        const id = randomUUID()
        // A few kilobytes, so that snapshots are some events apart (see snapshot-policy.ts).
        await writes.submit(user, null, { kind: 'create', id, title: 'T0', content: { pad: 'p'.repeat(3000), list: [] } })
        for (const [i, s] of steps.entries()) {
          if (s.kind === 'append') {
            await writes.submit(user, null, {
              kind: 'update',
              documentId: id,
              patch: [{ op: 'add', path: '/list/-', value: `${i}`.repeat(1 + (s.size % 40)) }],
            })
          } else if (s.kind === 'pad') {
            const patch: Operation[] = [{ op: 'replace', path: '/pad', value: 'q'.repeat(s.size) }]
            await writes.submit(user, null, { kind: 'update', documentId: id, patch })
          } else if (s.kind === 'rename') {
            await writes.submit(user, null, { kind: 'rename', documentId: id, title: `T${i}` })
          } else {
            const deleted = await writes.submit(user, null, { kind: 'delete', documentId: id })
            // Undone: the document is created again, by a create event after the delete.
            await writes.submit(user, null, { kind: 'undo', documentId: id, targetSequence: deleted.events[0]!.sequence - 1 })
          }
        }
        snapshotsSeen += await keptSnapshots(id)
        if (forget !== 'none') await forgetSnapshots(id, forget)
        const events = await store.documentEvents(id)
        const nothingHeld = new WritePath(store)
        for (let sequence = events[0]!.sequence - 1; sequence <= events.at(-1)!.sequence; sequence++) {
          const upTo = events.filter((e) => e.sequence <= sequence)
          const expected = replay(upTo.map(toHistoryEvent))
          const got = await documentAt(store, sequence % 2 === 0 ? writes : nothingHeld, user, id, sequence)
          const want = expected && { title: expected.title, content: expected.content, revision_id: upTo.at(-1)!.revisionId }
          if (!jsonEqual(got && { title: got.title, content: got.content as JsonValue, revision_id: got.revision_id }, want)) {
            t.fail(`sequence ${sequence} (snapshots forgotten: ${forget}, steps ${JSON.stringify(steps)})`, { got, want })
            return false
          }
        }
        return true
      }),
      options,
    )
    t.ok(snapshotsSeen > 0, `${snapshotsSeen} snapshots were kept over the runs, so walks started from them`)
  })

  for (const forget of [false, true]) {
    const from = forget ? 'the head (no snapshot kept)' : 'a kept snapshot'
    t.test(`${dialect}: a change committed while get_document_at reads does not change what it shows, from ${from}`, async (t) => {
      const { store, writes, forgetSnapshots } = await open(t, dialect)
      const user = randomUUID()
      const id = randomUUID()
      await writes.submit(user, null, { kind: 'create', id, title: 'List', content: { list: [] } })
      // Enough events for snapshots to be kept (see snapshot-policy.ts), ending with an empty list.
      for (let i = 0; i < 2 * MIN_TAIL_EVENTS; i++) {
        await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value: i }] })
        await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'remove', path: '/list/0' }] })
      }
      let target = 0
      for (const value of ['a', 'b', 'c']) {
        target = (await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value }] })).events[0]!.sequence
      }
      await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value: 'd' }] })
      if (forget) await forgetSnapshots(id, 'all')
      // The handler has read the head (and from the head, its content); another request commits before it reads the events.
      let interleave = true
      const commitFirst = async () => {
        if (!interleave) return
        interleave = false
        await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/0', value: 'Z' }] })
      }
      const [events, patches] = [store.documentEvents.bind(store), store.documentPatches.bind(store)]
      store.documentEvents = async (...args) => {
        await commitFirst()
        return events(...args)
      }
      store.documentPatches = async (...args) => {
        await commitFirst()
        return patches(...args)
      }
      t.same((await documentAt(store, new WritePath(store), user, id, target))?.content, { list: ['a', 'b', 'c'] }, 'the document as it was at the target')
      t.notOk(interleave, 'the other change did commit during the read')
    })
  }

  t.test(`${dialect}: get_document_at starts from the document held in memory, but never from a change not committed yet`, async (t) => {
    const { store, writes } = await open(t, dialect)
    const user = randomUUID()
    const id = randomUUID()
    // Large enough that the last kept snapshot is many events back.
    await writes.submit(user, null, { kind: 'create', id, title: 'T', content: { pad: 'p'.repeat(20_000), list: [] } })
    const sequences: number[] = []
    for (let i = 0; i < 20; i++) {
      sequences.push(
        (await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value: i }] })).events[0]!.sequence,
      )
    }
    const read = store.snapshot.bind(store)
    let snapshotsRead = 0
    store.snapshot = async (...args) => {
      snapshotsRead++
      return read(...args)
    }
    const atOneBack = { pad: 'p'.repeat(20_000), list: Array.from({ length: 19 }, (_, i) => i) }
    t.same((await documentAt(store, writes, user, id, sequences.at(-2)!))?.content, atOneBack)
    t.equal(snapshotsRead, 0, 'one step back starts from memory: no snapshot read')
    // A change planned in memory waits to commit: memory is one revision ahead of the log.
    const release = holdCommits(store)
    const pending = writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'replace', path: '/list/18', value: 'planned' }] })
    while (writes.heldDocument(id)!.generation === 21) await new Promise((resolve) => setImmediate(resolve))
    t.same((await documentAt(store, writes, user, id, sequences.at(-2)!))?.content, atOneBack, 'the planned change is not shown')
    t.same(
      (await documentAt(store, writes, user, id, sequences.at(-1)!))?.content,
      { ...atOneBack, list: Array.from({ length: 20 }, (_, i) => i) },
      'nor at the revision memory held before it',
    )
    release()
    await pending
  })
}

// Review of 61e8c02: the target's event was read beside `latestSequence` (PostgreSQL: on another
// connection), so a commit of the target itself between the two reads passed the check and was
// missed, and the reply showed the state before it under the target's sequence.
for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: get_document_at of a sequence committed while it checks that the sequence happened shows that sequence's change`, async (t) => {
    const { store, writes } = await open(t, dialect)
    const userId = randomUUID()
    const id = randomUUID()
    await writes.submit(userId, null, { kind: 'create', id, title: 'T', content: { list: [] } })
    await writes.submit(userId, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value: 1 }] })
    const target = (await store.latestSequence()) + 1
    const latestSequence = store.latestSequence.bind(store)
    let commitFirst = true
    store.latestSequence = async () => {
      if (commitFirst) {
        commitFirst = false
        // Whatever else the handler reads beside this has been sent by now; then the target commits.
        await new Promise((resolve) => setTimeout(resolve, 20))
        await writes.submit(userId, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value: 2 }] })
      }
      return latestSequence()
    }
    const first = await documentAt(store, writes, userId, id, target)
    t.equal(commitFirst, false, 'the target committed during the request')
    t.same(first?.content, { list: [1, 2] }, 'the reply shows the target sequence’s change')
    t.same(first, await documentAt(store, writes, userId, id, target), 'and the same as a later request of that sequence')
  })
}
