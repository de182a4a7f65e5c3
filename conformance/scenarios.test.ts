import t from 'tap'
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
