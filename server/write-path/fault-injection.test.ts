import t from 'tap'
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import { ServerWins, jsonEqual, type ConflictStrategy, type Operation } from '../../core/index.js'
import { propertyOptions } from '../../core/test-support/arbitraries.js'
import type { Store } from '../storage/store.js'
import { createTestStore, TEST_DIALECTS } from '../test-support/databases.js'
import { headAndReplay } from '../test-support/log-replay.js'
import type { Mutation, MutationResult } from './submit-request.js'
import { WritePath } from './write-path.js'

// Issue 10 finding 3: whatever step of the write path fails, memory keeps no change the log does
// not record. A failure is injected at one step of a random workload (each call the write path makes
// to the store, the strategy, its hooks and its audience is a step; so is the plan right after a
// patch applied in place); then, with faults off, every document gets one more update through the
// same write path (it commits whatever its cached copy holds), and each head must equal a replay of
// its log, with every acknowledged request in that log at the sequence it was acknowledged with.

/** Where a fault can be injected; the test fails unless every one of them was hit. */
const STORE_STEPS = ['getDocument', 'grants', 'findOps', 'write', 'durable', 'documentEvents', 'latestSequence', 'documentsChangedBy', 'lastUndoBatch'] as const
const STEPS = [...STORE_STEPS.map((s) => `store.${s}`), 'strategy.resolve', 'plan.after-patch', 'commit.beforeCommit', 'publish.onCommit', 'publish.audience']

// Each run targets one step, in turn, at its first call in the first round of runs and at a random
// later call after that.
const options = propertyOptions(3 * STEPS.length)
t.comment(`fast-check seed ${options.seed}, ${options.numRuns} runs per backend (FC_SEED / FC_RUNS to change)`)

/** Throws at the chosen call of the chosen step of a run. */
class Faults {
  private target: string | null = null
  private skip = 0
  readonly hit = new Set<string>()

  arm(target: string, occurrence: number): void {
    this.target = target
    this.skip = occurrence
  }

  disarm(): void {
    this.target = null
  }

  step(name: string): void {
    if (name !== this.target || this.skip-- > 0) return
    this.target = null
    this.hit.add(name)
    throw new Error(`injected fault at ${name}`)
  }
}

/** Makes every store method the write path calls a step. */
function injectIntoStore(store: Store, faults: Faults): void {
  for (const name of STORE_STEPS) {
    const original = (store[name] as (...args: unknown[]) => Promise<unknown>).bind(store)
    ;(store as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      faults.step(`store.${name}`)
      return original(...args)
    }
  }
}

/**
 * ServerWins with two steps: before it runs, and after its patch applied in place, when the plan
 * reads the resolution's clock (as if computing the revision id had failed).
 */
function faultyStrategy(faults: Faults): ConflictStrategy {
  return {
    name: 'server_wins',
    resolve(state, update, limits) {
      faults.step('strategy.resolve')
      const resolution = ServerWins.resolve(state, update, limits)
      const { vectorClock } = resolution
      return Object.defineProperty({ ...resolution }, 'vectorClock', {
        get: () => {
          faults.step('plan.after-patch')
          return vectorClock
        },
      })
    },
  }
}

type Step =
  | { kind: 'update'; doc: number; patch: Operation[] }
  | { kind: 'rename'; doc: number; title: string }
  | { kind: 'undo'; back: number; doc: number | null }
  | { kind: 'redo'; doc: number | null }
  | { kind: 'delete'; doc: number }
  | { kind: 'resubmit'; of: number }

const DOCS = 3
const doc = fc.integer({ min: 0, max: DOCS - 1 })
const patch: fc.Arbitrary<Operation[]> = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map((v): Operation[] => [{ op: 'replace', path: '/n', value: v }]),
  fc.integer({ min: 0, max: 9 }).map((v): Operation[] => [{ op: 'add', path: '/list/-', value: v }]),
  fc.constant<Operation[]>([{ op: 'remove', path: '/list/0' }]),
  fc.constantFrom('a', 'b', 'c').map((k): Operation[] => [
    { op: 'add', path: `/${k}`, value: { k } },
    { op: 'remove', path: `/${k}/k` },
  ]),
  // Fails half-way in applyPatch itself, which rolls its own operations back.
  fc.constant<Operation[]>([
    { op: 'add', path: '/x', value: 1 },
    { op: 'remove', path: '/missing' },
  ]),
  fc.constant<Operation[]>([
    { op: 'add', path: '/x', value: 1 },
    { op: 'replace', path: '', value: { n: -1, list: [] } },
  ]),
)
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('update' as const), doc, patch }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), doc, title: fc.constantFrom('T1', 'T2') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 0, max: 3 }), doc: fc.option(doc) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redo' as const), doc: fc.option(doc) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), doc }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resubmit' as const), of: fc.nat() }) },
)
/**
 * Rounds of requests; the requests of a round are submitted together, so they share batches. The
 * first round reaches every step: a keyed update that fails (looked up in the log), an update, an
 * undo of every document (which lists them and reads their history) and its redo.
 */
