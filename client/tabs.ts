/**
 * How the clients that share one storage coordinate: in a browser, the tabs of one origin that
 * open the same database. Only one of them pushes the outbox at a time, and each tells the others
 * which documents it changed in storage, so they show the change without asking the server.
 */
export interface TabGroup {
  /**
   * True when no other client can share this storage (Node: one process, one file): such a
   * client may drop a pending op that no longer applies locally; in a group of tabs the pushing
   * tab sends it and the server's refusal drops it.
   */
  readonly alone: boolean
  /** Runs `fn` while this client alone pushes the outbox (a Web Lock in browsers). */
  withPushLock<T>(fn: () => Promise<T>): Promise<T>
  /** Tells the other clients that these documents (or the outbox) changed in storage. */
  publish(documentIds: string[]): void
  /** Listens to the other clients' `publish`. */
  subscribe(listener: (documentIds: string[]) => void): void
  close(): void
}

/** A client that shares its storage with nobody (Node). */
export function aloneGroup(): TabGroup {
  return {
    alone: true,
    withPushLock: (fn) => fn(),
    publish: () => {},
    subscribe: () => {},
    close: () => {},
  }
}

/**
 * The tabs of one origin sharing the storage named `name`: the push lock is a Web Lock, and
 * changes travel on a BroadcastChannel (neither crosses origins; both end with the tab, so a
 * killed tab releases its lock).
 */
export function browserTabGroup(name: string): TabGroup {
  const channel = new BroadcastChannel(`patchsync:${name}`)
  return {
    alone: false,
    withPushLock: <T>(fn: () => Promise<T>) => navigator.locks.request(`patchsync:${name}:push`, fn) as Promise<T>,
    publish: (documentIds) => channel.postMessage({ documentIds }),
    subscribe: (listener) => {
      channel.onmessage = (event: MessageEvent<{ documentIds?: unknown }>) => {
        const ids = event.data?.documentIds
        if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) listener(ids)
      }
    },
    close: () => channel.close(),
  }
}
