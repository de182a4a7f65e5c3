import { randomUUID } from 'node:crypto'
import t from 'tap'
import { hashToken } from '../server/auth.js'
import { createTestDatabase } from '../server/test-support/databases.js'
import { runScenarios } from './runner.js'
import { checkReferenceRun, REFERENCE_STEP_TIMEOUT_MS, startReferenceServer } from './test-support/reference-run.js'

t.test('every scenario passes twice with fixed users on a server without auto-registration', async (t) => {
  // What `--users users.json` is for: the same pre-created users, reused run after run. Pending
  // scenarios ran in the other files; here they are skipped (reported so).
  const database = await createTestDatabase('sqlite')
  t.teardown(() => database.drop())
  const server = await startReferenceServer(t, { databaseUrl: database.url, autoRegister: false })
  const users: Record<string, string> = {}
  for (const name of ['a', 'b', 'c']) {
    users[`user_${name}`] = randomUUID()
    users[`token_${name}`] = `token-${name}-${randomUUID()}`
    t.ok(await server.store.createUser(users[`user_${name}`]!, await hashToken(users[`token_${name}`]!)), `created user_${name}`)
  }
  for (const run of [1, 2]) {
    const results = await runScenarios({ serverUrl: server.url, bindings: users, pending: 'skip', timeoutMs: REFERENCE_STEP_TIMEOUT_MS })
    checkReferenceRun(t, results, { secondServer: false, label: `run ${run}: ` })
  }
})
