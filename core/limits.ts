/** Bounds on what one patch may do; the server makes them configurable (spec §10). */
export interface Limits {
  /** Operations in one patch. */
  maxOps: number
  /** Nesting depth of the content, counting the content object as depth 1. */
  maxDepth: number
  /** UTF-8 bytes of the content's JSON text. */
  maxDocumentBytes: number
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxOps: 1000,
  maxDepth: 64,
  maxDocumentBytes: 1024 * 1024,
})

/** Fills the limits the caller did not set with the defaults. */
export function resolveLimits(limits?: Partial<Limits>): Readonly<Limits> {
  return limits === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, ...limits }
}
