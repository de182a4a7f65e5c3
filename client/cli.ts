import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { parseArgs, styleText } from 'node:util'
import { PatchsyncError, type Operation, type Role } from '../core/index.js'
import { SyncClient } from './node.js'
import type { LocalDocument } from './sync-client.js'

const USAGE = `usage: patchsync client --server <ws://host:port/ws> --db <path> --user <uuid> [--token <token>]

An interactive client: documents live in the local database and sync with the server when online.
The token may come from PATCHSYNC_TOKEN instead of --token (which shell history and ps show).
Type "help" at the prompt for the commands. Lines can also be piped in on stdin.`

const HELP = `commands (<doc> is an id, a unique id prefix, or . for the current document):
  list                          documents, with pending op counts
  show <doc>                    a document's title, revision and content
  create <title> [json]         a new document ("quoted title" for spaces; content defaults to {})
  set <doc> <path> <json>       add or replace the value at a JSON Pointer path
  remove <doc> <path>           remove the value at a path
  patch <doc> <json-patch>      apply a raw RFC 6902 patch, e.g. [{"op":"add","path":"/a","value":1}]
  rename <doc> <title>          change the title
  delete <doc>                  delete the document
  history <doc>                 the document's change events (online)
  at <doc> <sequence>           the document as it was at a sequence (online)
  undo <sequence> [doc]         restore to a sequence (one document, or all you changed)
  redo [doc]                    redo the last undo
  share <doc> <user> <role>     give read/write access, or none to revoke
  offline | online              stop or resume syncing
  outbox                        operations waiting for the server
  status                        connection, pending ops, feed position
  sync                          wait until everything is pushed and pulled
  help | quit`

export interface CliIo {
  input: Readable
  output: Writable
  /** Where usage mistakes go (default: standard error). */
  errors?: Writable
  env?: NodeJS.ProcessEnv
  /** Colour the output (default: when the output is a terminal and NO_COLOR is unset). */
  color?: boolean
}

type Style = Parameters<typeof styleText>[0]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** How long piped input waits for the first sync before it runs offline. */
const FIRST_SYNC_MS = 10_000

/** `patchsync client …`: resolves to the exit status (2 for a usage mistake, before anything is opened). */
export async function runClientCli(argv: readonly string[], io: CliIo = { input: process.stdin, output: process.stdout }): Promise<number> {
  const env = io.env ?? process.env
  const usageError = (message: string) => {
    ;(io.errors ?? process.stderr).write(`patchsync client: ${message}\n${USAGE}\n`)
    return 2
  }
  let values: { server?: string; db?: string; user?: string; token?: string; help?: boolean }
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        server: { type: 'string' },
        db: { type: 'string' },
        user: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    return usageError((error as Error).message)
  }
  if (values.help) {
    io.output.write(`${USAGE}\n`)
    return 0
  }
  const token = values.token ?? (env.PATCHSYNC_TOKEN || undefined)
  const missing = (['server', 'db', 'user'] as const).filter((name) => !values[name]).map((name) => `--${name}`)
  if (token === undefined) missing.push('--token (or PATCHSYNC_TOKEN)')
  if (missing.length > 0) return usageError(`missing ${missing.join(', ')}`)
  if (!UUID.test(values.user!)) return usageError(`--user must be a user id (a UUID), got ${JSON.stringify(values.user)}`)
  const color = io.color ?? (Boolean((io.output as { isTTY?: boolean }).isTTY) && !env.NO_COLOR)
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text)
  const interactive = Boolean((io.input as { isTTY?: boolean }).isTTY)
  // Made once the first sync is done: lines read before a `for await` starts would be lost.
  let lines: Interface | undefined
  let prompting = false
  const print = (text: string) => io.output.write(`${text}\n`)
  /** A line about something that happened in the background: above the prompt, which is then drawn again. */
  const notify = (text: string) => {
    if (!prompting) return print(text)
    cursorTo(io.output, 0)
    clearLine(io.output, 0)
    print(text)
    lines?.prompt(true)
  }

  const client = new SyncClient({ serverUrl: values.server!, databasePath: values.db!, userId: values.user!, authToken: token! })
  try {
    await client.open()
  } catch (error) {
    print(paint('red', `cannot open ${values.db}: ${(error as Error).message}`))
    return 1
  }
  const repl = new Repl(client, print, paint)
  repl.watch(notify)
  // Piped lines may name documents the server has and this database does not yet: they wait for
  // the first sync, unless the server cannot be reached (then they run offline).
  const synced = interactive ? undefined : firstSync(client, FIRST_SYNC_MS)
  client.connect()
  print(paint('bold', `patchsync client — user ${values.user}, database ${values.db}`) + paint('gray', '  (type help)'))
  await synced

  lines = createInterface({ input: io.input, output: interactive ? io.output : undefined, terminal: interactive })
  const prompt = () => {
    lines!.setPrompt(paint('cyan', 'patchsync> '))
    if (!interactive) return
    prompting = true
    lines!.prompt()
  }
  prompt()
  for await (const line of lines) {
    prompting = false
    if (!(await repl.run(line.trim()))) break
    prompt()
  }
  prompting = false
  lines.close()
  // Input ended (quit, or the end of piped input): give queued ops time to reach the server. What
  // does not make it stays in the outbox for the next run.
  if (client.status().pending > 0) {
    await client.whenSynced(10_000).catch(() => print(paint('yellow', `${client.status().pending} ops stay queued in ${values.db} for the next run`)))
  }
  await client.close()
  return 0
}

