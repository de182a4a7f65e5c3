import t from 'tap'
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import { isUuid, jsonEqual } from '../core/index.js'
import { propertyOptions } from '../core/test-support/arbitraries.js'
import { TEST_DIALECTS } from './test-support/databases.js'
import { headAndReplay } from './test-support/log-replay.js'
import { startTestServer } from './test-support/servers.js'
import type { TestClient } from './test-support/ws-client.js'

/*
 * The hostile-input suite (issue 10): seeded random frames — valid, near-valid and garbage, with
 * hostile paths, member names, numbers, strings and clocks — from several users at once, while an
 * honest user works beside them. After every run: the server is alive, every frame got exactly one
 * answer that passes its schema (the test client checks every frame it receives), the honest user's
 * requests all succeeded in bounded time, and every document's head is a replay of its log.
 */

/** A JSON value as a tree whose objects are lists of members, so `__proto__` and repeated names survive into the text. */
type Tree = null | boolean | number | string | Tree[] | { members: Array<[string, Tree]> }

/** The JSON text of a tree (members in order, repeats kept). */
function text(tree: Tree): string {
  if (tree === null || typeof tree !== 'object') return JSON.stringify(tree) ?? 'null'
  if (Array.isArray(tree)) return `[${tree.map(text).join(',')}]`
  return `{${tree.members.map(([name, value]) => `${JSON.stringify(name)}:${text(value)}`).join(',')}}`
}

const object = (members: Record<string, Tree>): Tree => ({ members: Object.entries(members) })

const hostileNames = fc.constantFrom('__proto__', 'constructor', 'prototype', 'a', 'b', '', '~', '/', 'x\u0000', '\ud800', 'ü', 'request_id')
const hostileStrings = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('\u0000', '\ud800', 'a\udc00b', 'x'.repeat(2000), '~1', '/', 'é', '😀', ''),
  fc.string({ unit: 'binary', maxLength: 6 }),
)
const hostileNumbers = fc.oneof(fc.integer(), fc.nat(20), fc.constantFrom(2 ** 53, 2 ** 53 - 1, 2 ** 63, 1e300, -1e300, -1, -0, 0.5, Number.MAX_VALUE, 5e-324))
const hostileValues: fc.Arbitrary<Tree> = fc.letrec<{ value: Tree }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    hostileNumbers,
    hostileStrings,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(hostileNames, tie('value')), { maxLength: 3 }).map((members) => ({ members })),
  ),
})).value

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1')
const hostilePaths = fc.oneof(
  { arbitrary: fc.constantFrom('/a', '/b/0', '/b/-', '/c', '/b/1'), weight: 3 },
  fc.constantFrom(
    '',
    '/',
    '/-',
    '/0',
    '/00',
    '/01',
    '/__proto__',
    '/constructor/prototype',
    '/a/__proto__/b',
    '/~',
    '/~2',
    '/a~1b',
    '/a',
    '/b/0',
    '/b/-',
    `${'/'.repeat(40)}~`,
    'a',
    '//',
  ),
  fc
    .array(fc.oneof(hostileNames, fc.nat(3).map(String), fc.constant('-')), { maxLength: 4 })
    .map((tokens) => tokens.map((token) => `/${escape(token)}`).join('')),
)
/** Mostly values any document may hold, sometimes hostile ones. */
const values = fc.oneof(
  { arbitrary: fc.oneof(fc.integer({ min: -9, max: 9 }), fc.string({ maxLength: 4 }), fc.constant(null), fc.array(fc.nat(9), { maxLength: 2 })), weight: 3 },
  hostileValues,
)

/** Members of a content object: mostly plain names, sometimes hostile ones. */
const contents = fc
  .array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom('a', 'b', 'c'), weight: 3 }, hostileNames), values), { maxLength: 3 })
  .map((members): Tree => ({ members }))

