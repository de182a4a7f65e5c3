/**
 * patchsync/react: React bindings for a SyncClient. `SyncProvider` hands an opened client to the
 * components below it; `useDocument(id)` re-renders its component only when that document
 * changes (it is built on `client.subscribe(id)`, and the client's frozen documents are the same
 * object until they change), `useDocuments()` when any document appears, changes or goes, and
 * `useSyncStatus()` when the connection state or the number of pending ops changes.
 *
 * React is an optional peer dependency of patchsync: only this module imports it.
 */
import { createContext, createElement, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { ClientStatus, LocalDocument, PlatformSyncClient, SyncClientEvents } from './shared-exports.js'

const ClientContext = createContext<PlatformSyncClient | null>(null)

/** Makes an opened client (Node's or the browser's SyncClient) available to the hooks below it. */
export function SyncProvider({ client, children }: { client: PlatformSyncClient; children?: ReactNode }): ReactNode {
  return createElement(ClientContext.Provider, { value: client }, children)
}

/** The client of the nearest `SyncProvider`; throws when there is none, since every hook needs one. */
export function useSyncClient(): PlatformSyncClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('patchsync/react: a hook was used outside a <SyncProvider client={…}>')
  return client
}

/** The document as the client sees it (frozen), or undefined while it does not exist here. */
export function useDocument(id: string): LocalDocument | undefined {
  const client = useSyncClient()
  const subscribe = useCallback((changed: () => void) => client.subscribe(id, () => changed()), [client, id])
  return useSyncExternalStore(subscribe, () => client.get(id))
}

/** Every document the client holds, by title; the same array until one of them changes. */
export function useDocuments(): readonly LocalDocument[] {
  return useSyncExternalStore(...documentsStore(useSyncClient()))
}

/** The client's status (online, pending ops, synced, the error that stopped it); the same object until it changes. */
export function useSyncStatus(): ClientStatus {
  return useSyncExternalStore(...statusStore(useSyncClient()))
}

type Store<T> = [subscribe: (changed: () => void) => () => void, snapshot: () => T]

const documentStores = new WeakMap<PlatformSyncClient, Store<readonly LocalDocument[]>>()
const statusStores = new WeakMap<PlatformSyncClient, Store<ClientStatus>>()

/**
 * A snapshot shared by every component that reads it: `read` is called when one of the client's
 * `events` fires, and the snapshot is replaced (and the components told) only when `same` says it
 * differs. The client's listeners are attached while at least one component is subscribed.
 */
function sharedStore<T>(client: PlatformSyncClient, events: ReadonlyArray<keyof SyncClientEvents>, read: () => T, same: (a: T, b: T) => boolean): Store<T> {
  let current = read()
  const components = new Set<() => void>()
  const refresh = () => {
    const next = read()
    if (same(next, current)) return
    current = next
    for (const changed of [...components]) changed()
  }
  const subscribe = (changed: () => void) => {
    if (components.size === 0) {
      for (const event of events) client.on(event, refresh)
      // What changed while no component listened.
      refresh()
    }
    components.add(changed)
    return () => {
      components.delete(changed)
      if (components.size === 0) for (const event of events) client.off(event, refresh)
    }
  }
  return [subscribe, () => current]
}

/**
 * The document list, read again on each document event and on each status change (an
 * acknowledgement changes a document's `pending` without changing its content).
 */
function documentsStore(client: PlatformSyncClient): Store<readonly LocalDocument[]> {
  let store = documentStores.get(client)
  if (!store) {
    const sameDocuments = (a: readonly LocalDocument[], b: readonly LocalDocument[]) => a.length === b.length && a.every((document, i) => document === b[i])
    store = sharedStore(client, ['document_created', 'document_updated', 'document_deleted', 'status_changed'], () => client.list(), sameDocuments)
    documentStores.set(client, store)
  }
  return store
}

function statusStore(client: PlatformSyncClient): Store<ClientStatus> {
  let store = statusStores.get(client)
  if (!store) {
    store = sharedStore(
      client,
      ['status_changed'],
      () => client.status(),
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    )
    statusStores.set(client, store)
  }
  return store
}
