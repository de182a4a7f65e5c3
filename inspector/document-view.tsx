import { useCallback, useEffect, useState } from 'react'
import type { JsonValue } from '../core/json.js'
import type { ChangeEvent } from '../generated/types.js'
import { useDocument, useSyncClient, useSyncStatus } from '../client/react.js'
import { contentPatch, describeChange, type ChangeLine } from './describe-change.js'
import { shownByClient, useReport } from './errors.js'
import { formatTime, pretty, shortId } from './format.js'
import { Sharing } from './sharing.js'

/** Events per page of the timeline. */
const PAGE = 20

/**
 * One document: its content (editable), its timeline newest first, the diff of a change, time
 * travel, undo to a point and redo, and who it is shared with.
 */
export function DocumentView({ id, userId }: { id: string; userId: string }) {
  const document = useDocument(id)
  const timeline = useTimeline(id, document?.revision_id ?? null)
  const [diffOf, setDiffOf] = useState<ChangeEvent | null>(null)
  if (!document) return <section className="document empty">This document is not here (deleted, or no longer shared).</section>
  return (
    <section className="document">
      <h2 id="document-title">{document.title}</h2>
      <p className="quiet">
        <code>{document.id}</code> · revision <code id="revision">{document.revision_id ?? 'not on the server yet'}</code>
        {document.pending > 0 && ` · ${document.pending} pending`}
      </p>
      <Editor id={id} />
      <History id={id} timeline={timeline} onDiff={setDiffOf} userId={userId} />
      {diffOf && <Diff id={id} event={diffOf} onClose={() => setDiffOf(null)} />}
      <TimeTravel id={id} events={timeline.events} />
      <Sharing id={id} userId={userId} />
    </section>
  )
}

interface Timeline {
  events: ChangeEvent[]
  hasMore: boolean
  loadOlder: () => void
  error: string | null
}

/**
 * The document's events, newest first. The newest page is read again whenever the document's
 * confirmed revision changes (a change here, elsewhere, an undo or redo) or the client comes back
 * online; older pages are read on demand and kept.
 */
function useTimeline(id: string, revision: string | null): Timeline {
  const client = useSyncClient()
  const { online } = useSyncStatus()
  const report = useReport()
  const [state, setState] = useState<{ events: ChangeEvent[]; hasMore: boolean; error: string | null }>({ events: [], hasMore: false, error: null })
  useEffect(() => {
    if (!online) return
    let current = true
    client.timeline(id, { limit: PAGE }).then(
      (page) => {
        if (!current) return
        const oldest = page.changes.at(-1)?.sequence ?? Infinity
        setState((loaded) => {
          const older = loaded.events.filter((e) => e.sequence < oldest)
          return { events: [...page.changes, ...older], hasMore: older.length > 0 ? loaded.hasMore : page.hasMore, error: null }
        })
      },
      (error: { code?: string; message?: string }) => current && setState((loaded) => ({ ...loaded, error: `${error.code}: ${error.message}` })),
    )
    return () => {
      current = false
    }
  }, [client, id, revision, online])
  const loadOlder = useCallback(() => {
    const before = state.events.at(-1)?.sequence
    if (before === undefined) return
    client
      .timeline(id, { before, limit: PAGE })
      .then(
        (page) =>
          setState((loaded) => ({ events: [...loaded.events, ...page.changes.filter((e) => e.sequence < before)], hasMore: page.hasMore, error: null })),
        report,
      )
  }, [client, id, state.events, report])
  return { ...state, loadOlder }
}

function History({ id, timeline, onDiff, userId }: { id: string; timeline: Timeline; onDiff: (event: ChangeEvent) => void; userId: string }) {
  const client = useSyncClient()
  const { online } = useSyncStatus()
  const undo = useUndoTo(id)
  const report = useReport()
  const redo = () => {
    if (!window.confirm('Redo the last undo of this document? The redo is added to its history.')) return
    client.redo(id).then(({ opId }) => client.acknowledged(opId).catch(shownByClient), report)
  }
  return (
    <div className="timeline">
      <h3>
        Timeline <span className="quiet">newest first</span>{' '}
        <button id="redo" onClick={redo}>
          Redo
        </button>
      </h3>
      {!online && <p className="quiet">Offline: the timeline is the server's, and comes back with the connection.</p>}
      {timeline.error && <p className="error">{timeline.error}</p>}
      <ol id="timeline">
        {timeline.events.map((e) => (
          <li key={e.sequence} data-sequence={e.sequence} className={`event ${e.event_type}`}>
            <span className="sequence">#{e.sequence}</span> <span className="kind">{e.event_type}</span>
            {e.cause && <span className="cause"> ({e.cause})</span>}{' '}
            <span className="author">{e.user_id ? (e.user_id === userId ? 'you' : shortId(e.user_id)) : ''}</span>{' '}
            <time dateTime={e.created_at}>{formatTime(e.created_at)}</time> <button onClick={() => onDiff(e)}>Diff</button>{' '}
            <button onClick={() => undo(e.sequence)}>Undo to here</button>
          </li>
        ))}
      </ol>
      {timeline.hasMore && (
        <button id="older" onClick={timeline.loadOlder}>
          Older changes
        </button>
      )}
    </div>
  )
}

/** Restores the document to its state at a sequence, once the person has said yes; the undo is appended to the history. */
function useUndoTo(id: string): (sequence: number) => void {
  const client = useSyncClient()
  const report = useReport()
  return (sequence) => {
    if (!window.confirm(`Restore this document to its state at #${sequence}? The undo is added to its history; Redo takes it back.`)) return
    client.undoToSequence(sequence, id).then(({ opId }) => client.acknowledged(opId).catch(shownByClient), report)
  }
}

/** A change against the document as it was just before it. */
function Diff({ id, event, onClose }: { id: string; event: ChangeEvent; onClose: () => void }) {
  const client = useSyncClient()
  const report = useReport()
  const [before, setBefore] = useState<{ content: JsonValue | null } | null>(null)
  useEffect(() => {
    let current = true
    setBefore(null)
    client.documentAt(id, event.sequence - 1).then((document) => current && setBefore({ content: document?.content ?? null }), report)
    return () => {
      current = false
    }
  }, [client, id, event.sequence, report])
  return (
    <div className="diff" id="diff">
      <h3>
        Change #{event.sequence} ({event.event_type}
        {event.cause ? `, ${event.cause}` : ''}) <button onClick={onClose}>Close</button>
      </h3>
      {before === null ? (
        <p className="quiet">Reading the document as it was…</p>
      ) : (
        <>
          <ul className="change-lines">
            {describeChange(event, before.content).map((line, i) => (
              <li key={i} className={line.kind}>
                {sentence(line)}
              </li>
            ))}
          </ul>
          <details>
            <summary>The document before this change</summary>
            <pre>{before.content === null ? 'it did not exist' : pretty(before.content)}</pre>
          </details>
        </>
      )}
    </div>
  )
}