const clocks = (users: string[]) =>
  fc.oneof(
    fc.array(fc.tuple(fc.constantFrom(...users), fc.nat(5)), { maxLength: 3 }).map((members): Tree => ({ members })),
    fc.array(fc.tuple(fc.oneof(hostileNames, fc.uuid()), hostileNumbers), { maxLength: 3 }).map((members): Tree => ({ members })),
    hostileValues,
  )

const operation = fc
  .record({
    op: fc.oneof(
      { arbitrary: fc.constantFrom('add', 'add', 'replace', 'replace', 'remove', 'move', 'copy', 'test'), weight: 12 },
      fc.constantFrom('_get', 'ADD'),
    ),
    path: hostilePaths,
    from: hostilePaths,
    value: values,
  })
  .map(({ op, path, from, value }) =>
    object({ op, path, ...(op === 'move' || op === 'copy' ? { from } : {}), ...(op === 'remove' || op === 'move' || op === 'copy' ? {} : { value }) }),
  )

/**
 * The ids a frame may name: the users. Documents are named by placeholders, replaced when a run
 * sends its frames by that run's own documents (one named in upper case), so a delete in one run
 * leaves the next something to work on.
 */
interface Ids {
  users: string[]
}

const DOCUMENT_PLACEHOLDERS = ['@doc0@', '@doc1@', '@doc2@', '@DOC0@']

/** A request of every type, filled with hostile values but shaped as its schema wants. */
function requests(ids: Ids): fc.Arbitrary<Record<string, Tree>> {
  const documentId = fc.oneof({ arbitrary: fc.constantFrom(...DOCUMENT_PLACEHOLDERS), weight: 4 }, fc.uuid(), hostileStrings)
  const userId = fc.oneof(fc.constantFrom(...ids.users), fc.uuid())
  return fc.oneof(
    fc.record({ type: fc.constant('authenticate'), user_id: userId, auth_token: hostileStrings }),
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('create_document'),
        document: fc
          .record({
            id: fc.oneof({ arbitrary: fc.uuid(), weight: 3 }, documentId),
            title: hostileStrings,
            content: fc.oneof({ arbitrary: contents, weight: 3 }, hostileValues),
          })
          .map(object),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record(
        {
          type: fc.constant('update_document'),
          patch: fc
            .record(
              { document_id: documentId, patch: fc.array(operation, { minLength: 1, maxLength: 2 }), vector_clock: clocks(ids.users) },
              { requiredKeys: ['document_id', 'patch'] },
            )
            .map(object),
          client_op_id: fc.oneof(fc.uuid(), hostileStrings),
        },
        { requiredKeys: ['type', 'patch'] },
      ),
    },
    fc.record({ type: fc.constant('rename_document'), document_id: documentId, title: hostileStrings }),
    fc.record({ type: fc.constant('delete_document'), document_id: documentId }),
    fc.record({ type: fc.constant('get_document'), document_id: documentId }),
    fc.record({ type: fc.constant('get_document_at'), document_id: documentId, sequence: hostileNumbers }),
    fc.record({ type: fc.constant('list_documents') }),
    fc.record({ type: fc.constant('get_changes'), since_sequence: hostileNumbers, limit: hostileNumbers }),
    fc.record({ type: fc.constant('undo_to_sequence'), target_sequence: hostileNumbers, document_id: documentId }),
    fc.record({ type: fc.constant('redo'), document_id: documentId }),
    fc.record({
      type: fc.constant('share_document'),
      document_id: documentId,
      user_id: userId,
      role: fc.constantFrom('read', 'write', 'none', 'owner', 'admin'),
    }),
    fc.record({ type: fc.constantFrom('ping', '', '__proto__', 'constructor') }),
  )
}

/** A generated frame: a JSON object's members (its request id is added when it is sent), or garbage text. */
type Generated = { members: Record<string, Tree> } | { garbage: string }

