/**
 * The line protocol between libpatchsync (C) and its Node host process. One JSON object per line:
 *   C → host  {"id": 7, "method": "get", "params": {"document_id": "…"}}
 *   host → C  {"id": 7, "ok": true, "result": …}
 *             {"id": 7, "ok": false, "code": "document_not_found", "number": 9, "message": "…"}
 *             {"event": "document_updated", "document_id": "…", "data": …}          (any time)
 *             {"event": "error", "document_id": null, "data": null, "code", "number", "message"}
 * Requests are answered one at a time, in order. Every code comes from the error registry.
 */
import path from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import type { SyncClientOptions } from '../client/index.js'
import { ERROR_CODES, type ErrorCode } from '../generated/errors.js'
import { bindUserId, readBoundUserId, userIdForUnnamedOpen } from './identity-store.js'

/** Client events forwarded to C, in the order of the C enum patchsync_event_kind. */
export const HOSTED_EVENTS = [
  'document_created',
  'document_updated',
  'document_deleted',
  'sync_started',
  'sync_completed',
  'connection_lost',
  'connection_attempting',
  'connection_established',
  'conflict',
  'error',
] as const
export type HostedEvent = (typeof HOSTED_EVENTS)[number]

/** Options the host passes to the client constructor: the SyncClient options a C caller can set. */
export type HostedClientOptions = Pick<SyncClientOptions, 'databasePath' | 'serverUrl' | 'userId' | 'authToken' | 'clientId' | 'reconnect'>

/** The part of SyncClient the host drives; tests substitute an in-memory stub. */
export interface HostedClient {
  open(): Promise<unknown>
  connect(): unknown
  disconnect(): unknown
  close(): Promise<unknown>
  create(input: { id?: string; title: string; content: Record<string, unknown> }): Promise<{ id: string }>
  update(id: string, patch: never[]): Promise<unknown>
  delete(id: string): Promise<unknown>
  get(id: string): unknown
  list(): readonly unknown[] | Promise<readonly unknown[]>
  status(): { online: boolean; pending: number } | Promise<{ online: boolean; pending: number }>
  whenSynced(timeoutMs?: number): Promise<unknown>
  // Each event has its own payload type; the host forwards them all alike, so any listener fits.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a listener of any event's payload
  on(event: HostedEvent, listener: (...args: any[]) => void): unknown
}

export interface HostOptions {
  input: Readable
  output: Writable
  createClient: (options: HostedClientOptions) => HostedClient
}

type Params = Record<string, unknown>

const NUMBERS = new Map<string, number>(ERROR_CODES.map((e) => [e.code, e.number]))

/** A failure the host reports with a registry code. */
export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

function failureOf(error: unknown): { code: string; number: number; message: string } {
  const raw = (error as { code?: unknown } | null)?.code
  let code: string = 'internal_error'
  if (typeof raw === 'string' && NUMBERS.has(raw)) code = raw
  else if (typeof raw === 'string' && raw.startsWith('SQLITE_')) code = 'storage_error'
  // A thrown Error, or the client's `error` event payload ({code, message, op_id?, document_id?}).
  const text = (error as { message?: unknown } | null)?.message
  const message = typeof text === 'string' ? text : String(error)
  return { code, number: NUMBERS.get(code) ?? 0, message: message || code }
}

function text(params: Params, name: string): string {
  const value = params[name]
  if (typeof value !== 'string' || value === '') throw new HostError('invalid_argument', `${name} must be a non-empty string`)
  return value
}

function optionalText(params: Params, name: string): string | undefined {
  return params[name] === undefined || params[name] === null ? undefined : text(params, name)
}

