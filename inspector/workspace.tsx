import { useCallback, useEffect, useState } from 'react'
import { useSyncClient, useSyncStatus } from '../client/react.js'
import { DocumentView } from './document-view.js'
import { Documents } from './documents.js'
import { describeError, ErrorBanner, ReportContext } from './errors.js'

/**
 * The signed-in page: the connection state and pending ops, the errors, the user's documents and
 * the one chosen. Every error the client reports (a refused op, a lost sync) is shown, as is every
 * failed action of the page.
 */
export function Workspace({ userId, onSignOut }: { userId: string; onSignOut: () => void }) {
  const client = useSyncClient()
  const [selected, setSelected] = useState<string | null>(null)
  const [errors, setErrors] = useState<Array<{ id: number; text: string }>>([])
  const report = useCallback((error: unknown) => setErrors((shown) => [...shown, { id: Date.now() + Math.random(), text: describeError(error) }]), [])

  useEffect(() => {
    const onError = (error: { code: string; message: string }) => report(error)
    const onConflict = (conflict: { kind: string; code?: string; message: string }) => {
      if (conflict.kind !== 'concurrent') report({ code: conflict.code ?? 'conflict', message: conflict.message })
    }
    client.on('error', onError).on('conflict', onConflict)
    return () => void client.off('error', onError).off('conflict', onConflict)
  }, [client, report])

  return (
    <ReportContext.Provider value={report}>
      <header className="top">
        <h1>patchsync inspector</h1>
        <span className="user">
          signed in as <code id="signed-in-as">{userId}</code>
        </span>
        <Connection />
        <button onClick={onSignOut}>Sign out</button>
      </header>
      <ErrorBanner errors={errors} dismiss={(id) => setErrors((shown) => shown.filter((e) => e.id !== id))} />
      <div className="panes">
        <Documents userId={userId} selected={selected} onSelect={setSelected} />
        {selected ? <DocumentView key={selected} id={selected} userId={userId} /> : <section className="document empty">Choose a document.</section>}
      </div>
    </ReportContext.Provider>
  )
}

/** Online or offline, synced or syncing, the ops waiting in the outbox; and a switch to go offline and back. */
function Connection() {
  const client = useSyncClient()
  const { online, pending, synced, error } = useSyncStatus()
  const state = error ? `stopped (${error.code})` : !online ? 'offline' : synced ? 'online, synced' : 'online, syncing'
  return (
    <span className="connection">
      <span id="connection-state" className={online ? 'online' : 'offline'}>
        {state}
      </span>
      {' · '}
      <span id="pending">{pending} pending</span>{' '}
      {online ? <button onClick={() => void client.disconnect()}>Go offline</button> : <button onClick={() => client.connect()}>Go online</button>}
    </span>
  )
}
