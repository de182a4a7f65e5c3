import { useEffect, useState, type FormEvent } from 'react'
import { useSyncClient, useSyncStatus } from '../client/react.js'
import { shownByClient, useReport } from './errors.js'

type Access = Awaited<ReturnType<ReturnType<typeof useSyncClient>['access']>>

/** Who has access (from the server), and, for the owner, grant and revoke. */
export function Sharing({ id, userId }: { id: string; userId: string }) {
  const client = useSyncClient()
  const { online } = useSyncStatus()
  const report = useReport()
  const [access, setAccess] = useState<Access | null>(null)
  const [version, setVersion] = useState(0)
  const [grantee, setGrantee] = useState('')
  const [role, setRole] = useState<'read' | 'write'>('read')

  useEffect(() => {
    if (!online) return
    let current = true
    client.access(id).then((list) => current && setAccess(list), report)
    return () => {
      current = false
    }
  }, [client, id, online, version, report])

  const share = (user: string, newRole: 'read' | 'write' | 'none') =>
    client.share(id, user, newRole).then(({ opId }) => client.acknowledged(opId).then(() => setVersion((v) => v + 1), shownByClient), report)

  const owner = access?.owner_id === userId
  const grant = (event: FormEvent) => {
    event.preventDefault()
    void share(grantee.trim().toLowerCase(), role).then(() => setGrantee(''))
  }

  return (
    <div className="sharing">
      <h3>Sharing</h3>
      {!access ? (
        <p className="quiet">{online ? 'Reading who has access…' : 'Offline: who has access is known to the server.'}</p>
      ) : (
        <ul id="access">
          <li>
            <code>{access.owner_id}</code> owner
          </li>
          {access.grants.map((g) => (
            <li key={g.user_id} data-user={g.user_id}>
              <code>{g.user_id}</code> <span className="grant-role">{g.role}</span>{' '}
              {owner && <button onClick={() => void share(g.user_id, 'none')}>Revoke</button>}
            </li>
          ))}
        </ul>
      )}
      {owner && (
        <form onSubmit={grant}>
          <input id="grantee" placeholder="user id" value={grantee} onChange={(e) => setGrantee(e.target.value)} required />
          <select id="grant-role" value={role} onChange={(e) => setRole(e.target.value as 'read' | 'write')}>
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
          <button id="grant" type="submit">
            Grant
          </button>
        </form>
      )}
    </div>
  )
}
