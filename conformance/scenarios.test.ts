import { randomUUID } from 'node:crypto'
import t from 'tap'
import { hashToken } from '../server/auth.js'
import { createSyncServer } from '../server/index.js'
import { createTestDatabase, TEST_DIALECTS } from '../server/test-support/databases.js'
import { loadScenarioFiles } from './load-suite.js'
import { runScenarios } from './runner.js'

const scenarioCount = loadScenarioFiles().reduce((sum, file) => sum + file.data.scenarios.length, 0)

for (const dialect of TEST_DIALECTS) {
  t.test(`every scenario passes against the reference server on ${dialect}`, async (t) => {
    const database = await createTestDatabase(dialect)
    const server = createSyncServer({ databaseUrl: database.url })
    t.teardown(async () => {
      await server.close()
      await database.drop()
    })
    await server.listen(0, '127.0.0.1')
    const results = await runScenarios({ serverUrl: server.url })
    t.equal(results.length, scenarioCount, 'every scenario ran')
    for (const result of results.filter((r) => !r.ok)) t.fail(`${result.file}: ${result.description}: ${result.reason}`)
  })
}

t.test('every scenario passes twice with fixed users on a server without auto-registration', async (t) => {
  // What `--users users.json` is for: the same pre-created users, reused run after run.
  const database = await createTestDatabase('sqlite')
  const server = createSyncServer({ databaseUrl: database.url, autoRegister: false })
  t.teardown(async () => {
    await server.close()
    await database.drop()
  })
  await server.listen(0, '127.0.0.1')
  const users: Record<string, string> = {}
  for (const name of ['a', 'b', 'c']) {
    users[`user_${name}`] = randomUUID()
    users[`token_${name}`] = `token-${name}-${randomUUID()}`
    t.ok(await server.store.createUser(users[`user_${name}`]!, await hashToken(users[`token_${name}`]!)), `created user_${name}`)
  }
  for (const run of [1, 2]) {
    const results = await runScenarios({ serverUrl: server.url, bindings: users })
    t.equal(results.length, scenarioCount, `run ${run}: every scenario ran`)
    for (const result of results.filter((r) => !r.ok)) t.fail(`run ${run}: ${result.file}: ${result.description}: ${result.reason}`)
  }
})
