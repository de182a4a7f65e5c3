import t from 'tap'
import { Bindings, placeholderNames, substitute } from './placeholders.js'
import { renderFrame } from './send-template.js'

t.test('a whole-string placeholder becomes the bound value itself', async (t) => {
  const bindings = new Bindings({ seq: 42, doc: 'abc' })
  t.same(substitute({ sequence: '${seq}', id: '${doc}' }, bindings), { sequence: 42, id: 'abc' })
})

t.test('a placeholder inside longer text is interpolated', async (t) => {
  t.equal(substitute('doc-${n}-x', new Bindings({ n: 3 })), 'doc-3-x')
})

t.test('fresh substitution gives each new name its own UUID and reuses it', async (t) => {
  const bindings = new Bindings()
  const frame = substitute({ a: '${doc1}', b: ['${doc1}', '${doc2}'] }, bindings, true) as { a: string; b: string[] }
  t.match(frame.a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  t.equal(frame.b[0], frame.a)
  t.not(frame.b[1], frame.a)
})

t.test('an unbound placeholder in an expectation is an error', async (t) => {
  t.throws(() => substitute({ id: '${nobody}' }, new Bindings()), /not bound/)
})

t.test('fixed bindings win over fresh values', async (t) => {
  t.same(substitute('${user_a}', new Bindings({ user_a: 'alice' }), true), 'alice')
})

t.test('lists the placeholder names inside a value', async (t) => {
  t.same(placeholderNames({ a: '${x}', b: ['${y} and ${x}'], $c: 1 }).sort(), ['x', 'y'])
})

t.test('$repeat expands to a repeated string or an array of copies', async (t) => {
  const frame = renderFrame(
    { text: { $repeat: { value: 'ab', times: 3 } }, ops: { $repeat: { value: { op: 'remove', path: '/${k}' }, times: 2 } } },
    new Bindings({ k: 'n' }),
  )
  t.same(frame, {
    text: 'ababab',
    ops: [
      { op: 'remove', path: '/n' },
      { op: 'remove', path: '/n' },
    ],
  })
})

t.test('a malformed $repeat is refused', async (t) => {
  t.throws(() => renderFrame({ v: { $repeat: { value: 'x' } } }, new Bindings()), /\$repeat needs/)
})

t.test('${name|upper} is the bound text in upper case, whole or interpolated', async (t) => {
  const bindings = new Bindings({ doc: 'ab-cd', n: 3 })
  t.same(substitute({ id: '${doc|upper}', text: 'id ${doc|upper}', n: '${n|upper}' }, bindings), { id: 'AB-CD', text: 'id AB-CD', n: 3 })
  t.same(placeholderNames('${doc|upper} ${other}'), ['doc', 'other'])
})

t.test('$nest wraps a value in objects, as deep as asked', async (t) => {
  t.same(renderFrame({ content: { $nest: { key: 'a', times: 3, value: {} } } }, new Bindings()), { content: { a: { a: { a: {} } } } })
  t.same(renderFrame({ $nest: { key: 'k', times: 0, value: 1 } }, new Bindings()), 1)
  t.throws(() => renderFrame({ $nest: { times: 2, value: 1 } }, new Bindings()), /\$nest needs a member name/)
})

t.test('a member named __proto__ in a frame to send stays a member', async (t) => {
  const frame = renderFrame(JSON.parse('{"content":{"__proto__":{"x":"${v}"}}}'), new Bindings({ v: 1 }))
  t.equal(JSON.stringify(frame), '{"content":{"__proto__":{"x":1}}}')
})