/** Resolves at the end of the first sync, when the first connection fails, or after `ms`. */
function firstSync(client: SyncClient, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const events = ['sync_completed', 'connection_lost', 'error'] as const
    const done = () => {
      clearTimeout(timer)
      for (const event of events) client.off(event, done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    for (const event of events) client.on(event, done)
  })
}

/** The command interpreter, apart from the terminal plumbing so it reads as a table of commands. */
class Repl {
  /** The document `.` stands for: the last one created or named. */
  current: string | undefined

  constructor(
    readonly client: SyncClient,
    readonly print: (text: string) => void,
    readonly paint: (style: Style, text: string) => string,
  ) {}

  /** Live lines for what happens in the background, printed with `notify`. */
  watch(print: (text: string) => void): void {
    const { client, paint } = this
    client.on('connection_established', () => print(paint('green', '● online')))
    client.on('connection_lost', ({ reason }) => print(paint('yellow', `○ offline (${reason})`)))
    client.on('sync_progress', ({ pulled, lastSequence, latestSequence }) => {
      if (pulled >= 1000) print(paint('gray', `  pulling… ${pulled} changes (sequence ${lastSequence} of ${latestSequence})`))
    })
    client.on('sync_completed', ({ pulled, pushed }) => {
      if (pulled + pushed > 0) print(paint('gray', `  synced: pulled ${pulled}, pushed ${pushed}`))
    })
    client.on(
      'document_created',
      ({ document, origin }) => origin === 'remote' && print(paint('magenta', `← created ${short(document.id)} "${document.title}"`)),
    )
    client.on(
      'document_updated',
      ({ document, origin }) => origin === 'remote' && print(paint('magenta', `← updated ${short(document.id)} ${JSON.stringify(document.content)}`)),
    )
    client.on('document_deleted', ({ document_id, origin }) => origin === 'remote' && print(paint('magenta', `← deleted ${short(document_id)}`)))
    // This client's own undo and redo come back as local changes: said once, not as someone else's edit.
    client.on('operation_acknowledged', ({ kind, sequence }) => {
      if (kind === 'undo' || kind === 'redo')
        print(paint('green', sequence === null ? `✓ ${kind} changed nothing` : `✓ ${kind} applied (sequence ${sequence})`))
    })
    client.on('conflict', ({ document_id, kind, message }) => print(paint('yellow', `! conflict (${kind}) on ${short(document_id ?? '-')}: ${message}`)))
    client.on('error', ({ code, message }) => print(paint('red', `! ${code}: ${message}`)))
  }

