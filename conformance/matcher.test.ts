import t from 'tap'
import { match } from './matcher.js'

const REVISION = `1-${'a'.repeat(64)}`

t.test('matches an object that has every listed key and ignores the others', async (t) => {
  t.same(match({ type: 'document', id: 'x', extra: 1 }, { type: 'document', id: 'x' }), { ok: true, captures: {} })
})

t.test('names the path of the first mismatch', async (t) => {
  const result = match({ document: { title: 'a' } }, { document: { title: 'b' } })
  t.same(result, { ok: false, reason: '$.document.title: expected "b", got "a"' })
})

t.test('reports a listed key that is missing', async (t) => {
  t.match(match({}, { request_id: 'r1' }), { ok: false, reason: /\$\.request_id: missing/ })
})

t.test('requires arrays of the same length, element by element', async (t) => {
  t.ok(match([1, { a: 2, b: 3 }], [1, { a: 2 }]).ok)
  t.notOk(match([1, 2], [1]).ok)
  t.notOk(match([1, 2], [1, 3]).ok)
})

t.test('$absent passes only when the key is missing', async (t) => {
  t.ok(match({ type: 'x' }, { request_id: { $absent: true } }).ok)
  t.notOk(match({ request_id: null }, { request_id: { $absent: true } }).ok)
})

t.test('$any accepts any present value, including null', async (t) => {
  t.ok(match({ v: null }, { v: { $any: true } }).ok)
  t.notOk(match({}, { v: { $any: true } }).ok)
})

t.test('$type distinguishes integers, numbers, null, arrays and objects', async (t) => {
  t.ok(match(3, { $type: 'integer' }).ok)
  t.notOk(match(3.5, { $type: 'integer' }).ok)
  t.ok(match(3.5, { $type: 'number' }).ok)
  t.ok(match(null, { $type: 'null' }).ok)
  t.notOk(match([], { $type: 'object' }).ok)
  t.ok(match([], { $type: 'array' }).ok)
})

t.test('$match checks the named formats', async (t) => {
  t.ok(match(0, { $match: 'sequence' }).ok)
  t.notOk(match(-1, { $match: 'sequence' }).ok)
  t.notOk(match('5', { $match: 'sequence' }).ok)
  t.ok(match(REVISION, { $match: 'revision_id' }).ok)
  t.notOk(match(`0-${'a'.repeat(64)}`, { $match: 'revision_id' }).ok)
  t.ok(match('2024-01-01T12:00:00.123Z', { $match: 'timestamp' }).ok)
  t.notOk(match('yesterday', { $match: 'timestamp' }).ok)
  t.ok(match('550E8400-E29B-41D4-A716-446655440000', { $match: 'uuid' }).ok)
  t.notOk(match('x', { $match: 'nonsense' }).ok)
})

t.test('$gt requires a strictly greater number', async (t) => {
  t.ok(match(5, { $gt: 4 }).ok)
  t.notOk(match(4, { $gt: 4 }).ok)
  t.notOk(match('5', { $gt: 4 }).ok)
})

t.test('$equals demands exact equality, unlike plain object matching', async (t) => {
  t.ok(match({ a: 1, b: [1] }, { $equals: { b: [1], a: 1 } }).ok)
  t.notOk(match({ a: 1, b: 2 }, { $equals: { a: 1 } }).ok)
})

t.test('$excludes refuses an array with an item that matches any listed matcher', async (t) => {
  t.ok(match([{ id: 1 }, { id: 2 }], { $excludes: [{ id: 3 }] }).ok)
  t.ok(match([], { $excludes: [{ id: 3 }] }).ok)
  t.match(match([{ id: 1 }, { id: 3, x: 0 }], { $excludes: [{ id: 2 }, { id: 3 }] }), { ok: false, reason: /\$\[1\]: matches \$excludes\[1\]/ })
  t.notOk(match({ id: 3 }, { $excludes: [{ id: 3 }] }).ok, 'only arrays')
})

t.test('$contains finds every listed item in any order', async (t) => {
  t.ok(match([{ id: 1 }, { id: 2 }, { id: 3 }], { $contains: [{ id: 3 }, { id: 1 }] }).ok)
  t.notOk(match([{ id: 1 }], { $contains: [{ id: 2 }] }).ok)
})

t.test('$capture returns the value and combines with other operators', async (t) => {
  t.same(match({ sequence: 7 }, { sequence: { $capture: 'seq', $match: 'sequence' } }), { ok: true, captures: { seq: 7 } })
  t.notOk(match({ sequence: 'x' }, { sequence: { $capture: 'seq', $match: 'sequence' } }).ok)
})

t.test('rejects an unknown operator instead of ignoring it', async (t) => {
  t.match(match(1, { $regex: '1' }), { ok: false, reason: /unknown matcher operator \$regex/ })
})

t.test('$not matches any present value its matcher refuses', async (t) => {
  t.ok(match({ sequence: 7 }, { sequence: { $not: 6 } }).ok)
  t.match(match({ sequence: 7 }, { sequence: { $not: 7 } }), { ok: false, reason: /expected anything but 7, got 7/ })
  t.notOk(match({}, { sequence: { $not: 7 } }).ok, 'the key must be there')
  t.notOk(match({ a: { b: 1, c: 2 } }, { a: { $not: { b: 1 } } }).ok, 'the inner matcher ignores unlisted keys')
})

t.test('$gte matches a number at least the given one', async (t) => {
  t.ok(match(7, { $gte: 7 }).ok)
  t.ok(match(8, { $gte: 7 }).ok)
  t.match(match(6, { $gte: 7 }), { ok: false, reason: /expected a number at least 7, got 6/ })
  t.notOk(match('7', { $gte: 7 }).ok)
})
