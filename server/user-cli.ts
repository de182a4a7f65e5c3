import { randomBytes } from 'node:crypto'
import { text } from 'node:stream/consumers'
import { parseArgs } from 'node:util'
import { hashToken } from './auth.js'
import { isUuid } from '../core/index.js'
import { invalidDatabaseUrl } from './config.js'
import { acceptsDatabaseUrl } from './storage/dialects.js'
import { Store } from './storage/store.js'

const USAGE = `Usage: patchsync user <add|list|remove|rotate-token> [options]

  add --user <uuid>            add a user (for servers run with --no-auto-register)
  list                         every user, when it was added and how many documents it owns
  remove --user <uuid>         remove a user: its token stops working, the grants it holds are
                               revoked, the documents it owns are kept
  rotate-token --user <uuid>   give a user a new token; the old one stops working

The server's open connections of such a user are cut off when it next checks credentials (every
REAUTHENTICATE_MS, 60 s by default), or at once when it gets SIGHUP.

The token of add and rotate-token (a flag wins over the variable):
  --token-stdin                read it from standard input (one line; it lands in no shell history or ps)
  --token <token>              on the command line (shell history and ps show it to others)
  PATCHSYNC_TOKEN=<token>      the environment variable
  none of these                a random token is made and printed once

  --database-url <url>         the server's database (default: $DATABASE_URL, then sqlite:./data/patchsync.db)
  -h, --help                   show this text`

/** A usage mistake: reported with exit status 2, before the database is opened. */
class UsageError extends Error {}

export interface UserCliIo {
  stdin: NodeJS.ReadableStream
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
}

const PROCESS_IO: UserCliIo = {
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}

/** `patchsync user …`: resolves to the exit status (0 done, 1 refused or failed, 2 bad arguments). */
export async function userCommand(argv: readonly string[], io: UserCliIo = PROCESS_IO): Promise<number> {
  let parsed
  try {
    parsed = parse(argv, io.env)
  } catch (error) {
    if (!(error instanceof UsageError) && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS') !== true) throw error
    io.stderr(`patchsync user: ${(error as Error).message}\n(see patchsync user --help)\n`)
    return 2
  }
  if (parsed === 'help') {
    io.stdout(`${USAGE}\n`)
    return 0
  }
  const { action, user, databaseUrl, values } = parsed
  let token: { value: string; generated: boolean } | undefined
  if (action === 'add' || action === 'rotate-token') {
    try {
      token = await readToken(values, io)
    } catch (error) {
      io.stderr(`patchsync user: ${(error as Error).message}\n`)
      return 2
    }
  }
  let store: Store
  try {
    store = Store.open(databaseUrl)
    await store.migrate()
  } catch (error) {
    io.stderr(`patchsync user: could not open the database: ${(error as Error).message}\n`)
    return 1
  }
  try {
    switch (action) {
      case 'add':
        if (!(await store.createUser(user!, await hashToken(token!.value)))) {
          io.stderr(`patchsync user: user_exists: user ${user} already exists\n`)
          return 1
        }
        io.stdout(`added user ${user}\n`)
        break
      case 'rotate-token':
        if (!(await store.setTokenHash(user!, await hashToken(token!.value)))) {
          io.stderr(`patchsync user: no user ${user}\n`)
          return 1
        }
        io.stdout(`new token for user ${user}; the old one no longer authenticates\n`)
        break
      case 'remove': {
        const removed = await store.removeUser(user!)
        if (!removed) {
          io.stderr(`patchsync user: no user ${user}\n`)
          return 1
        }
        io.stdout(
          `removed user ${user}: its token no longer authenticates; ${removed.grantsRevoked} grant(s) it held revoked; ` +
            `${removed.documentsOwned} document(s) it owns kept, with their grantees\n`,
        )
        break
      }
      case 'list':
        for (const u of await store.listUsers()) io.stdout(`${u.id}  added ${u.createdAt}  owns ${u.documentsOwned} document(s)\n`)
        break
    }
    if (token?.generated) io.stdout(`token: ${token.value}\n`)
    return 0
  } catch (error) {
    io.stderr(`patchsync user: ${action} failed: ${(error as Error).message}\n`)
    return 1
  } finally {
    await store.close().catch(() => {})
  }
}

type Action = 'add' | 'list' | 'remove' | 'rotate-token'
type Values = { token?: string; 'token-stdin'?: boolean }

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): 'help' | { action: Action; user?: string; databaseUrl: string; values: Values } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      token: { type: 'string' },
      'token-stdin': { type: 'boolean' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const [action, ...extra] = positionals
  if (action === undefined) throw new UsageError('which action? add, list, remove or rotate-token')
  if (!['add', 'list', 'remove', 'rotate-token'].includes(action)) throw new UsageError(`unknown action "${action}" (add, list, remove or rotate-token)`)
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`)
  const user = values.user?.toLowerCase()
  if (action === 'list') {
    if (user !== undefined || values.token !== undefined || values['token-stdin']) throw new UsageError('list takes no --user or token')
  } else {
    if (user === undefined) throw new UsageError(`${action} needs --user <uuid>`)
    if (!isUuid(user)) throw new UsageError(`--user must be a UUID, got ${JSON.stringify(values.user)}`)
    if (action === 'remove' && (values.token !== undefined || values['token-stdin'])) throw new UsageError('remove takes no token')
  }
  if (values.token !== undefined && values['token-stdin']) throw new UsageError('give the token one way: --token-stdin or --token')
  const databaseUrl = values['database-url'] || env.DATABASE_URL || 'sqlite:./data/patchsync.db'
  if (!acceptsDatabaseUrl(databaseUrl)) throw new UsageError(invalidDatabaseUrl(databaseUrl))
  return { action: action as Action, user, databaseUrl, values }
}

/** The token from standard input, --token or PATCHSYNC_TOKEN; a fresh random one when none is given. */
async function readToken(values: Values, io: UserCliIo): Promise<{ value: string; generated: boolean }> {
  let value: string | undefined
  if (values['token-stdin']) value = (await text(io.stdin)).replace(/\r?\n$/, '')
  else if (values.token !== undefined) value = values.token
  else if (io.env.PATCHSYNC_TOKEN) value = io.env.PATCHSYNC_TOKEN
  else return { value: randomBytes(24).toString('base64url'), generated: true }
  if (value === '' || /[\r\n]/.test(value)) throw new Error('the token must be one non-empty line')
  return { value, generated: false }
}
