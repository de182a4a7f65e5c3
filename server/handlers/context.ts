import type { ClientMessage, ServerMessage } from '../../generated/types.js'
import type { Store } from '../storage/store.js'
import type { DocumentService, MutationResult } from '../documents.js'
import type { Session } from '../session.js'
import type { HashOptions } from '../auth.js'

/** What every handler can reach. */
export interface HandlerContext {
  session: Session
  store: Store
  documents: DocumentService
  autoRegister: boolean
  hashOptions: HashOptions
  /** Sends committed events to every other connection allowed to read them (§9.3). */
  broadcast(result: MutationResult, except: Session): Promise<void>
  /** Sends a message to every connection of a user (a share tells the grantee, §9.4). */
  notify(userId: string, message: ServerMessage): void
  /** Called once a connection has authenticated. */
  authenticated(session: Session): void
}

/** A handler answers one message type; what it returns is the reply (request_id is added for it). */
export type Handler<T extends ClientMessage = ClientMessage> = (ctx: HandlerContext, message: T) => Promise<ServerMessage>
