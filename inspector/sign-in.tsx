import { useState, type FormEvent } from 'react'
import { SyncClient } from '../client/browser.js'
import { describeError } from './errors.js'

/** How long sign-in waits for the server before going on offline, with what this browser holds. */
const ONLINE_WAIT_MS = 5000

/** The server's WebSocket endpoint, on the origin that served the page (its path is in the page). */
function webSocketUrl(): string {
  const path = document.querySelector<HTMLMetaElement>('meta[name="patchsync-ws-path"]')?.content || '/ws'
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`
}

/**
 * Signs in as every client does: a SyncClient with the user id and token, which authenticates on
 * the server's WebSocket. A refused token is shown and nothing opens; a server that does not
 * answer in time lets the person in offline (edits queue until it does).
 */
export function SignIn({ onSignedIn }: { onSignedIn: (client: SyncClient) => void }) {
  const [userId, setUserId] = useState('')
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const id = userId.trim().toLowerCase()
    const client = new SyncClient({
      serverUrl: webSocketUrl(),
      userId: id,
      authToken: token,
      databaseName: `patchsync-inspector-${id}`,
      reconnect: { minMs: 250, maxMs: 5000 },
    })
    try {
      await client.open()
      client.connect()
      await client.whenSynced(ONLINE_WAIT_MS).catch((failure: { code?: string }) => {
        if (failure.code !== 'timeout') throw failure
      })
      onSignedIn(client)
    } catch (failure) {
      void client.close()
      setError(describeError(failure))
      setBusy(false)
    }
  }

  return (
    <main className="sign-in">
      <h1>patchsync inspector</h1>
      <p>Sign in to see the history of your documents.</p>
      <form onSubmit={submit}>
        <label>
          User id{' '}
          <input
            id="user-id"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            placeholder="550e8400-e29b-41d4-a716-446655440000"
            required
            autoComplete="username"
          />
        </label>
        <label>
          Token <input id="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} required autoComplete="current-password" />
        </label>
        <button id="sign-in" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </main>
  )
}
