import t from 'tap'
import { inspectorJourney } from './test-support/journey.js'
import { startTestServer } from '../server/test-support/servers.js'

// One file per backend, so that each journey (a browser, a server, some minutes on a loaded machine) has its own time limit.
t.test("sqlite: the inspector page shows and steers a document's history", (t) => inspectorJourney(t, 'sqlite'))

t.test('the page is not served when the option is off (the default of an embedded server)', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const response = await fetch(server.url.replace(/^ws/, 'http').replace(/\/ws$/, '/inspect'))
  t.equal(response.status, 404)
})
