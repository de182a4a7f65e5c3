/**
 * The server half of `npm run bench:docsize`: a server whose limits allow documents of several MiB.
 * Usage: `node .bench/bench/docsize-child.js <database-url> [server-module]`; `server-module` (a path
 * to another build's `server/index.js`, e.g. a worktree of an older commit) runs that build's server
 * instead of this one, so the bench can put before and after side by side in one run. Prints
 * `{"url": …}` once listening; closes on SIGTERM or when stdin closes.
 */
import { pathToFileURL } from 'node:url'
import type { createSyncServer as CreateSyncServer } from '../server/index.js'

const [databaseUrl, serverModule] = process.argv.slice(2)
if (!databaseUrl) {
  console.error('usage: docsize-child <database-url> [server-module]')
  process.exit(2)
}
const { createSyncServer } = (await import(serverModule ? pathToFileURL(serverModule).href : '../server/index.js')) as {
  createSyncServer: typeof CreateSyncServer
}

const server = createSyncServer({
  databaseUrl,
  hashOptions: { memoryCost: 1024, timeCost: 1 },
  rateLimit: { perSecond: 0, burst: 1 },
  // Every bench client comes from 127.0.0.1: no per-address limits either.
  addressLimit: { connections: 0, perSecond: 0, burst: 1 },
  heartbeatMs: 0,
  maxPayload: 8 * 1024 * 1024,
  limits: { maxDocumentBytes: 4 * 1024 * 1024 },
})
await server.listen(0, '127.0.0.1')
process.stdout.write(JSON.stringify({ url: server.url }) + '\n')

let closing: Promise<void> | undefined
const stop = () => {
  closing ??= server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGTERM', stop)
process.stdin.on('end', stop)
process.stdin.resume()
