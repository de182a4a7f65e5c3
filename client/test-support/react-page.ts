/**
 * The bundle of the hooks tests' page: the browser client, the React bindings, and a small app
 * whose components count their renders, so that a test sees which of them re-rendered.
 */
import { createElement, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { SyncProvider, useDocument, useDocuments, useSyncStatus } from '../react.js'
import type { SyncClient } from '../browser.js'

export * from '../browser.js'

/** Renders per component name. */
export const renders: Record<string, number> = {}

function counted(name: string): void {
  renders[name] = (renders[name] ?? 0) + 1
}

function Document({ id, name }: { id: string; name: string }): ReactNode {
  counted(name)
  const document = useDocument(id)
  return createElement('pre', { id: name }, document ? JSON.stringify(document.content) : 'missing')
}

function Titles(): ReactNode {
  counted('list')
  return createElement(
    'pre',
    { id: 'list' },
    useDocuments()
      .map((d) => `${d.title}:${d.pending}`)
      .join(','),
  )
}

function Status(): ReactNode {
  counted('status')
  const status = useSyncStatus()
  return createElement('pre', { id: 'status' }, `${status.online ? 'online' : 'offline'} ${status.pending}`)
}

let root: Root | undefined

/** Mounts one `Document` per entry of `documents` (name → id), the list and the status, under a provider of `client`. */
export function mount(client: SyncClient, documents: Record<string, string>): void {
  const container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  const children = [
    ...Object.entries(documents).map(([name, id]) => createElement(Document, { key: name, id, name })),
    createElement(Titles, { key: 'list' }),
    createElement(Status, { key: 'status' }),
  ]
  root.render(createElement(SyncProvider, { client }, children))
}

export function unmount(): void {
  root?.unmount()
  root = undefined
}
