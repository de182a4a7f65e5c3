/** Actor id → number of changes seen from that actor (spec §5). */
export type VectorClock = Readonly<Record<string, number>>

export type ClockOrder = 'before' | 'after' | 'equal' | 'concurrent'

function checkActor(actor: string): void {
  if (actor === '__proto__' || actor.length === 0 || actor.length > 128) {
    throw new RangeError(`${JSON.stringify(actor)} is not a usable actor id`)
  }
}

function fresh(): Record<string, number> {
  return {}
}

/** A copy of the clock with the actor's counter one higher. */
export function increment(clock: VectorClock, actor: string): VectorClock {
  checkActor(actor)
  const out = { ...clock }
  out[actor] = (Object.hasOwn(clock, actor) ? clock[actor]! : 0) + 1
  return out
}

/** The pointwise maximum of two clocks. */
export function merge(a: VectorClock, b: VectorClock): VectorClock {
  const out = fresh()
  for (const actor of [...Object.keys(a), ...Object.keys(b)]) {
    checkActor(actor)
    out[actor] = Math.max(Object.hasOwn(a, actor) ? a[actor]! : 0, Object.hasOwn(b, actor) ? b[actor]! : 0)
  }
  return out
}

/** How `a` relates to `b`: happened before it, after it, equal, or concurrent. Missing entries are 0. */
export function compare(a: VectorClock, b: VectorClock): ClockOrder {
  let less = false
  let greater = false
  for (const actor of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = Object.hasOwn(a, actor) ? a[actor]! : 0
    const y = Object.hasOwn(b, actor) ? b[actor]! : 0
    if (x < y) less = true
    if (x > y) greater = true
  }
  if (less && greater) return 'concurrent'
  if (less) return 'before'
  if (greater) return 'after'
  return 'equal'
}
