type Listener<A extends unknown[]> = (...args: A) => void

/**
 * A typed event emitter with the part of Node's `EventEmitter` API the client offers (`on`,
 * `once`, `off`), written out so that the client has no `node:events` import and bundles for
 * browsers. Unlike Node's, an `error` event with no listener is not thrown: a client must never
 * crash the app embedding it.
 */
export class Emitter<Events extends { [K in keyof Events]: unknown[] }> {
  private readonly listeners = new Map<keyof Events, Set<(...args: never[]) => void>>()

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as unknown as (...args: never[]) => void)
    return this
  }

  once<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    const wrapper = (...args: Events[K]) => {
      this.off(event, wrapper)
      listener(...args)
    }
    return this.on(event, wrapper)
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): this {
    this.listeners.get(event)?.delete(listener as unknown as (...args: never[]) => void)
    return this
  }

  listenerCount<K extends keyof Events>(event: K): number {
    return this.listeners.get(event)?.size ?? 0
  }

  /** Calls every listener; one that throws does not keep the others from running. */
  protected emit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    const set = this.listeners.get(event)
    if (!set) return
    for (const listener of [...set]) {
      try {
        ;(listener as unknown as Listener<Events[K]>)(...args)
      } catch (error) {
        reportListenerError(error)
      }
    }
  }
}

/** A listener's exception is the app's bug: reported (the browser's `reportError`, else stderr), never thrown into the client. */
function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError
  if (report) report(error)
  else console.error('patchsync: an event listener threw', error)
}
