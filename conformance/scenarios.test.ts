import t from 'tap'
import { createTestDatabase } from '../server/test-support/databases.js'
import { runScenarios } from './runner.js'
import { checkReferenceRun, REFERENCE_STEP_TIMEOUT_MS, startReferenceServer } from './test-support/reference-run.js'

// One backend per file so that the runs, which spend most of their time waiting, overlap.
t.test('every scenario passes against the reference server on sqlite', async (t) => {
  const database = await createTestDatabase('sqlite')
  t.teardown(() => database.drop())
  const server = await startReferenceServer(t, { databaseUrl: database.url })
  // An SQLite file belongs to one process: the multi-instance scenarios run on PostgreSQL.
  checkReferenceRun(t, await runScenarios({ serverUrl: server.url, timeoutMs: REFERENCE_STEP_TIMEOUT_MS }), { secondServer: false })
})
