import t from 'tap'
import fc from 'fast-check'
import { applyEvent, invertEvent, replay, stateAt, undoPlan, type DocState, type HistoryEvent } from './history.js'
import { applyPatch } from './patch.js'
import { jsonDocument, patchFor, propertyOptions, step } from './test-support/arbitraries.js'
import type { JsonObject } from './json.js'

const options = propertyOptions(150)
t.comment(`fast-check seed ${options.seed}, ${options.numRuns} runs (FC_SEED / FC_RUNS to change)`)
const ID = '550e8400-e29b-41d4-a716-446655440001'

const action = fc.oneof(
  { weight: 6, arbitrary: fc.array(step, { minLength: 1, maxLength: 4 }).map((steps) => ({ kind: 'update' as const, steps })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 5 }).map((title) => ({ kind: 'rename' as const, title })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete_and_restore' as const }) },
)

/** A history of one document: a create and random updates, renames, deletes and re-creates. */
const history = fc.tuple(jsonDocument, fc.array(action, { maxLength: 12 })).map(([content, actions]) => {
  const events: HistoryEvent[] = [{ sequence: 1, event_type: 'create', forward_patch: { id: ID, title: 't', content }, reverse_patch: null }]
  let state: DocState = { title: 't', content: structuredClone(content) }
  const push = (e: Omit<HistoryEvent, 'sequence'>) => {
    events.push({ ...e, sequence: events.length * 2 + 1 }) // gaps in the sequence, as in a real log
    state = applyEvent(state, e)
  }
  for (const a of actions) {
    if (state === null) break
    if (a.kind === 'update') {
      const patch = patchFor(state.content, a.steps)
      const { reverse } = applyPatch(structuredClone(state.content), patch)
      push({ event_type: 'update', forward_patch: patch, reverse_patch: reverse })
    } else if (a.kind === 'rename') {
      push({ event_type: 'rename', forward_patch: { title: a.title }, reverse_patch: { title: state.title } })
    } else {
      const before = { id: ID, title: state.title, content: structuredClone(state.content) }
      push({ event_type: 'delete', forward_patch: null, reverse_patch: before })
      push({ event_type: 'create', forward_patch: before, reverse_patch: null })
    }
  }
  return { events, head: state as DocState }
})

const newestFirst = (events: HistoryEvent[]) => [...events].reverse()

t.test('the state at every sequence, walked back from the head, equals a replay up to it', async () => {
  fc.assert(
    fc.property(history, ({ events, head }) => {
      for (let k = 0; k <= events.length * 2 + 1; k++) {
        const back = stateAt(head, newestFirst(events), k)
        const forward = replay(events.filter((e) => e.sequence <= k))
        if (JSON.stringify(back) !== JSON.stringify(forward) && !sameState(back, forward)) return false
      }
      return true
    }),
    options,
  )
})

t.test('appending an undo plan brings the document to its state at the target, and inverting it comes back', async () => {
  fc.assert(
    fc.property(history, fc.nat(), ({ events, head }, pick) => {
      const target = pick % (events.length * 2 + 2)
      const plan = undoPlan(ID, head, newestFirst(events), target)
      const undone = plan.reduce<DocState>((s, e) => applyEvent(s, e), structuredClone(head))
      const redone = [...plan]
        .reverse()
        .map(invertEvent)
        .reduce<DocState>((s, e) => applyEvent(s, e), structuredClone(undone))
      return sameState(undone, stateAt(head, newestFirst(events), target)) && sameState(redone, head)
    }),
    options,
  )
})

t.test('stateAt does not modify the head', async (t) => {
  const head = { title: 'b', content: { n: 2 } as JsonObject }
  const events: HistoryEvent[] = [
    { sequence: 1, event_type: 'create', forward_patch: { id: ID, title: 'a', content: { n: 1 } }, reverse_patch: null },
    { sequence: 2, event_type: 'update', forward_patch: [{ op: 'replace', path: '/n', value: 2 }], reverse_patch: [{ op: 'replace', path: '/n', value: 1 }] },
    { sequence: 3, event_type: 'rename', forward_patch: { title: 'b' }, reverse_patch: { title: 'a' } },
  ]
  t.same(stateAt(head, newestFirst(events), 1), { title: 'a', content: { n: 1 } })
  t.same(stateAt(head, newestFirst(events), 0), null)
  t.same(head, { title: 'b', content: { n: 2 } })
})

function sameState(a: DocState, b: DocState): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))
}
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    )
  return v
}

t.test('history replays stored patches whatever their length: a reverse may exceed the limit its forward met', async (t) => {
  // 600 moves, each onto an existing member, are one valid update; its reverse takes 1,200 operations.
  const content: JsonObject = Object.fromEntries(Array.from({ length: 1201 }, (_, i) => [`k${i}`, i]))
  const forward = Array.from({ length: 600 }, (_, i) => ({ op: 'move' as const, from: `/k${2 * i}`, path: `/k${2 * i + 1}` }))
  const { reverse } = applyPatch(structuredClone(content), forward)
  t.ok(reverse.length > 1000, `the reverse has ${reverse.length} operations, more than one patch may hold`)
  const head: DocState = { title: 'T', content: applyPatch(structuredClone(content), forward).doc as JsonObject }
  const events: HistoryEvent[] = [
    { sequence: 1, event_type: 'create', forward_patch: { title: 'T', content }, reverse_patch: null },
    { sequence: 2, event_type: 'update', forward_patch: forward, reverse_patch: reverse },
  ]
  t.same(stateAt(head, [...events].reverse(), 1), { title: 'T', content }, 'time travel walks it back')
  t.same(replay(events), head, 'and a replay forward arrives at the head')
})
