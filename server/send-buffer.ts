// Apart from connection.ts, which imports ws's types: the server's public options name this type, and
// a package's declarations must not need @types/ws (packaging/package.test.ts checks it).

/**
 * Bounds on what one connection may make the server hold (§10.4), in bytes. Past `highWaterBytes` of
 * unsent replies and broadcasts, or of frames received and not yet answered, the connection is not
 * read and its next request waits until the backlog has left; a connection whose unsent bytes pass
 * `limitBytes` (broadcasts keep coming while it does not read) is closed with close code 4001 (`CLOSE_BACKLOG` in connection.ts).
 */
export interface SendBufferLimits {
  readonly highWaterBytes: number
  readonly limitBytes: number
}