/** One frame as sent: its text, and the request id its answer echoes (none for text that is not a JSON object). */
interface Frame {
  text: string
  requestId?: string
  /** The id a `create_document` names, whose log is then checked too. */
  creates?: string
}

/** Valid-looking requests, near-valid ones (a member dropped, retyped or added), and garbage. */
function frames(ids: Ids): fc.Arbitrary<Generated> {
  const request = requests(ids)
  const nearValid = fc
    .tuple(request, fc.nat(), fc.constantFrom('drop', 'retype', 'add'), hostileNames, hostileValues)
    .map(([members, pick, how, name, value]) => {
      const names = Object.keys(members)
      const chosen = names[pick % names.length]!
      if (how === 'drop') delete members[chosen]
      else if (how === 'retype') members[chosen] = value
      else members[name === 'request_id' ? 'extra' : name] = value
      return members
    })
  const garbage = fc.oneof(
    hostileValues.filter((tree) => tree === null || typeof tree !== 'object' || Array.isArray(tree)).map(text),
    fc.string({ maxLength: 20 }),
    // A proper prefix of an object's text is never JSON.
    request.chain((members) => {
      const whole = text(object(members))
      return fc.nat(whole.length - 1).map((cut) => whole.slice(0, cut))
    }),
    fc.constantFrom('['.repeat(10_000), '{"type":"list_documents"', '\u0000', 'null', '"list_documents"'),
  )
  return fc.oneof(
    { arbitrary: request.map((members): Generated => ({ members })), weight: 3 },
    { arbitrary: nearValid.map((members): Generated => ({ members })), weight: 3 },
    { arbitrary: garbage.map((text): Generated => ({ garbage: text })), weight: 1 },
  )
}

/** The frame as sent, with a request id unique in the run if it is an object, and the run's documents in place of the placeholders. */
function framed(generated: Generated, requestId: string, documents: string[]): Frame {
  const place = (text: string) => text.replace(/@doc(\d)@/g, (_, i: string) => documents[Number(i)]!).replace(/@DOC0@/g, documents[0]!.toUpperCase())
  if ('garbage' in generated) return { text: place(generated.garbage) }
  const { members } = generated
  const document = members.type === 'create_document' ? members.document : undefined
  const id = document !== null && typeof document === 'object' && !Array.isArray(document) ? document.members.find(([name]) => name === 'id')?.[1] : undefined
  return {
    text: place(text(object({ ...members, request_id: requestId }))),
    requestId,
    ...(typeof id === 'string' ? { creates: place(id).toLowerCase() } : {}),
  }
}

/** The answers a client's frames got: a reply echoing each request id, and an unaddressed error for each frame that is not an object. */
async function answers(client: TestClient, sent: Frame[], budgetMs: number, tally: Map<string, number>): Promise<{ missing: number; unexpected: string[] }> {
  const wanted = new Set(sent.flatMap((f) => (f.requestId === undefined ? [] : [f.requestId])))
  const unaddressed = sent.filter((f) => f.requestId === undefined).length
  const unexpected: string[] = []
  const addressedWanted = wanted.size
  let addressed = 0
  let errors = 0
  const deadline = Date.now() + budgetMs
  while ((addressed < addressedWanted || errors < unaddressed) && Date.now() < deadline) {
    let frame
    try {
      frame = await client.next(
        (f) => typeof f.request_id === 'string' || (f.type === 'error' && f.request_id === undefined),
        Math.max(1, deadline - Date.now()),
      )
    } catch (error) {
      unexpected.push((error as Error).message.slice(0, 1000))
      break
    }
    tally.set(frame.type === 'error' ? String(frame.code) : frame.type, (tally.get(frame.type === 'error' ? String(frame.code) : frame.type) ?? 0) + 1)
    if (frame.request_id === undefined) errors++
    else if (wanted.delete(frame.request_id as string)) addressed++
    else unexpected.push(JSON.stringify(frame).slice(0, 200))
  }
  return { missing: wanted.size + Math.max(0, unaddressed - errors), unexpected }
}

