import type { UpdateDocumentMessage } from '../../generated/types.js'
import { eventMessage, type Operation } from '../../core/index.js'
import type { MutationHandler } from './context.js'

/** §5: the patch applies to the current server state under the conflict strategy. */
export const updateDocument: MutationHandler<UpdateDocumentMessage> = {
  mutation: ({ patch: { document_id, patch, base_revision, vector_clock } }) => ({
    kind: 'update',
    documentId: document_id,
    patch: patch as Operation[],
    baseRevision: base_revision,
    vectorClock: vector_clock,
  }),
  reply: (result) => eventMessage(result.events[0]!, result.documents[0]!),
}
