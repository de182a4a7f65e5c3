import t, { type Test } from 'tap'
import { createSyncServer } from '../server/index.js'
import { createTestDatabase } from '../server/test-support/databases.js'
import { startMutatingProxy, type FrameMutation } from './mutating-proxy.js'
import { runScenarios } from './runner.js'
import type { CaseResult } from './suite-types.js'

/**
 * Proves the suite can fail: the reference server runs behind a proxy that breaks one protocol
 * rule, and the scenarios checking that rule must fail — for that reason — while others pass.
 */
t.test('the scenarios catch a server that breaks the protocol', async (t) => {
  const database = await createTestDatabase('sqlite')
  const server = createSyncServer({ databaseUrl: database.url })
  t.teardown(async () => {
    await server.close()
    await database.drop()
  })
  await server.listen(0, '127.0.0.1')

  async function runBehind(mutate: FrameMutation, files: string[]): Promise<Map<string, CaseResult>> {
    const proxy = await startMutatingProxy(server.url, mutate)
    try {
      // Pending scenarios fail against the reference server itself: they prove nothing here.
      const results = await runScenarios({ serverUrl: proxy.url, filter: { files }, timeoutMs: 2000, pending: 'skip' })
      return new Map(results.map((result) => [result.description, result]))
    } finally {
      await proxy.close()
    }
  }

  function expectOutcome(t: Test, results: Map<string, CaseResult>, failing: string[], passing: string[], field: RegExp): void {
    for (const description of failing) {
      const result = results.get(description)
      t.equal(result?.ok, false, `fails: ${description}`)
      t.match(result?.reason, field, `fails because of the broken rule: ${description}`)
    }
    for (const description of passing) t.equal(results.get(description)?.ok, true, `still passes: ${description}`)
    for (const result of results.values()) if (!result.ok) t.match(result.reason, field, `only the broken rule fails: ${result.description}`)
  }

  t.test('a server that reuses a sequence number', async (t) => {
    let first: unknown
    const reuse: FrameMutation = (frame) => {
      if (!/^document_(created|updated|renamed|deleted)$/.test(String(frame.type))) return frame
      first ??= frame.sequence
      return { ...frame, sequence: first }
    }
    const results = await runBehind(reuse, ['broadcasts.json', 'authentication.json'])
    expectOutcome(
      t,
      results,
      ['assigns strictly increasing sequence numbers to successive changes', 'answers the requests of one connection in the order they were sent'],
      ['rejects a second authenticate on one connection with already_authenticated', 'authenticates a new user and reports the latest sequence'],
      /sequence|\$\[\d+\]: expected/,
    )
  })

  t.test('a server that drops reverse_patch from change events', async (t) => {
    const dropReverse: FrameMutation = (frame) => {
      if (!Array.isArray(frame.changes)) return frame
      return { ...frame, changes: frame.changes.map(({ reverse_patch: _dropped, ...change }: Record<string, unknown>) => change) }
    }
    const results = await runBehind(dropReverse, ['change-feed.json', 'undo-redo.json'])
    expectOutcome(
      t,
      results,
      [
        'returns create, update, rename and delete events with forward and reverse patches',
        'undo shows up in the change feed and leaves earlier events untouched',
      ],
      // Every scenario that receives a change event fails: reverse_patch is required by its schema.
      ['answers get_changes for a document the user cannot read with document_not_found', 'rejects redo with nothing undone with nothing_to_redo'],
      /reverse_patch/,
    )
  })

  t.test('a server that puts a request_id on broadcasts', async (t) => {
    const leak: FrameMutation = (frame) => {
      if (!/^document_(created|updated|renamed|deleted)$/.test(String(frame.type)) || 'request_id' in frame) return frame
      return { ...frame, request_id: 'leaked' }
    }
    const results = await runBehind(leak, ['broadcasts.json'])
    expectOutcome(
      t,
      results,
      [
        "broadcasts a created document to the owner's other connection without a request_id",
        "broadcasts updates, renames and deletes to the owner's other connection",
        'broadcasts an update by the owner to a user the document is shared with',
        'broadcasts an update by a writer back to the owner',
      ],
      ['assigns strictly increasing sequence numbers to successive changes', 'answers the requests of one connection in the order they were sent'],
      /request_id/,
    )
  })

  t.test('a server that adds a member the schema does not have, where no scenario looks', async (t) => {
    const extra: FrameMutation = (frame) => (frame.type === 'document_shared' ? { ...frame, shared_at: new Date().toISOString() } : frame)
    const results = await runBehind(extra, ['sharing.json'])
    expectOutcome(
      t,
      results,
      ['lets a reader read but not write a shared document', 'accepts a share with a user the server has never seen'],
      [
        'answers a user without access to a document with document_not_found, hiding that it exists',
        'rejects sharing an unknown document with document_not_found',
      ],
      /does not match its schema.*shared_at/,
    )
  })

  t.test('a server that leaves request_id out of error replies', async (t) => {
    const omitRequestId: FrameMutation = (frame) => {
      if (frame.type !== 'error') return frame
      const { request_id: _dropped, ...rest } = frame
      return rest
    }
    const results = await runBehind(omitRequestId, ['authentication.json', 'documents.json'])
    expectOutcome(
      t,
      results,
      [
        'rejects a second authenticate on one connection with already_authenticated',
        'rejects creating a document whose id already exists with document_exists',
      ],
      ['authenticates a new user and reports the latest sequence', 'creates a document and replies with the stored document, sequence and revision id'],
      /request_id/,
    )
  })
})
