import type { ClientMessage, ClientMessageType } from '../../generated/types.js'
import { authenticate } from './authenticate.js'
import { clientOpIdOf, isMutation, type Handler, type HandlerContext, type Reply } from './context.js'
import { createDocument } from './create-document.js'
import { deleteDocument } from './delete-document.js'
import { getChanges } from './get-changes.js'
import { getDocumentAt } from './get-document-at.js'
import { getDocument } from './get-document.js'
import { listAccess } from './list-access.js'
import { listDocuments } from './list-documents.js'
import { redo } from './redo.js'
import { renameDocument } from './rename-document.js'
import { shareDocument } from './share-document.js'
import { undoToSequence } from './undo-to-sequence.js'
import { updateDocument } from './update-document.js'

export { clientOpIdOf, EncodedReply, isMutation, type Handler, type HandlerContext, type MutationHandler, type Reply, type RequestHandler } from './context.js'

/**
 * One handler per request type (§2.1); the dispatcher looks the type up here. A mutation's handler
 * is a `MutationHandler` (submitted to the write path as its frame arrives), anything else a
 * `RequestHandler` (run in frame order).
 */
export const HANDLERS: { [T in ClientMessageType]: Handler<Extract<ClientMessage, { type: T }>> } = {
  authenticate,
  create_document: createDocument,
  update_document: updateDocument,
  rename_document: renameDocument,
  delete_document: deleteDocument,
  get_document: getDocument,
  list_documents: listDocuments,
  get_changes: getChanges,
  get_document_at: getDocumentAt,
  undo_to_sequence: undoToSequence,
  redo,
  share_document: shareDocument,
  list_access: listAccess,
}

/** The handler of a request's type. */
export function handlerOf(message: ClientMessage): Handler<ClientMessage> {
  return HANDLERS[message.type] as Handler<ClientMessage>
}

/**
 * Runs one request as the context's user and resolves with its reply (without `request_id`): a
 * mutation through the write path (`origin`, its sender, is left out of the broadcast), anything
 * else in its handler. Connections and the server's in-process sessions run every request here.
 */
export async function handle(ctx: HandlerContext, message: ClientMessage, origin?: object): Promise<Reply> {
  const handler = handlerOf(message)
  return isMutation(handler)
    ? handler.reply(await ctx.writes.submit(ctx.userId, clientOpIdOf(message), handler.mutation(message), origin), message)
    : handler.run(ctx, message)
}