  /** Runs one line; false means quit. */
  async run(line: string): Promise<boolean> {
    if (line === '' || line.startsWith('#')) return true
    const [command = '', rest = ''] = splitFirst(line)
    try {
      if (command === 'quit' || command === 'exit') return false
      const handler = COMMANDS[command]
      if (!handler) this.print(this.paint('red', `unknown command ${command}; type help`))
      else await handler.call(this, rest)
    } catch (error) {
      const code = error instanceof PatchsyncError ? `${error.code}: ` : ''
      this.print(this.paint('red', `✗ ${code}${(error as Error).message}`))
    }
    return true
  }

  /** An id, a unique prefix of one, or `.` for the current document. */
  resolve(ref: string | undefined): string {
    if (!ref) throw new PatchsyncError('invalid_argument', 'which document? give an id, a prefix or .')
    if (ref === '.') {
      if (!this.current) throw new PatchsyncError('invalid_argument', 'no current document yet')
      return this.current
    }
    const matches = this.client.list().filter((d) => d.id.startsWith(ref.toLowerCase()))
    if (matches.length === 1) return (this.current = matches[0]!.id)
    if (matches.length > 1) throw new PatchsyncError('invalid_argument', `${ref} matches ${matches.length} documents`)
    return ref
  }

  show(document: LocalDocument): void {
    const revision = document.revision_id ? short(document.revision_id, 12) : 'unsynced'
    const pending = document.pending > 0 ? this.paint('yellow', ` +${document.pending} pending`) : ''
    this.print(`${this.paint('bold', document.title)} ${this.paint('gray', `${document.id} @${revision}`)}${pending}`)
    this.print(JSON.stringify(document.content, null, 2))
  }
}

