import t from 'tap'
import { isUuid, SUBJECT_NAMESPACE, userIdFromSubject } from './user-id.js'

t.test('userIdFromSubject is RFC 9562 UUIDv5: the RFC test vector', async (t) => {
  // RFC 9562 Appendix A.4: "www.example.com" in the DNS namespace.
  t.equal(userIdFromSubject('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2')
  t.equal(
    userIdFromSubject('www.example.com', '6BA7B810-9DAD-11D1-80B4-00C04FD430C8'),
    '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    'a namespace in upper case is the same namespace',
  )
})

t.test('userIdFromSubject: one subject, one lowercase UUID; other subjects and namespaces, others', async (t) => {
  const id = userIdFromSubject('auth0|6512f0c3a1')
  t.ok(isUuid(id) && id === id.toLowerCase(), 'a lowercase UUID')
  t.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'version 5, RFC variant')
  t.equal(userIdFromSubject('auth0|6512f0c3a1'), id, 'the same every time')
  t.equal(userIdFromSubject('auth0|6512f0c3a1', SUBJECT_NAMESPACE), id, 'the default namespace')
  t.not(userIdFromSubject('auth0|6512f0c3a2'), id, 'another subject')
  t.not(userIdFromSubject('auth0|6512f0c3a1', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), id, 'another namespace')
  t.not(userIdFromSubject('Zoë'), userIdFromSubject('Zoe'), 'subjects are hashed as UTF-8')
  t.throws(() => userIdFromSubject(''), /empty/)
  t.throws(() => userIdFromSubject('x', 'not-a-uuid'), /namespace must be a UUID/)
})

t.test('isUuid takes 8-4-4-4-12 hex in either case and nothing else', async (t) => {
  t.ok(isUuid('550E8400-e29b-41d4-a716-446655440000'))
  for (const bad of ['', '550e8400e29b41d4a716446655440000', '550e8400-e29b-41d4-a716-44665544000g', '550e8400-e29b-41d4-a716-446655440000\n'])
    t.notOk(isUuid(bad), JSON.stringify(bad))
})
