/**
 * A client process for the crash test: opens the client database given on the command line,
 * goes online, creates a document and appends `count` items to its `/items` array, then prints
 * `queued` and waits to be killed. Arguments: databasePath serverUrl userId documentId count.
 */
import { SyncClient } from '../node.js'

const [databasePath, serverUrl, userId, documentId, count] = process.argv.slice(2)
const client = new SyncClient({
  databasePath: databasePath!,
  serverUrl: serverUrl!,
  userId: userId!,
  authToken: `token-${userId}`,
  reconnect: { minMs: 20, maxMs: 200 },
})
await client.open()
client.connect()
await client.create({ id: documentId!, title: 'crash test', content: { items: [] } })
for (let i = 0; i < Number(count); i++) await client.update(documentId!, [{ op: 'add', path: '/items/-', value: i }])
process.stdout.write(`queued ${client.status().pending}\n`)
// Stay alive (and connected) until the test kills this process.
setInterval(() => {}, 1000)
