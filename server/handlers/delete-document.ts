import type { DeleteDocumentMessage } from '../../generated/types.js'
import { eventMessage } from '../../core/index.js'
import type { MutationHandler } from './context.js'

export const deleteDocument: MutationHandler<DeleteDocumentMessage> = {
  mutation: (message) => ({ kind: 'delete', documentId: message.document_id }),
  reply: (result) => eventMessage(result.events[0]!, result.documents[0]!),
}