function parseJson(params: Params, name: string): unknown {
  try {
    return JSON.parse(text(params, name))
  } catch (error) {
    if (error instanceof HostError) throw error
    throw new HostError('invalid_json', `${name} is not valid JSON`)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The id of the document an event payload concerns (SyncClient's events name it `document_id`). */
function documentIdOf(payload: unknown): string | null {
  return isObject(payload) && typeof payload.document_id === 'string' ? payload.document_id : null
}

function openClient(params: Params, createClient: HostOptions['createClient']): HostedClient {
  const databasePath = path.resolve(optionalText(params, 'cwd') ?? process.cwd(), text(params, 'database_path'))
  let userId = optionalText(params, 'user_id')
  if (userId === undefined) {
    userId = userIdForUnnamedOpen(databasePath)
    if (userId === undefined) {
      throw new HostError('invalid_argument', `${databasePath} holds a client's data but no user id; open it with sync_engine_create_ex and its user_id`)
    }
  } else if (!bindUserId(databasePath, userId)) {
    throw new HostError('invalid_argument', `${databasePath} belongs to another user (${readBoundUserId(databasePath)})`)
  }
  const minMs = params.reconnect_min_ms
  const maxMs = params.reconnect_max_ms
  const options: HostedClientOptions = {
    databasePath,
    serverUrl: text(params, 'server_url'),
    userId,
    authToken: text(params, 'auth_token'),
  }
  const clientId = optionalText(params, 'client_id')
  if (clientId !== undefined) options.clientId = clientId
  if (typeof minMs === 'number' && typeof maxMs === 'number' && minMs > 0 && maxMs >= minMs) {
    options.reconnect = { minMs, maxMs }
  }
  return createClient(options)
}

/** Serves requests from `input` until it ends, then closes the client. */
export async function serveHost({ input, output, createClient }: HostOptions): Promise<void> {
  let client: HostedClient | undefined
  const send = (message: Record<string, unknown>): void => {
    let line: string
    try {
      line = JSON.stringify(message)
    } catch {
      line = JSON.stringify({ ...message, data: null })
    }
    output.write(`${line}\n`)
  }
  /** An `error` event: a client's error event keeps its details (op id, document); a thrown error has none. */
  const sendError = (error: unknown): void => {
    const details = isObject(error) && !(error instanceof Error) ? error : null
    send({ event: 'error', document_id: documentIdOf(details), data: details, ...failureOf(error) })
  }
  const opened = (): HostedClient => {
    if (!client) throw new HostError('engine_closed', 'no client is open; send "open" first')
    return client
  }

  const methods: Record<string, (params: Params) => Promise<unknown>> = {
    async open(params) {
      if (client) throw new HostError('invalid_argument', 'a client is already open')
      const candidate = openClient(params, createClient)
      for (const kind of HOSTED_EVENTS) {
        candidate.on(kind, (...args: unknown[]) => {
          const payload = args.length <= 1 ? args[0] : args
          if (kind === 'error') sendError(payload)
          else send({ event: kind, document_id: documentIdOf(payload), data: payload ?? null })
        })
      }
      await candidate.open()
      client = candidate
      Promise.resolve(candidate.connect()).catch(sendError)
      return null
    },
    async create(params) {
      const input = parseJson(params, 'document_json')
      if (!isObject(input) || typeof input.title !== 'string' || !isObject(input.content)) {
        throw new HostError('invalid_argument', 'document_json must be {"title": string, "content": object, "id"?: string}')
      }
      if (input.id !== undefined && typeof input.id !== 'string') throw new HostError('invalid_argument', 'id must be a string')
      const document = await opened().create({
        ...(input.id === undefined ? {} : { id: input.id }),
        title: input.title,
        content: input.content,
      })
      return document.id
    },
    async update(params) {
      const id = text(params, 'document_id')
      const patch = parseJson(params, 'patch_json')
      if (!Array.isArray(patch)) throw new HostError('invalid_patch', 'a patch must be a JSON array of operations')
      await opened().update(id, patch as never[])
      return null
    },
    async delete(params) {
      await opened().delete(text(params, 'document_id'))
      return null
    },
    async get(params) {
      const id = text(params, 'document_id')
      const document = await opened().get(id)
      if (document === undefined || document === null) throw new HostError('document_not_found', `no document ${id}`)
      return document
    },
    async list() {
      return await opened().list()
    },
    async count() {
      return (await opened().list()).length
    },
    async pending() {
      return (await opened().status()).pending
    },
    async connected() {
      return (await opened().status()).online
    },
    async connect() {
      Promise.resolve(opened().connect()).catch(sendError)
      return null
    },
    async disconnect() {
      await opened().disconnect()
      return null
    },
    async wait_synced(params) {
      const timeoutMs = params.timeout_ms
      await opened().whenSynced(typeof timeoutMs === 'number' && timeoutMs > 0 ? timeoutMs : undefined)
      return null
    },
  }

  const handle = async (line: string): Promise<Record<string, unknown>> => {
    let request: unknown
    try {
      request = JSON.parse(line)
    } catch {
      return { id: null, ok: false, ...failureOf(new HostError('invalid_json', 'request is not valid JSON')) }
    }
    const id = isObject(request) && Number.isSafeInteger(request.id) ? request.id : null
    try {
      if (!isObject(request) || id === null || typeof request.method !== 'string') {
        throw new HostError('invalid_message', 'a request is {"id": integer, "method": string, "params"?: object}')
      }
      const method = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined
      if (!method) throw new HostError('unknown_message_type', `unknown method ${request.method}`)
      const params = request.params === undefined ? {} : request.params
      if (!isObject(params)) throw new HostError('invalid_message', 'params must be an object')
      return { id, ok: true, result: (await method(params)) ?? null }
    } catch (error) {
      return { id, ok: false, ...failureOf(error) }
    }
  }

  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() !== '') send(await handle(line))
  }
  if (client) await client.close()
}
