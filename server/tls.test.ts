import t from 'tap'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { get } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run, serve } from './test-support/cli-process.js'
import { startTestServer } from './test-support/servers.js'
import { TestClient } from './test-support/ws-client.js'

/** A throwaway self-signed certificate for localhost and 127.0.0.1, made by openssl at test time. */
function selfSigned(dir: string): { certPath: string; keyPath: string; cert: Buffer; key: Buffer } | undefined {
  const certPath = join(dir, 'cert.pem')
  const keyPath = join(dir, 'key.pem')
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'pipe', timeout: 20_000 },
    )
  } catch {
    return undefined
  }
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) }
}

const dir = mkdtempSync(join(tmpdir(), 'patchsync-tls-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const pem = selfSigned(dir)
if (!pem) {
  t.plan(0, 'openssl is not available to make a test certificate')
} else {
  const { cert, key, certPath, keyPath } = pem

  t.test('createSyncServer with tls serves wss:// directly: authenticate and create a document', async (t) => {
    const server = await startTestServer(t, 'sqlite', { tls: { cert, key } })
    t.match(server.url, /^wss:\/\/127\.0\.0\.1:\d+\/ws$/)

    // The client verifies the server against the test certificate: this is TLS, not a plain socket.
    const a = await server.login(undefined, undefined, { ca: cert })
    const b = await server.login(undefined, undefined, { rejectUnauthorized: false })
    const id = randomUUID()
    const created = await a.request({ type: 'create_document', document: { id, title: 'Over TLS', content: { secure: true } } })
    t.equal(created.type, 'document_created')
    t.equal(created.sequence, 1)
    t.equal((await a.request({ type: 'share_document', document_id: id, user_id: b.userId, role: 'read' })).type, 'document_shared')
    await a.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/secure', value: 'yes' }] } })
    t.equal((await b.next('document_updated')).document_id, id, 'broadcasts travel over wss:// too')

    await t.rejects(TestClient.connect(server.url), /self[- ]signed/, 'a client that does not trust the certificate is refused')
    await t.rejects(TestClient.connect(server.url.replace('wss://', 'ws://')), 'plain ws:// to the TLS port does not connect')

    const base = server.url.replace('wss://', 'https://').replace(/\/ws$/, '')
    const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = get(`${base}/healthz`, { ca: cert, timeout: 5000 }, (res) => {
        let body = ''
        res.on('data', (d) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', reject)
    })
    t.same(health, { status: 200, body: '{"status":"ok"}' }, '/healthz over https://')
  })

  t.test('patchsync serve --tls-cert --tls-key listens on wss://; an unusable key is a configuration error', async (t) => {
    const database = `sqlite:${join(dir, 'cli.db')}`
    const args = (key: string) => ['--port', '0', '--host', '127.0.0.1', '--database-url', database, '--tls-cert', certPath, '--tls-key', key]
    const server = await serve(t, args(keyPath))
    t.match(server.url, /^wss:\/\/127\.0\.0\.1:\d+\/ws$/)
    const client = await TestClient.login(server.url, undefined, undefined, { ca: cert })
    const created = await client.request({ type: 'create_document', document: { id: randomUUID(), title: 'T', content: {} } })
    t.equal(created.type, 'document_created')
    await client.close()
    t.equal((await server.stop()).code, 0, 'stops cleanly')

    const garbage = join(dir, 'garbage.pem')
    writeFileSync(garbage, 'not a key\n')
    const bad = await run(['serve', ...args(garbage)])
    t.equal(bad.code, 2)
    t.match(bad.stderr, /--tls-cert\/--tls-key: not a usable PEM certificate and key/)
  })
}
