import { createContext, useContext } from 'react'

/** `code: message` of a PatchsyncError (a server's refusal, a client's check), else its text. */
export function describeError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  const text = typeof message === 'string' ? message : String(error)
  return typeof code === 'string' ? `${code}: ${text}` : text
}

/**
 * For the rejection of `client.acknowledged(opId)`: the server refused a queued op, which the
 * client also reports as an `error` or `conflict` event, and the workspace shows those.
 */
export function shownByClient(): void {}

/** Shows an error in the workspace's banner. */
export const ReportContext = createContext<(error: unknown) => void>(() => {})

export function useReport(): (error: unknown) => void {
  return useContext(ReportContext)
}

/** The errors shown, newest last, each with a button that dismisses it. */
export function ErrorBanner({ errors, dismiss }: { errors: ReadonlyArray<{ id: number; text: string }>; dismiss: (id: number) => void }) {
  if (errors.length === 0) return null
  return (
    <ul className="errors" role="alert">
      {errors.map((e) => (
        <li key={e.id}>
          <span className="error-text">{e.text}</span> <button onClick={() => dismiss(e.id)}>Dismiss</button>
        </li>
      ))}
    </ul>
  )
}
