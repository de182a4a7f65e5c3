import type { AuthenticateMessage } from '../../generated/types.js'
import { PatchsyncError } from '../../core/index.js'
import type { RequestHandler } from './context.js'

/** §1.2–1.4: the connection becomes the user its credentials prove (checked by `authentication.ts`). */
export const authenticate: RequestHandler<AuthenticateMessage> = {
  run: async (ctx, message) => {
    if (ctx.connection.userId !== undefined) throw new PatchsyncError('already_authenticated', 'this connection is already authenticated')
    await ctx.connection.authenticate(message.user_id, message.auth_token)
    return { type: 'auth_success', user_id: message.user_id, latest_sequence: await ctx.store.latestSequence() }
  },
}
