import type { IncomingMessage } from 'node:http'

/** An IPv4 address as Node reports it on a dual-stack socket (`::ffff:10.0.0.1`), written plainly. */
const plain = (address: string | undefined) => address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')

/**
 * The address of the client an upgrade request comes from, which per-address limits count (§10.5):
 * the peer's, unless the peer is one of `trustedProxies` — then the address that proxy says it
 * forwarded for, the last `X-Forwarded-For` entry (walking back past further trusted proxies).
 * `X-Forwarded-For` from anyone else is ignored: any client can write it.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string | undefined {
  let address = plain(req.socket.remoteAddress)
  if (address === undefined || !trustedProxies.has(address)) return address
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  for (let i = forwarded.length - 1; i >= 0 && trustedProxies.has(address!); i--) address = plain(forwarded[i])
  return address
}
