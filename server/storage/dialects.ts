import type { StorageBackend, StorageDialect } from './dialect.js'
import { postgresBackend } from './postgres.js'
import { sqliteBackend } from './sqlite.js'

/** Every storage backend; a database URL opens with the first that accepts it. */
const BACKENDS: readonly StorageBackend[] = [sqliteBackend, postgresBackend]

/** The dialect for a database URL, or an error that lists the URL forms there are. */
export function openDialect(databaseUrl: string, options: { poolSize?: number }): StorageDialect {
  const backend = BACKENDS.find((b) => b.accepts(databaseUrl))
  if (backend) return backend.open(databaseUrl, options)
  const forms = BACKENDS.flatMap((b) => b.urlForms)
  throw new Error(`unsupported database URL ${JSON.stringify(databaseUrl)}: use ${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`)
}
