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

/**
 * A reply its handler wrote as JSON text (a page of the change log, whose stored JSON is spliced in
 * unparsed): a connection sends the text as it is, an in-process session reads it as a message.
 */
export class EncodedReply<T extends ServerMessage = ServerMessage> {
  /** `members`: the JSON text of the members after `type` (and `request_id`), each after a comma. */
  constructor(
    readonly type: T['type'],
    private readonly members: string,
    private readonly requestId?: string,
  ) {}

  /** The same reply with `request_id` (the dispatcher adds it, as to a message). */
  answering(requestId: string): EncodedReply<T> {
    return new EncodedReply(this.type, this.members, requestId)
  }

  /** The frame. */
  text(): string {
    const id = this.requestId === undefined ? '' : `,"request_id":${JSON.stringify(this.requestId)}`
    return `{"type":${JSON.stringify(this.type)}${id}${this.members}}`
  }

  /** The reply as a message (parsed from its text, so it shares nothing). */
  message(): T {
    return JSON.parse(this.text()) as T
  }
}

/** What a request is answered with: a message, or one already written as JSON text. */
export type Reply = ServerMessage | EncodedReply

/** Answers one message type; what it returns is the reply (request_id is added for it). */
export interface RequestHandler<T extends ClientMessage> {
  run(ctx: HandlerContext, message: T): Promise<Reply>
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
