import type { CreateDocumentMessage } from '../../generated/types.js'
import { eventMessage, type JsonObject } from '../../core/index.js'
import type { MutationHandler } from './context.js'

export const createDocument: MutationHandler<CreateDocumentMessage> = {
  mutation: ({ document: { id, title, content } }) => ({ kind: 'create', id, title, content: content as JsonObject }),
  reply: (result) => eventMessage(result.events[0]!, result.documents[0]!),
}
