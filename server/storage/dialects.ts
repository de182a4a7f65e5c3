import type { StorageBackend, StorageDialect } from './dialect.js'
import { postgresBackend } from './postgres.js'
import { sqliteBackend } from './sqlite.js'

/** Every storage backend; a database URL opens with the first that accepts it. */
const BACKENDS: readonly StorageBackend[] = [sqliteBackend, postgresBackend]

/** Every form of database URL there is, for help texts and error messages (`sqlite:<path>`, …). */
export const DATABASE_URL_FORMS: readonly string[] = BACKENDS.flatMap((b) => b.urlForms)

/** The URL forms as a phrase: `a, b or c`. */
export function databaseUrlForms(): string {
  return `${DATABASE_URL_FORMS.slice(0, -1).join(', ')} or ${DATABASE_URL_FORMS.at(-1)}`
}

const backendOf = (databaseUrl: string) => BACKENDS.find((b) => b.accepts(databaseUrl))

/** True when some backend opens this database URL; checked before anything is opened. */
export function acceptsDatabaseUrl(databaseUrl: string): boolean {
  return backendOf(databaseUrl) !== undefined
}

/** A database URL fit for a log line: its backend hides the secrets it may hold (a password). */
export function redactDatabaseUrl(databaseUrl: string): string {
  return backendOf(databaseUrl)?.redact?.(databaseUrl) ?? databaseUrl
}

/** The dialect for a database URL, or an error that lists the URL forms there are. */
export function openDialect(databaseUrl: string, options: { poolSize?: number }): StorageDialect {
  const backend = backendOf(databaseUrl)
  if (backend) return backend.open(databaseUrl, options)
  throw new Error(`unsupported database URL ${JSON.stringify(databaseUrl)}: use ${databaseUrlForms()}`)
}