for (const dialect of TEST_DIALECTS) {
  t.test(
    `${dialect}: hostile frames from several users at once get one schema-valid answer each, delay no one else, and leave every head a replay of its log`,
    async (t) => {
      const h = await startTestServer(t, dialect)
      const attackers = await Promise.all([h.login(), h.login(), h.login()])
      const ids: Ids = { users: attackers.map((a) => a.userId) }
      /** Each attacker's own document, the first shared with the second for writing. */
      const documentsOfRun = async () => {
        const documents = await Promise.all(
          attackers.map(async (attacker) => {
            const id = randomUUID()
            await attacker.request({ type: 'create_document', document: { id, title: 't', content: { a: 1, b: [1, 2] } } })
            return id
          }),
        )
        await attackers[0]!.request({ type: 'share_document', document_id: documents[0]!, user_id: attackers[1]!.userId, role: 'write' })
        return documents
      }
      const honest = await h.login()
      let run = 0
      let problems = 0
      /** Answers by type (errors by code), so the suite can tell it is not only exercising refusals. */
      const tally = new Map<string, number>()

      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(frames(ids), { maxLength: 16 }), { minLength: 3, maxLength: 3 }), async (batches) => {
          run++
          const documents = await documentsOfRun()
          const sent = batches.map((batch, user) => batch.map((generated, i) => framed(generated, `run${run}-u${user}-f${i}`, documents)))
          for (const [user, frames] of sent.entries()) for (const frame of frames) attackers[user]!.send(frame.text)
          // The honest user works meanwhile: each request must succeed, in bounded time.
          const own = randomUUID()
          const made = await honest.request({ type: 'create_document', document: { id: own, title: 'mine', content: { n: 0 } } }, 10_000)
          const updated = await honest.request(
            { type: 'update_document', patch: { document_id: own, patch: [{ op: 'replace', path: '/n', value: run }] } },
            10_000,
          )
          const read = await honest.request({ type: 'get_document', document_id: own }, 10_000)
          const honestOk =
            made.type === 'document_created' && updated.type === 'document_updated' && jsonEqual((read.document as { content: never }).content, { n: run })
          const results = await Promise.all(attackers.map((attacker, user) => answers(attacker, sent[user]!, 20_000, tally)))
          const created = sent.flat().flatMap((f) => (f.creates !== undefined && isUuid(f.creates) ? [f.creates] : []))
          const heads = await Promise.all([...new Set([...documents, ...created, own])].map((id) => headAndReplay(h.store, id)))
          const ok =
            honestOk &&
            results.every((r) => r.missing === 0 && r.unexpected.length === 0) &&
            heads.every(({ head, replayed }) => jsonEqual(head as never, replayed as never))
          if (!ok && problems++ === 0) {
            t.same(
              results,
              results.map(() => ({ missing: 0, unexpected: [] })),
              'every frame answered once',
            )
            t.ok(honestOk, 'the honest user was served')
            for (const { head, replayed } of heads) t.same(head, replayed, 'head is a replay of the log')
          }
          return ok
        }),
        { ...propertyOptions(20), endOnFailure: true },
      )
      t.equal((await (await fetch(h.url.replace('ws://', 'http://').replace(/\/ws$/, '/healthz'))).json()).status, 'ok', 'the server is alive')
      const accepted = ['document_created', 'document_updated', 'document_renamed', 'document_deleted', 'undo_applied', 'document_shared'].reduce(
        (n, type) => n + (tally.get(type) ?? 0),
        0,
      )
      t.ok(
        accepted > 0 && (tally.get('invalid_message') ?? 0) > 0 && (tally.get('invalid_json') ?? 0) > 0,
        `${run} runs; some frames changed documents, others were refused: ${JSON.stringify(Object.fromEntries(tally))}`,
      )
    },
  )
}
