/**
 * When a commit writes a document's content whole (a snapshot) instead of only its head (issue 15).
 *
 * Rebuilding a revision reads a snapshot and applies the patches after it (the tail). Its cost is
 * counted in JSON bytes: the tail's forward patches, plus {@link EVENT_WEIGHT} per event for
 * reading and decoding its row. A snapshot is taken once that cost reaches the document's own
 * size, so
 * - the snapshots written cost at most what the tail since the last one cost: a commit pays, on
 *   average, for its patch and one row's weight, never for the document (a 1 MiB document edited
 *   by short patches is written whole every ~3,300 commits, not every 64);
 * - a rebuild (a cache miss, or time travel from the nearest snapshot) reads at most about twice
 *   the document, or fewer than {@link MIN_TAIL_EVENTS} rows whose patches together are under
 *   twice the document or {@link SHORT_TAIL_BYTES};
 * - and never more than {@link MAX_TAIL_EVENTS} events, however large the document.
 */

/**
 * What reading one event's row costs, in JSON bytes of a snapshot. Measured on the 2-core build
 * machine (a 291 KB document of 10,000 short appends): a row of a short patch read and decoded in
 * 1.4 µs on SQLite and 2.6 µs on PostgreSQL, a snapshot in 4.3 and 25 ns per byte; so a row costs
 * about 330 and 100 bytes.
 */
export const EVENT_WEIGHT = 256

/** Most events between snapshots of a document, whatever its size. */
export const MAX_TAIL_EVENTS = 4096

/**
 * Fewest events between snapshots: a small document would otherwise be written whole, and kept,
 * on every commit (measured: 3% more server CPU per update in bench:server's throughput phase,
 * whose documents are 45 bytes), where reading this many short rows costs a fraction of a
 * millisecond.
 */
export const MIN_TAIL_EVENTS = 32

/**
 * Fewer than {@link MIN_TAIL_EVENTS} events still end their tail once their patches reach twice the
 * document and this many bytes: 31 patches that each replace most of a 1 MiB document would
 * otherwise be applied on every rebuild (found in review).
 */
export const SHORT_TAIL_BYTES = 64 * 1024

/**
 * Whether the commit of an event takes a snapshot. `tailEvents` and `tailBytes` are the events
 * after the last snapshot and their forward patches' JSON bytes, this event included; `size` is the
 * content's JSON bytes after it.
 */
export function takesSnapshot(tailEvents: number, tailBytes: number, size: number): boolean {
  if (tailEvents >= MAX_TAIL_EVENTS) return true
  if (tailEvents < MIN_TAIL_EVENTS) return tailBytes >= 2 * size && tailBytes >= SHORT_TAIL_BYTES
  return tailBytes + EVENT_WEIGHT * tailEvents >= size
}
