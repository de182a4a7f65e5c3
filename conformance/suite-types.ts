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
}

export interface PatchReverseCase extends CaseBase {
  document: Record<string, unknown>
  patch: unknown[]
  reverse: unknown[]
}

export interface RevisionIdCase extends CaseBase {
  generation: number
  parent: string | null
  title: string | null
  content: Record<string, unknown> | null
  expected: string
}

export type VectorClock = Record<string, number>

export type VectorClockCase =
  | (CaseBase & { operation: 'compare'; a: VectorClock; b: VectorClock; expected: 'before' | 'after' | 'equal' | 'concurrent' })
  | (CaseBase & { operation: 'merge'; a: VectorClock; b: VectorClock; expected: VectorClock })
  | (CaseBase & { operation: 'increment'; clock: VectorClock; actor: string; expected: VectorClock })

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

export type Step =
  | { client: string; send: unknown; pad_to_bytes?: number; repeat?: number }
  | { client: string; send_raw: string }
  | { client: string; expect: Record<string, unknown> }
  | { client: string; disconnect: true }

export interface Scenario extends CaseBase {
  steps: Step[]
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
}
