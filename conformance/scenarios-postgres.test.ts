import t from 'tap'
import { createTestDatabase } from '../server/test-support/databases.js'
import { runScenarios } from './runner.js'
import { checkReferenceRun, REFERENCE_STEP_TIMEOUT_MS, startReferenceServer } from './test-support/reference-run.js'

t.test('every scenario passes against two reference servers on one PostgreSQL database', async (t) => {
  const database = await createTestDatabase('postgres')
  t.teardown(() => database.drop())
  const server = await startReferenceServer(t, { databaseUrl: database.url })
  const second = await startReferenceServer(t, { databaseUrl: database.url })
  checkReferenceRun(t, await runScenarios({ serverUrl: server.url, secondServerUrl: second.url, timeoutMs: REFERENCE_STEP_TIMEOUT_MS }), { secondServer: true })
})
