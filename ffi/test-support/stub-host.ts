/** A host process around MemoryClient: lets the C library be exercised without a server. */
import { serveHost } from '../host-protocol.js'
import { MemoryClient } from './memory-client.js'

await serveHost({ input: process.stdin, output: process.stdout, createClient: (options) => new MemoryClient(options) })
process.exit(0)
