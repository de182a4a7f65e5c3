import t from 'tap'
import { acceptsDatabaseUrl, DATABASE_URL_FORMS, databaseUrlForms, openDialect, redactDatabaseUrl } from './dialects.js'

t.test('the backends say which database URLs they open', async (t) => {
  for (const url of ['sqlite:./data/patchsync.db', 'sqlite::memory:', 'postgres://u@h/db', 'postgresql://u:p@h:5432/db']) t.ok(acceptsDatabaseUrl(url), url)
  for (const url of ['', 'sqlite:', 'mysql://x', 'postgres:/x', 'file:./x.db']) t.notOk(acceptsDatabaseUrl(url), JSON.stringify(url))
  t.same(DATABASE_URL_FORMS, ['sqlite:<path>', 'sqlite::memory:', 'postgres://…'])
  t.equal(databaseUrlForms(), 'sqlite:<path>, sqlite::memory: or postgres://…')
  t.throws(() => openDialect('mysql://x', {}), { message: 'unsupported database URL "mysql://x": use sqlite:<path>, sqlite::memory: or postgres://…' })
})

t.test('a URL for a log line hides a PostgreSQL password', async (t) => {
  t.equal(redactDatabaseUrl('postgres://app:hunter2@db:5432/patchsync'), 'postgres://app:***@db:5432/patchsync')
  t.equal(redactDatabaseUrl('postgresql://db/patchsync?user=app&password=hunter2'), 'postgresql://db/patchsync?user=app&password=***')
  t.equal(redactDatabaseUrl('postgres://app@db/patchsync'), 'postgres://app@db/patchsync')
  t.equal(redactDatabaseUrl('sqlite:./data/patchsync.db'), 'sqlite:./data/patchsync.db')
  t.equal(redactDatabaseUrl('mysql://u:secret@h/db'), 'mysql://u:secret@h/db', 'a URL no backend opens is refused before it is shown')
})
