import t from 'tap'
import { checkCreate, checkRead, checkRedo, checkShare, checkUndo, checkUndoExistence, checkWrite, roleOf, type Guarded } from './access.js'
import type { Grant } from './storage/store.js'

const OWNER = 'owner'
const WRITER = 'writer'
const READER = 'reader'
const STRANGER = 'stranger'
const grants = new Map<string, Grant>([
  [WRITER, 'write'],
  [READER, 'read'],
])
const live: Guarded = { row: { ownerId: OWNER, deleted: false }, grants }
const deleted: Guarded = { row: { ownerId: OWNER, deleted: true }, grants }

/** The code a check throws, or 'allowed'. */
function answer(check: () => unknown): string {
  try {
    const result = check()
    return result === false ? 'skipped' : 'allowed'
  } catch (error) {
    return (error as { code: string }).code
  }
}

/** share_document: the sharer must be able to read the document first. */
function share(user: string, grantee: string): void {
  checkRead(live, user, 'd')
  checkShare(live.row, user, grantee)
}

t.test('roles: the owner from the row, everyone else from the grants', async (t) => {
  t.same(
    [OWNER, WRITER, READER, STRANGER].map((u) => roleOf(live, u)),
    ['owner', 'write', 'read', undefined],
  )
})

t.test("every request gets today's answer for every user (§9.2); a change of policy is a change of this table", async (t) => {
  const users = [OWNER, WRITER, READER, STRANGER]
  const table: Array<[string, (user: string) => unknown, string[]]> = [
    ['read a live document', (u) => checkRead(live, u, 'd'), ['allowed', 'allowed', 'allowed', 'document_not_found']],
    ['read a deleted document', (u) => checkRead(deleted, u, 'd'), ['document_not_found', 'document_not_found', 'document_not_found', 'document_not_found']],
    ["read a deleted document's history", (u) => checkRead(deleted, u, 'd', { history: true }), ['allowed', 'allowed', 'allowed', 'document_not_found']],
    ['read a missing document', (u) => checkRead(undefined, u, 'd'), ['document_not_found', 'document_not_found', 'document_not_found', 'document_not_found']],
    ['update or rename', (u) => checkWrite(live, u, 'd', 'write'), ['allowed', 'allowed', 'forbidden', 'document_not_found']],
    ['delete', (u) => checkWrite(live, u, 'd', 'owner'), ['allowed', 'forbidden', 'forbidden', 'document_not_found']],
    [
      'change a deleted document',
      (u) => checkWrite(deleted, u, 'd', 'write'),
      ['document_not_found', 'document_not_found', 'document_not_found', 'document_not_found'],
    ],
    ['create over an existing id', () => checkCreate(live, 'd'), ['document_exists', 'document_exists', 'document_exists', 'document_exists']],
    ['create over a deleted id', () => checkCreate(deleted, 'd'), ['document_exists', 'document_exists', 'document_exists', 'document_exists']],
    ['undo naming the document', (u) => checkUndo(live, u, 'd', true), ['allowed', 'allowed', 'forbidden', 'document_not_found']],
    ['undo of everything the user changed', (u) => checkUndo(live, u, 'd', false), ['allowed', 'allowed', 'skipped', 'skipped']],
    [
      'undo naming a deleted document (only its owner re-creates it)',
      (u) => checkUndo(deleted, u, 'd', true),
      ['allowed', 'document_not_found', 'document_not_found', 'document_not_found'],
    ],
    ['undo of everything, over a deleted document', (u) => checkUndo(deleted, u, 'd', false), ['allowed', 'skipped', 'skipped', 'skipped']],
    [
      'undo naming a missing document',
      (u) => checkUndo(undefined, u, 'd', true),
      ['document_not_found', 'document_not_found', 'document_not_found', 'document_not_found'],
    ],
    [
      'undo naming the document, deleting or re-creating it',
      (u) => checkUndoExistence(live, u, true, true),
      ['allowed', 'forbidden', 'forbidden', 'forbidden'],
    ],
    ['undo of everything, deleting or re-creating a document', (u) => checkUndoExistence(live, u, false, true), ['allowed', 'skipped', 'skipped', 'skipped']],
    ['undo that keeps the document in existence', (u) => checkUndoExistence(live, u, true, false), ['allowed', 'allowed', 'allowed', 'allowed']],
    ['redo', (u) => checkRedo(live, u, 'd'), ['allowed', 'allowed', 'forbidden', 'document_not_found']],
    [
      'redo of a missing document',
      (u) => checkRedo(undefined, u, 'd'),
      ['document_not_found', 'document_not_found', 'document_not_found', 'document_not_found'],
    ],
    ['share with another user', (u) => share(u, STRANGER), ['allowed', 'forbidden', 'forbidden', 'document_not_found']],
    ['share with the owner', (u) => share(u, OWNER), ['forbidden', 'forbidden', 'forbidden', 'document_not_found']],
  ]
  for (const [request, check, expected] of table)
    t.same(
      users.map((u) => answer(() => check(u))),
      expected,
      request,
    )
})
