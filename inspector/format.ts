/** How the page writes sizes, times and ids. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/** A timestamp in the person's time zone, to the second. */
export function formatTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })
}

/** The first block of a UUID, enough to tell users apart on one page (the whole id is in the title). */
export function shortId(id: string): string {
  return id.slice(0, 8)
}

/** JSON as a person reads it. */
export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined'
}
