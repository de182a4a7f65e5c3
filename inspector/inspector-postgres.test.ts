import t from 'tap'
import { inspectorJourney } from './test-support/journey.js'

// One file per backend, so that each journey (a browser, a server, some minutes on a loaded machine) has its own time limit.
t.test("postgres: the inspector page shows and steers a document's history", (t) => inspectorJourney(t, 'postgres'))
