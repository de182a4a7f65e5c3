/**
 * Entry point of the helper process libpatchsync spawns: one SyncClient, driven over stdin/stdout
 * with the line protocol of host-protocol.ts. Exits when stdin ends (the engine was destroyed or
 * its process died), after closing the client so the outbox is flushed to disk.
 */
import { SyncClient } from '../client/index.js'
import { serveHost } from './host-protocol.js'

// stdout carries the protocol; anything a library prints goes to stderr so it cannot split a line.
console.log = console.error
console.info = console.error
console.debug = console.error
process.stdout.on('error', () => process.exit(1))

await serveHost({
  input: process.stdin,
  output: process.stdout,
  createClient: (options) => new SyncClient(options),
})
process.exit(0)
