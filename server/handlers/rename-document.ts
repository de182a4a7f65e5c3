import type { RenameDocumentMessage } from '../../generated/types.js'
import { eventMessage } from '../../core/index.js'
import type { MutationHandler } from './context.js'

/** §2.5: titles change only here, recorded as a `rename` event. */
export const renameDocument: MutationHandler<RenameDocumentMessage> = {
  mutation: (message) => ({ kind: 'rename', documentId: message.document_id, title: message.title }),
  reply: (result) => eventMessage(result.events[0]!, result.documents[0]!),
}