const COMMANDS: Record<string, (this: Repl, rest: string) => Promise<void> | void> = {
  help() {
    this.print(HELP)
  },
  list() {
    const documents = this.client.list()
    if (documents.length === 0) this.print(this.paint('gray', '(no documents)'))
    for (const d of documents) {
      const pending = d.pending > 0 ? this.paint('yellow', ` +${d.pending}`) : ''
      this.print(`${this.paint('cyan', short(d.id))}  ${d.title}${pending}`)
    }
  },
  show(rest) {
    const id = this.resolve(words(rest)[0])
    const document = this.client.get(id)
    if (!document) throw new PatchsyncError('document_not_found', `no document ${id}`)
    this.show(document)
  },
  async create(rest) {
    const [title, json] = takeTitle(rest)
    const document = await this.client.create({ title, content: json ? parseJson(json) : {} })
    this.current = document.id
    this.print(this.paint('green', `✓ created ${document.id}`))
  },
  async set(rest) {
    const [ref, path, json] = splitN(rest, 3)
    const id = this.resolve(ref)
    if (path === undefined || json === undefined) throw new PatchsyncError('invalid_argument', 'set <doc> <path> <json>')
    this.show(await this.client.update(id, [{ op: 'add', path, value: parseJson(json) }]))
  },
  async remove(rest) {
    const [ref, path] = splitN(rest, 2)
    const id = this.resolve(ref)
    this.show(await this.client.update(id, [{ op: 'remove', path: path ?? '' }]))
  },
  async patch(rest) {
    const [ref, json] = splitN(rest, 2)
    const id = this.resolve(ref)
    this.show(await this.client.update(id, parseJson(json ?? '') as Operation[]))
  },
  async rename(rest) {
    const [ref, title] = splitN(rest, 2)
    this.show(await this.client.rename(this.resolve(ref), title ?? ''))
  },
  async delete(rest) {
    const id = this.resolve(words(rest)[0])
    await this.client.delete(id)
    this.print(this.paint('green', `✓ deleted ${id}`))
  },
  async history(rest) {
    const id = this.resolve(words(rest)[0])
    for (const e of await this.client.history(id)) {
      const cause = e.cause ? ` (${e.cause})` : ''
      this.print(
        `${this.paint('cyan', String(e.sequence).padStart(6))}  ${e.event_type.padEnd(6)}${cause}  ${this.paint('gray', e.created_at)}  ${JSON.stringify(e.forward_patch)}`,
      )
    }
  },
  async at(rest) {
    const [ref, sequence] = words(rest)
    const id = this.resolve(ref)
    const state = await this.client.documentAt(id, wholeNumber(sequence))
    this.print(state ? `${this.paint('bold', state.title)}\n${JSON.stringify(state.content, null, 2)}` : this.paint('gray', '(did not exist then)'))
  },
  async undo(rest) {
    const [text, ref] = words(rest)
    const sequence = wholeNumber(text)
    const { lastSequence } = this.client.status()
    if (sequence > lastSequence) {
      throw new PatchsyncError(
        'invalid_argument',
        `sequence ${sequence} is past the latest this client knows (${lastSequence}); see history <doc> for the sequences, or sync first`,
      )
    }
    const { opId } = await this.client.undoToSequence(sequence, ref === undefined ? undefined : this.resolve(ref))
    this.print(this.paint('green', `✓ undo queued (${short(opId)})`))
  },
  async redo(rest) {
    const ref = words(rest)[0]
    const { opId } = await this.client.redo(ref === undefined ? undefined : this.resolve(ref))
    this.print(this.paint('green', `✓ redo queued (${short(opId)})`))
  },
  async share(rest) {
    const [ref, user, role] = words(rest)
    if (!user || !role || !['read', 'write', 'none'].includes(role)) throw new PatchsyncError('invalid_argument', 'share <doc> <user> read|write|none')
    if (!UUID.test(user))
      throw new PatchsyncError('invalid_argument', `${user} is not a user id: user ids are UUIDs, like 550e8400-e29b-41d4-a716-446655440000`)
    await this.client.share(this.resolve(ref), user, role as Role)
    this.print(this.paint('green', `✓ share queued`))
  },
  async offline() {
    await this.client.disconnect()
  },
  online() {
    this.client.connect()
  },
  async outbox() {
    const ops = await this.client.outbox()
    if (ops.length === 0) this.print(this.paint('gray', '(outbox empty)'))
    for (const op of ops)
      this.print(
        `${this.paint('yellow', String(op.position).padStart(4))}  ${op.kind.padEnd(6)} ${short(op.documentId ?? '-')}  ${this.paint('gray', op.createdAt)}`,
      )
  },
  status() {
    const { online, pending, lastSequence } = this.client.status()
    this.print(`${online ? this.paint('green', 'online') : this.paint('yellow', 'offline')}, ${pending} pending, at sequence ${lastSequence}`)
  },
  async sync() {
    await this.client.whenSynced(30_000)
    this.print(this.paint('green', '✓ in sync'))
  },
}
COMMANDS.ls = COMMANDS.list!
COMMANDS.rm = COMMANDS.delete!

function short(id: string, length = 8): string {
  return id.slice(0, length)
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

function splitFirst(text: string): [string, string] {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text)
  return match ? [match[1]!, match[2]!] : ['', '']
}

/** The first n-1 words, then the rest of the line (which may hold spaces, e.g. JSON). */
function splitN(text: string, n: number): Array<string | undefined> {
  const parts: Array<string | undefined> = []
  let rest = text
  for (let i = 0; i < n - 1; i++) {
    const [word, tail] = splitFirst(rest)
    parts.push(word || undefined)
    rest = tail
  }
  parts.push(rest || undefined)
  return parts
}

/** `"a title" {…}` or `word {…}`. */
function takeTitle(text: string): [string, string] {
  const quoted = /^"((?:[^"\\]|\\.)*)"\s*([\s\S]*)$/.exec(text)
  if (quoted) return [JSON.parse(`"${quoted[1]}"`) as string, quoted[2]!]
  const [title, rest] = splitFirst(text)
  if (!title) throw new PatchsyncError('invalid_argument', 'create <title> [json]')
  return [title, rest]
}

function parseJson(text: string): never {
  try {
    return JSON.parse(text) as never
  } catch {
    throw new PatchsyncError('invalid_argument', `not JSON: ${text}`)
  }
}

function wholeNumber(text: string | undefined): number {
  const n = Number(text)
  if (text === undefined || !Number.isSafeInteger(n) || n < 0) throw new PatchsyncError('invalid_argument', `not a sequence number: ${text}`)
  return n
}
