import type { AuthenticateMessage } from '../../generated/types.js'
import { PatchsyncError } from '../../core/index.js'
import { hashToken, verifyToken } from '../auth.js'
import type { RequestHandler } from './context.js'

/** §1.2–1.4: verify the token once; register unknown users when auto-registration is on. */
export const authenticate: RequestHandler<AuthenticateMessage> = {
  run: async (ctx, message) => {
    if (ctx.connection.userId !== undefined) throw new PatchsyncError('already_authenticated', 'this connection is already authenticated')
    const userId = message.user_id
    let user = await ctx.store.getUser(userId)
    if (!user && ctx.autoRegister) {
      const hash = await hashToken(message.auth_token, ctx.hashOptions)
      if (await ctx.store.createUser(userId, hash)) user = { id: userId, tokenHash: hash }
      else user = await ctx.store.getUser(userId) // registered concurrently by another connection
    }
    if (!user || !(await verifyToken(user.tokenHash, message.auth_token))) {
      throw new PatchsyncError('auth_failed', 'authentication failed')
    }
    ctx.connection.authenticate(userId)
    return { type: 'auth_success', user_id: userId, latest_sequence: await ctx.store.latestSequence() }
  },
}