const FIRST_ROUND: Step[] = [
  { kind: 'update', doc: 0, patch: [{ op: 'remove', path: '/missing' }] },
  { kind: 'update', doc: 1, patch: [{ op: 'replace', path: '/n', value: 1 }] },
  { kind: 'undo', back: 0, doc: null },
  { kind: 'redo', doc: null },
]
const workload = fc.array(fc.array(step, { minLength: 1, maxLength: 5 }), { maxLength: 4 }).map((rounds) => [FIRST_ROUND, ...rounds])

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: a failure at any step of the write path leaves every head a replay of its log`, async (t) => {
    const store = await createTestStore(t, dialect)
    const faults = new Faults()
    injectIntoStore(store, faults)
    const user = randomUUID()
    const setup = new WritePath(store)
    let run = 0

    await fc.assert(
      fc.asyncProperty(workload, fc.nat({ max: 3 }), async (rounds, laterCall) => {
        const target = STEPS[run % STEPS.length]!
        const occurrence = run++ < STEPS.length ? 0 : laterCall
        const documents = new WritePath(store, {
          strategy: faultyStrategy(faults),
          beforeCommit: () => faults.step('commit.beforeCommit'),
          onCommit: () => faults.step('publish.onCommit'),
          audience: { changes: () => faults.step('publish.audience'), shared() {} },
        })
        const ids = Array.from({ length: DOCS }, () => randomUUID())
        // Created through another write path, so the one under test loads them from the store.
        for (const id of ids) await setup.submit(user, null, { kind: 'create', id, title: 'T', content: { n: 0, list: [] } })
        const start = await store.latestSequence()

        faults.arm(target, occurrence)
        const sent: Array<{ opId: string; mutation: Mutation }> = []
        const acknowledged: Array<{ opId: string; result: MutationResult }> = []
        for (const round of rounds) {
          const requests = round.map((s) => {
            const { opId, mutation } = toRequest(s, ids, start, sent)
            sent.push({ opId, mutation })
            return documents.submit(user, opId, mutation).then((result) => acknowledged.push({ opId, result }))
          })
          await Promise.allSettled(requests)
        }
        await documents.idle()
        faults.disarm()

        // Whatever a cached copy holds now reaches its head with this update.
        for (const [i, id] of ids.entries()) {
          const head = await store.getDocument(id)
          if (head && !head.deleted)
            await documents.submit(user, `probe-${id}`, { kind: 'update', documentId: id, patch: [{ op: 'add', path: `/probe${i}`, value: i }] })
        }
        for (const id of ids) {
          const { head, replayed } = await headAndReplay(store, id)
          if (!jsonEqual(head, replayed))
            throw new Error(`document ${id}: head ${JSON.stringify(head)} is not the replay of its log ${JSON.stringify(replayed)}`)
        }
        const logged = new Map(
          (await store.findOps(acknowledged.map((a) => ({ userId: user, clientOpId: a.opId })))).map((e) => [`${e.clientOpId}/${e.opIndex}`, e.sequence]),
        )
        for (const { opId, result } of acknowledged) {
          for (const [i, e] of result.events.entries()) {
            if (logged.get(`${opId}/${i}`) !== e.sequence) throw new Error(`acknowledged op ${opId} (sequence ${e.sequence}) is not in the log as acknowledged`)
          }
        }
      }),
      { ...options, endOnFailure: true },
    )
    t.same([...faults.hit].sort(), [...STEPS].sort(), 'a fault was injected at every step of the write path')
  })
}

function toRequest(s: Step, ids: string[], start: number, sent: ReadonlyArray<{ opId: string; mutation: Mutation }>): { opId: string; mutation: Mutation } {
  if (s.kind === 'resubmit' && sent.length > 0) return sent[s.of % sent.length]!
  const opId = randomUUID()
  switch (s.kind) {
    case 'update':
      // Each update also adds a member of its own, which no other request touches: a change kept in
      // memory without its event cannot be overwritten by a later one and hide.
      return { opId, mutation: { kind: 'update', documentId: ids[s.doc]!, patch: [...s.patch, { op: 'add', path: `/u${sent.length}`, value: sent.length }] } }
    case 'rename':
      return { opId, mutation: { kind: 'rename', documentId: ids[s.doc]!, title: s.title } }
    case 'undo':
      return { opId, mutation: { kind: 'undo', targetSequence: Math.max(1, start - s.back), ...(s.doc === null ? {} : { documentId: ids[s.doc]! }) } }
    case 'redo':
      return { opId, mutation: { kind: 'redo', ...(s.doc === null ? {} : { documentId: ids[s.doc]! }) } }
    case 'delete':
      return { opId, mutation: { kind: 'delete', documentId: ids[s.doc]! } }
    case 'resubmit':
      return { opId, mutation: { kind: 'update', documentId: ids[0]!, patch: [{ op: 'replace', path: '/n', value: 0 }] } }
  }
}
