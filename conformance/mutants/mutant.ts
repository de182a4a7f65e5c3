import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A planted bug: one small source transformation of the reference implementation, of the kind a
 * porter could write, that breaks what one section of `spec/PROTOCOL.md` says. The conformance
 * suite's strength is the share of these it catches (`npm run conformance:mutants`).
 */
export interface Mutant {
  /** Unique, kebab-case: what goes wrong. */
  id: string
  /** The section of `spec/PROTOCOL.md` the bug breaks (`§7` or `§7.4`). */
  spec: string
  /** The wrong behaviour, in a sentence. */
  description: string
  /** The file it changes, relative to the package root (under `core/` or `server/`). */
  file: string
  /** Text that occurs exactly once in that file… */
  search: string
  /** …and what it becomes. */
  replace: string
}

/** Why a mutant cannot be applied to this source text, or undefined when it can. */
export function whyNotApplicable(mutant: Mutant, source: string): string | undefined {
  const count = source.split(mutant.search).length - 1
  if (count !== 1) return `${mutant.id}: its search text occurs ${count} times in ${mutant.file}, not once`
  if (mutant.search === mutant.replace) return `${mutant.id}: replacing its search text changes nothing`
  return undefined
}

/** The source text with the mutant applied; throws when it does not apply. */
export function mutate(mutant: Mutant, source: string): string {
  const why = whyNotApplicable(mutant, source)
  if (why !== undefined) throw new Error(why)
  return source.replace(mutant.search, () => mutant.replace)
}

/**
 * Applies a mutant to the copy of the package at `root` (never to the checkout itself: see
 * `run.ts`) and returns the function that puts the file back.
 */
export function applyMutant(root: string, mutant: Mutant): () => void {
  const path = join(root, mutant.file)
  const original = readFileSync(path, 'utf8')
  writeFileSync(path, mutate(mutant, original))
  return () => writeFileSync(path, original)
}

/** The section a mutant or a case belongs to (`§7.4` → `§7`). */
export function sectionOf(spec: string): string {
  return spec.split('.')[0]!
}
