import type { ErrorCode } from '../generated/errors.js'

/**
 * An error with a code from the registry (`spec/errors.json`). Everything patchsync rejects is
 * thrown as one of these, so the server can put `code` on the wire and the C API can map it to
 * its result enum.
 */
export class PatchsyncError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'PatchsyncError'
    this.code = code
    if (details !== undefined) this.details = details
  }
}
