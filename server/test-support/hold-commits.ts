import type { Store } from '../storage/store.js'

/**
 * Holds every commit of `store` until the returned function is called: a change is planned (the
 * write path's memory holds it) and not committed, for as long as a test needs to look.
 */
export function holdCommits(store: Store): () => void {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const write = store.write.bind(store)
  store.write = async (...args) => {
    await gate
    return write(...args)
  }
  return release
}
