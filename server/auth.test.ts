import t from 'tap'
import { hashToken, limiter, verifyToken } from './auth.js'

t.test('the limiter runs at most `limit` at once, in arrival order, and survives failures', async (t) => {
  const limited = limiter(2)
  let running = 0
  let most = 0
  const started: number[] = []
  const releases: Array<() => void> = []
  const job = (i: number) =>
    limited(async () => {
      started.push(i)
      running++
      most = Math.max(most, running)
      await new Promise<void>((resolve) => releases.push(resolve))
      running--
      if (i === 1) throw new Error('job 1 failed')
      return i
    })
  const results = Promise.allSettled([0, 1, 2, 3, 4].map(job))
  for (let round = 0; round < 5; round++) {
    await new Promise((resolve) => setImmediate(resolve))
    releases.shift()?.()
  }
  const settled = await results
  t.equal(most, 2, 'never more than two at once')
  t.same(started, [0, 1, 2, 3, 4], 'in arrival order')
  t.same(
    settled.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'],
    'a failure frees its slot too',
  )
})

t.test('the limiter takes the keys in turn: a key with many waiting calls delays another key by one turn (issue 10 finding 6)', async (t) => {
  const limited = limiter(1)
  const started: string[] = []
  const releases: Array<() => void> = []
  const job = (key: string, i: number) =>
    limited(async () => {
      started.push(`${key}${i}`)
      await new Promise<void>((resolve) => releases.push(resolve))
    }, key)
  // An attacker's address queues ten logins, then an honest one queues two.
  const all = Promise.all([...Array.from({ length: 10 }, (_, i) => job('attacker', i)), job('honest', 0), job('honest', 1)])
  for (let round = 0; round < 12; round++) {
    await new Promise((resolve) => setImmediate(resolve))
    releases.shift()?.()
  }
  await all
  t.same(started.slice(0, 5), ['attacker0', 'attacker1', 'honest0', 'attacker2', 'honest1'], 'the honest key waits one turn per call, not ten')
  t.equal(started.length, 12, 'every call ran')
})

t.test('hashes verify, and wrong tokens do not, through the limiter', async (t) => {
  const cheap = { memoryCost: 1024, timeCost: 1 }
  const hashes = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((token) => hashToken(token, cheap)))
  t.same(await Promise.all(hashes.map((h, i) => verifyToken(h, 'abcde'[i]!))), [true, true, true, true, true])
  t.equal(await verifyToken(hashes[0]!, 'b'), false)
  t.equal(await verifyToken('not a hash', 'a'), false)
})
