import t from 'tap'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { portableSha256Hex, sha256Hex } from './sha256.js'
import { propertyOptions } from './test-support/arbitraries.js'

t.test('the portable hash (the one browsers run) agrees with node:crypto on any text', async () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const expected = createHash('sha256').update(text).digest('hex')
      return portableSha256Hex(text) === expected && sha256Hex(text) === expected
    }),
    propertyOptions(),
  )
})

t.test('the portable hash matches the FIPS 180-2 test vector', async (t) => {
  t.equal(portableSha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})
