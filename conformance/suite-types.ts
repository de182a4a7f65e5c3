/**
 * TypeScript view of the data formats that case-format.schema.json defines. The schema is the
 * source of truth for other languages; the suite check proves every file matches it.
 */

/** `§N` or `§N.M` — the spec/PROTOCOL.md section a case checks. */
export type SpecRef = string

interface CaseBase {
  description: string
  spec: SpecRef
}

export interface PatchApplyCase extends CaseBase {
  document: Record<string, unknown>
  patch: unknown
  expected?: Record<string, unknown>
  error?: string
  /**
   * What a server answers when this patch arrives in `update_document`, where it differs from
   * `error`: the schema refuses it first (§2.12).
   */
  wire_error?: 'invalid_message'
}

export interface PatchReverseCase extends CaseBase {
  document: Record<string, unknown>
  patch: unknown[]
  reverse: unknown[]
}

/** The content form (§6.2, §6.5) or the chained form (§6.4) of a revision id. */
export type RevisionIdCase =
  | (CaseBase & { generation: number; parent: string | null; title: string | null; content: Record<string, unknown> | null; expected: string })
  | (CaseBase & { generation: number; parent: string; event_type: 'update' | 'rename' | 'delete'; forward_patch: unknown; expected: string })

export type VectorClock = Record<string, number>

export type VectorClockCase =
  | (CaseBase & { operation: 'compare'; a: VectorClock; b: VectorClock; expected: 'before' | 'after' | 'equal' | 'concurrent' })
  | (CaseBase & { operation: 'merge'; a: VectorClock; b: VectorClock; expected: VectorClock })
  | (CaseBase & { operation: 'increment'; clock: VectorClock; actor: string; expected: VectorClock })
  | (CaseBase & {
      operation: 'detect_conflict'
      document_clock: VectorClock
      revision: string
      incoming: { vector_clock?: VectorClock; base_revision?: string }
      expected: boolean
    })

export interface CanonicalJsonCase extends CaseBase {
  input: unknown
  expected: string
}

export interface MessageCase extends CaseBase {
  /** The schema the frame is written against (file name in spec/messages without `.json`). */
  message_type: string
  direction: 'client_to_server' | 'server_to_client'
  frame: unknown
  valid: boolean
  /** For invalid frames: the error code a server answers with when it receives the frame. */
  error?: 'invalid_message' | 'unknown_message_type'
}

export interface VectorCases {
  patch_apply: PatchApplyCase
  patch_reverse: PatchReverseCase
  revision_id: RevisionIdCase
  vector_clock: VectorClockCase
  canonical_json: CanonicalJsonCase
  message: MessageCase
}

export type VectorKind = keyof VectorCases

export type VectorFile = {
  [K in VectorKind]: { kind: K; description: string; cases: VectorCases[K][] }
}[VectorKind]

/** Which server a client connects to: the one under test, or a second instance on its database. */
export type ServerName = 'first' | 'second'

interface StepBase {
  client: string
  /** Where the client connects when this step opens its connection (default `first`). */
  server?: ServerName
}

export type Step = StepBase &
  (
    | { send: unknown; pad_to_bytes?: number; repeat?: number }
    | { send_all: unknown[] }
    | { send_raw: string }
    | { send_binary: string }
    | { expect: Record<string, unknown> }
    | { expect_none: Record<string, unknown>; wait_ms?: number }
    | { disconnect: true }
  )

export interface Scenario extends CaseBase {
  steps: Step[]
  /**
   * Set while the reference server does not do what the scenario checks yet: the scenario still
   * runs and is reported as TODO with this reason, and its failure does not fail the run.
   */
  pending?: string
}

export interface ScenarioFile {
  description: string
  scenarios: Scenario[]
}

/** The outcome of one vector case or scenario, as the runner reports it. */
export interface CaseResult {
  /** Suite file the case came from, e.g. `scenarios/authentication.json`. */
  file: string
  description: string
  spec: SpecRef
  ok: boolean
  /** Why it failed (for scenarios: which step and what was wrong). */
  reason?: string
  /** Not run, and why (a scenario that needs a second server when none was given). */
  skip?: string
  /** A pending scenario (see {@link Scenario.pending}): its outcome does not count. */
  todo?: string
}
