import { useEffect, useState } from 'react'
import type { SyncClient } from '../client/browser.js'
import { SyncProvider } from '../client/react.js'
import { SignIn } from './sign-in.js'
import { Workspace } from './workspace.js'

/** Signed out: the sign-in form. Signed in: the workspace, over that user's client. */
export function App() {
  const [client, setClient] = useState<SyncClient | null>(null)
  // Closed once the workspace using it has unmounted (its hooks let go first), on sign-out.
  useEffect(() => () => void client?.close(), [client])
  if (!client) return <SignIn onSignedIn={setClient} />
  const signOut = () => setClient(null)
  return (
    <SyncProvider client={client}>
      <Workspace userId={client.options.userId.toLowerCase()} onSignOut={signOut} />
    </SyncProvider>
  )
}
