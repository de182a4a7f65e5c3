import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { Store } from '../storage/store.js'
import type { Teardown } from './teardown.js'
/** The storage backends the tests run on. */
export type DialectName = 'sqlite' | 'postgres'

/** Every storage backend; the storage and server suites run once per entry. */
export const TEST_DIALECTS: readonly DialectName[] = ['sqlite', 'postgres']

/** The PostgreSQL server the tests use; each test makes its own database there. */
export const TEST_PG_URL = process.env.PATCHSYNC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/**
 * A fresh, empty database of the dialect. Close every connection to it before calling `drop`.
 * PostgreSQL being unreachable fails the test: the PostgreSQL half of the suite is never skipped.
 */
export async function createTestDatabase(dialect: DialectName): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'patchsync-test-'))
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `patchsync_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_PG_URL })
  try {
    await admin.connect()
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_PG_URL} (set PATCHSYNC_TEST_PG_URL): ${(error as Error).message}`, { cause: error })
  }
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(TEST_PG_URL)
  url.pathname = `/${name}`
  const drop = async () => {
    const dropper = new pg.Client({ connectionString: TEST_PG_URL })
    await dropper.connect()
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await dropper.end()
  }
  return { url: url.toString(), drop }
}

/** A migrated store on a fresh database, closed at teardown (before the database is dropped). */
export async function createTestStore(t: Teardown, dialect: DialectName, options: { poolSize?: number } = {}): Promise<Store> {
  const { url, drop } = await createTestDatabase(dialect)
  const store = Store.open(url, options)
  t.teardown(async () => {
    await store.close()
    await drop()
  })
  await store.migrate()
  return store
}