/** One line of a diff, as a sentence. */
function sentence(line: ChangeLine): string {
  const value = (v: JsonValue | undefined) => JSON.stringify(v)
  switch (line.kind) {
    case 'created':
      return `created with ${value(line.after)}`
    case 'deleted':
      return 'deleted'
    case 'renamed':
      return `renamed ${value(line.before)} → ${value(line.after)}`
    case 'added':
      return `added ${line.path}: ${value(line.after)}`
    case 'removed':
      return `removed ${line.path} (was ${value(line.before)})`
    case 'replaced':
      return `replaced ${line.path}: ${value(line.before)} → ${value(line.after)}`
    case 'moved':
      return `moved ${line.from} → ${line.path} (${value(line.after)})`
    case 'copied':
      return `copied ${line.from} → ${line.path} (${value(line.after)})`
    case 'checked':
      return `checked that ${line.path} is ${value(line.after)}`
  }
}

/** A slider over the loaded events: the whole document at any of them, and an undo to it. */
function TimeTravel({ id, events }: { id: string; events: ChangeEvent[] }) {
  const client = useSyncClient()
  const report = useReport()
  const undo = useUndoTo(id)
  const ascending = [...events].reverse()
  const [index, setIndex] = useState<number | null>(null)
  const [shown, setShown] = useState<{ sequence: number; text: string } | null>(null)
  const at = index === null ? undefined : ascending[Math.min(index, ascending.length - 1)]
  useEffect(() => {
    if (!at) return
    let current = true
    client
      .documentAt(id, at.sequence)
      .then(
        (document) => current && setShown({ sequence: at.sequence, text: document ? `${document.title}\n${pretty(document.content)}` : 'it did not exist' }),
        report,
      )
    return () => {
      current = false
    }
  }, [client, id, at?.sequence, report])
  if (ascending.length === 0) return null
  return (
    <div className="travel">
      <h3>Time travel</h3>
      <input
        id="travel"
        type="range"
        min={0}
        max={ascending.length - 1}
        value={index ?? ascending.length - 1}
        onChange={(e) => setIndex(Number(e.target.value))}
        aria-label="sequence"
      />
      <span id="travel-at">{at ? `at #${at.sequence}` : 'move the slider to see the document at a sequence'}</span>
      {at && (
        <button id="undo-to-travel" onClick={() => undo(at.sequence)}>
          Undo to here
        </button>
      )}
      {shown && shown.sequence === at?.sequence && <pre id="travel-document">{shown.text}</pre>}
    </div>
  )
}

/** The content as JSON to edit, and the title; saving sends only what changed (offline too: it waits in the outbox). */
function Editor({ id }: { id: string }) {
  const client = useSyncClient()
  const report = useReport()
  const document = useDocument(id)!
  const [draft, setDraft] = useState<string | null>(null)
  const [title, setTitle] = useState<string | null>(null)
  const save = () => {
    if (draft === null) return
    let content: JsonValue
    try {
      content = JSON.parse(draft) as JsonValue
    } catch (error) {
      report({ code: 'invalid_json', message: `the content is not JSON: ${(error as Error).message}` })
      return
    }
    const patch = contentPatch(document.content, content)
    ;(patch.length === 0 ? Promise.resolve() : client.update(id, patch)).then(() => setDraft(null), report)
  }
  const rename = () => {
    if (title === null || title === document.title) return setTitle(null)
    client.rename(id, title).then(() => setTitle(null), report)
  }
  return (
    <div className="editor">
      <label>
        Title <input id="title" value={title ?? document.title} onChange={(e) => setTitle(e.target.value)} />
      </label>{' '}
      <button id="rename" onClick={rename} disabled={title === null}>
        Rename
      </button>
      <textarea id="content" spellCheck={false} value={draft ?? pretty(document.content)} onChange={(e) => setDraft(e.target.value)} rows={8} />
      <button id="save" onClick={save} disabled={draft === null}>
        Save
      </button>{' '}
      {draft !== null && <button onClick={() => setDraft(null)}>Discard</button>}
    </div>
  )
}
