/**
 * The server half of `npm run bench:hostile`: a server with the production defaults (real Argon2id
 * cost, every per-address and login limit on), in a child process so its memory is its own. Usage:
 * `node .bench/bench/hostile-child.js <database-url>`; prints `{"url": …}` once listening. Each line
 * on stdin is a command: `peak` prints `{"peakRss": bytes}` (the highest RSS sampled every 20 ms
 * since the last `peak`) and starts a new peak.
 */
import { createInterface } from 'node:readline'
import { createSyncServer } from '../server/index.js'

const databaseUrl = process.argv[2]
if (!databaseUrl) {
  console.error('usage: hostile-child <database-url>')
  process.exit(2)
}

const server = createSyncServer({ databaseUrl, heartbeatMs: 0 })
await server.listen(0, '127.0.0.1')
process.stdout.write(JSON.stringify({ url: server.url }) + '\n')

let peak = process.memoryUsage.rss()
setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20).unref()

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'peak') return
  process.stdout.write(JSON.stringify({ peakRss: peak }) + '\n')
  peak = process.memoryUsage.rss()
})
process.stdin.on('end', () => void server.close().then(() => process.exit(0)))
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
