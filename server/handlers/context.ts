import type { ClientMessage, ServerMessage } from '../../generated/types.js'
import type { Store } from '../storage/store.js'
import type { Mutation, MutationResult } from '../write-path/submit-request.js'
import type { WritePath } from '../write-path/write-path.js'

/** What a request handler can reach. */
export interface HandlerContext {
  /**
   * The connection the request came on: who it is, and (authenticate) who it becomes, once
   * `authentication.ts` has checked the credentials against how the connection was admitted.
   */
  readonly connection: { readonly userId: string | undefined; authenticate(userId: string, token: string): Promise<void> }
  /** The connection's user; only `authenticate` runs before there is one. */
  readonly userId: string
  /** Committed state, for reads; access to a document is checked through `access.ts` first. */
  readonly store: Store
  readonly writes: WritePath
}

/** Answers one message type; what it returns is the reply (request_id is added for it). */
export interface RequestHandler<T extends ClientMessage> {
  run(ctx: HandlerContext, message: T): Promise<ServerMessage>
}

/**
 * A mutation only says what it asks of the write path and how its result is answered. The
 * dispatcher submits it to the write path as soon as its frame arrives, so a client may pipeline
 * mutations (§3.4), and the write path broadcasts what it committed.
 */
export interface MutationHandler<T extends ClientMessage> {
  mutation(message: T): Mutation
  reply(result: MutationResult, message: T): ServerMessage
}

export type Handler<T extends ClientMessage> = RequestHandler<T> | MutationHandler<T>

export function isMutation<T extends ClientMessage>(handler: Handler<T>): handler is MutationHandler<T> {
  return 'mutation' in handler
}

/** A mutation's idempotency key (§4.1), if it has one. */
export function clientOpIdOf(message: ClientMessage): string | null {
  return 'client_op_id' in message ? (message.client_op_id ?? null) : null
}
