import { eventMessage, sharedMessage, type Role, type ServerMessage } from '../core/index.js'
import type { ActivityLog } from './activity-log.js'
import type { Connection } from './connection.js'
import type { ChangeEventRow, DocumentHead, Grant } from './storage/store.js'
import type { Audience } from './write-path/publish.js'

/**
 * Where messages for users go on this instance: the connections of each authenticated user, and
 * for a change, the connections of everyone who may read its document (§9.3).
 */
export class FanOut implements Audience {
  private readonly byUser = new Map<string, Set<Connection>>()

  constructor(private readonly log: ActivityLog) {}

  /** From now on the connection's user's messages reach it. */
  join(connection: Connection): void {
    const userId = connection.userId!
    const mine = this.byUser.get(userId) ?? new Set()
    mine.add(connection)
    this.byUser.set(userId, mine)
  }

  leave(connection: Connection): void {
    if (connection.userId === undefined) return
    const mine = this.byUser.get(connection.userId)
    if (mine?.delete(connection) && mine.size === 0) this.byUser.delete(connection.userId)
  }

  /** Every connection of a user. */
  toUser(userId: string, message: ServerMessage): void {
    for (const connection of this.byUser.get(userId) ?? []) connection.send(message)
  }

  /**
   * Each event to every connection, except `origin`, whose user may read its document: its owner
   * and its grantees. The message is serialized once for all of them.
   */
  changes(events: ChangeEventRow[], documents: readonly DocumentHead[], grants: ReadonlyArray<ReadonlyMap<string, Grant>>, origin?: object): void {
    for (const [i, e] of events.entries()) {
      const document = documents[i]!
      // Built when someone is to hear it: often only the sender may read the document, and it gets the reply.
      let message: ServerMessage | undefined
      let text: string | undefined
      for (const userId of readers(document, grants[i]!)) {
        for (const connection of this.byUser.get(userId) ?? []) {
          if (connection === origin) continue
          message ??= eventMessage(e, document)
          this.log.sent(connection, message.type)
          connection.sendText((text ??= JSON.stringify(message)))
        }
      }
    }
  }

  /** A grant set or revoked reaches the grantee's connections (§9.4). */
  shared(documentId: string, userId: string, role: Role): void {
    this.toUser(userId, sharedMessage(documentId, userId, role))
  }
}

/** Who may read a document: its owner and everyone holding a grant (most documents have none). */
function readers(document: DocumentHead, grants: ReadonlyMap<string, Grant>): Iterable<string> {
  return grants.size === 0 ? [document.ownerId] : new Set([document.ownerId, ...grants.keys()])
}
