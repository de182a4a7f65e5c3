import { useEffect, useState, type FormEvent } from 'react'
import { jsonBytes } from '../core/json.js'
import type { LocalDocument } from '../client/shared-exports.js'
import { useDocuments, useSyncClient, useSyncStatus } from '../client/react.js'
import { useReport } from './errors.js'
import { formatBytes, formatTime, shortId } from './format.js'

/** The user's documents: title, owner, role, last change and size; searched by title. */
export function Documents({ userId, selected, onSelect }: { userId: string; selected: string | null; onSelect: (id: string) => void }) {
  const documents = useDocuments()
  const [query, setQuery] = useState('')
  const shown = documents.filter((d) => d.title.toLowerCase().includes(query.trim().toLowerCase()))
  return (
    <section className="documents">
      <h2>Documents</h2>
      <input id="search" type="search" placeholder="Search by title" value={query} onChange={(e) => setQuery(e.target.value)} />
      <table id="document-list">
        <thead>
          <tr>
            <th>Title</th>
            <th>Owner</th>
            <th>Role</th>
            <th>Last change</th>
            <th>Size</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => (
            <DocumentRow key={d.id} document={d} userId={userId} selected={d.id === selected} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="quiet">{documents.length === 0 ? 'No documents yet.' : 'No title matches.'}</p>}
      <NewDocument onCreated={onSelect} />
    </section>
  )
}

/** What only the server knows of a document: the user's role on it and its last change. */
interface ServerFacts {
  role: string
  last: { sequence: number; user_id?: string; created_at: string } | null
}

function DocumentRow({ document, userId, selected, onSelect }: { document: LocalDocument; userId: string; selected: boolean; onSelect: (id: string) => void }) {
  const facts = useServerFacts(document, userId)
  const owner = document.owner_id === null ? '—' : document.owner_id === userId ? 'you' : shortId(document.owner_id)
  const role = document.owner_id === userId ? 'owner' : (facts?.role ?? '…')
  const last = facts?.last
    ? `#${facts.last.sequence} ${formatTime(facts.last.created_at)}${facts.last.user_id ? ` by ${facts.last.user_id === userId ? 'you' : shortId(facts.last.user_id)}` : ''}`
    : '—'
  return (
    <tr className={selected ? 'selected' : ''} data-id={document.id} onClick={() => onSelect(document.id)}>
      <td>
        <button className="link document-title">{document.title}</button>
        {document.pending > 0 && <span className="pending-badge"> {document.pending} pending</span>}
      </td>
      <td>{owner}</td>
      <td className="role">{role}</td>
      <td className="last-change">{last}</td>
      <td className="size">{formatBytes(jsonBytes(document.content))}</td>
    </tr>
  )
}

/** Asked again when the document's confirmed revision changes and when the client comes online. */
function useServerFacts(document: LocalDocument, userId: string): ServerFacts | undefined {
  const client = useSyncClient()
  const { online } = useSyncStatus()
  const [facts, setFacts] = useState<ServerFacts>()
  useEffect(() => {
    if (!online || document.revision_id === null) return
    let current = true
    const owned = document.owner_id === userId
    Promise.all([client.timeline(document.id, { limit: 1 }), owned ? undefined : client.access(document.id)]).then(
      ([timeline, access]) => {
        const role = owned ? 'owner' : (access?.grants.find((g) => g.user_id === userId)?.role ?? 'none')
        if (current) setFacts({ role, last: timeline.changes[0] ?? null })
      },
      // A document just shared or unshared, or a connection lost: the row says so by its dashes.
      () => {},
    )
    return () => {
      current = false
    }
  }, [client, document.id, document.revision_id, document.owner_id, userId, online])
  return facts
}

/** Creates a document (offline too: it waits in the outbox). */
function NewDocument({ onCreated }: { onCreated: (id: string) => void }) {
  const client = useSyncClient()
  const report = useReport()
  const [title, setTitle] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    client.create({ title: title.trim(), content: {} }).then((d) => {
      setTitle('')
      onCreated(d.id)
    }, report)
  }
  return (
    <form className="new-document" onSubmit={submit}>
      <input id="new-title" placeholder="New document title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      <button type="submit">Create</button>
    </form>
  )
}
