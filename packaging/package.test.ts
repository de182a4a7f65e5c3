import t from 'tap'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { installClosure, type LockEntry } from './test-support/install-closure.js'

/**
 * The package as npm publishes it: built with its own build script, packed by `npm pack`, then
 * unpacked into a fresh app's node_modules, where it is required, imported and type-checked the
 * way its users do. Nothing here reaches the network.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const npm = (args: string[], cwd = ROOT) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

const work = mkdtempSync(join(tmpdir(), 'patchsync-package-'))
t.teardown(() => rmSync(work, { recursive: true, force: true }))

// `npm pack` runs prepack/prepare (a clean build); here the build scripts alone (tsc -b skips what
// is current, esbuild takes a second), so the suite does not rebuild dist from scratch each run and
// does not depend on an earlier `npm ci` having run `prepare`.
npm(['run', 'build'])
npm(['run', 'build:browser'])
const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work])) as Array<{
  filename: string
  files: Array<{ path: string }>
}>
const files = new Set(packed!.files.map((f) => f.path))
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as LockEntry & {
  version: string
  engines: { node: string }
  exports: Record<string, string | { types: string; default: string }>
  typesVersions: Record<string, Record<string, string[]>>
  repository?: { url?: string }
  license?: string
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }

t.test('the tarball has the licence, the documents the README sends readers to, every export, and no tests', async (t) => {
  t.equal(manifest.license, 'MIT')
  t.match(manifest.repository?.url, /^git\+https:\/\//, 'package.json names the repository')
  const documents = [
    'LICENSE',
    'README.md',
    'spec/PROTOCOL.md',
    'spec/errors.json',
    'spec/definitions.json',
    'conformance/README.md',
    'conformance/case-format.schema.json',
    'ffi/README.md',
    'ffi/include/patchsync.h',
    'ffi/include/patchsync.hpp',
    'ffi/examples/example.cpp',
    'ffi/build.mjs',
  ]
  for (const path of documents) t.ok(files.has(path), `ships ${path}`)
  for (const file of ['index.html', 'inspector.js', 'inspector.css']) t.ok(files.has(`dist/inspect/${file}`), `ships the inspector page's ${file}`)
  t.ok(
    [...files].some((f) => f.startsWith('conformance/vectors/')) && [...files].some((f) => f.startsWith('conformance/scenarios/')),
    'ships the conformance vectors and scenarios',
  )
  const targets = Object.values(manifest.exports).flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.types, entry.default]))
  for (const target of [...targets, ...Object.values(manifest.typesVersions['*']!).flat()]) t.ok(files.has(target.replace(/^\.\//, '')), `ships ${target}`)
  t.same(
    [...files].filter((f) => /\.test\.|test-support\/|\.tsbuildinfo$|(?<!\.d)\.ts$/.test(f)),
    [],
    'no test, test helper, build state or TypeScript source',
  )
})

t.test('the build script skips a build that is current (npm start runs it first)', async (t) => {
  const scripts = (manifest as { scripts?: Record<string, string> }).scripts ?? {}
  t.same([scripts.prestart, scripts.build], ['npm run build', 'tsc -b tsconfig.build.json'], 'npm start runs the incremental build first')
  const dry = execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json', '--dry', '--verbose'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  t.match(dry, /Project '.*tsconfig\.build\.json' is up to date/, 'right after a build, the next one has nothing to do')
})

t.test('a client-only app installs no native module and no server driver', async (t) => {
  const closure = installClosure(manifest, lock.packages)
  const names = [...closure.keys()].map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
  for (const driver of ['argon2', 'better-sqlite3', 'pg', 'prebuild-install', 'node-gyp-build']) t.notOk(names.includes(driver), `does not install ${driver}`)
  t.same(
    [...closure].filter(([, entry]) => entry.hasInstallScript).map(([path]) => path),
    [],
    'nothing with an install script (no compiler, no download)',
  )
  for (const driver of ['argon2', 'better-sqlite3', 'pg']) {
    t.ok(manifest.peerDependencies?.[driver] && manifest.peerDependenciesMeta?.[driver]?.optional, `${driver} is an optional peer dependency`)
  }
})

/** A fresh app with the tarball unpacked as node_modules/patchsync and its dependencies beside it. */
function appWith(name: string, extra: string[]): string {
  const app = join(work, name)
  const target = join(app, 'node_modules', 'patchsync')
  mkdirSync(target, { recursive: true })
  execFileSync('tar', ['-xzf', join(work, packed!.filename), '-C', target, '--strip-components=1'])
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }))
  // The dependencies npm would install, taken from this checkout at the versions the lockfile
  // pins: linked, not copied (a link resolves its own imports from where it really is).
  const topLevel = [...installClosure(manifest, lock.packages).keys()].filter((path) => path.lastIndexOf('node_modules/') === 0)
  for (const path of [...topLevel, ...extra.map((p) => `node_modules/${p}`)]) {
    mkdirSync(dirname(join(app, path)), { recursive: true })
    symlinkSync(join(ROOT, path), join(app, path), 'dir')
  }
  return app
}

const node = (cwd: string, args: string[]) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 })

t.test('installed without the server drivers: the client works, the server names what is missing', async (t) => {
  // better-sqlite3 is what a Node client app installs beside patchsync (its local store).
  const app = appWith('client-app', ['better-sqlite3'])
  const script = `
    const { SyncClient } = require('patchsync/client')
    const { applyPatch } = require('patchsync/core')
    const server = require('patchsync/server')
    require('patchsync/conformance')
    ;(async () => {
      const client = new SyncClient({ databasePath: ':memory:', serverUrl: 'ws://127.0.0.1:9/ws', userId: '550e8400-e29b-41d4-a716-446655440000', authToken: 't' })
      await client.open()
      const doc = await client.create({ title: 'offline', content: { n: 1 } })
      await client.update(doc.id, [{ op: 'replace', path: '/n', value: 2 }])
      console.log('client', JSON.stringify(client.get(doc.id).content))
      await client.close()
      const document = { a: 1 }
      applyPatch(document, [{ op: 'add', path: '/b', value: 2 }])
      console.log('core', JSON.stringify(document))
      try { server.createSyncServer({ databaseUrl: 'postgres://127.0.0.1/none' }) } catch (error) { console.log('pg', error.message) }
      await server.hashToken('x').catch((error) => console.log('argon2', error.message))
    })()`
  const run = node(app, ['-e', script])
  t.equal(run.status, 0, run.stderr)
  t.match(run.stdout, /^client \{"n":2\}$/m, "require('patchsync/client') works: a document created and edited offline")
  t.match(run.stdout, /^core \{"a":1,"b":2\}$/m)
  t.match(run.stdout, /^pg A PostgreSQL database .* needs the package pg, which is not installed: run npm install pg$/m)
  t.match(run.stdout, /^argon2 Token hashing needs the package argon2, which is not installed: run npm install argon2$/m)
  t.notMatch(run.stderr, /ExperimentalWarning/, 'require(esm) is not experimental on the Node versions engines allows')

  const esm = node(app, [
    '--input-type=module',
    '-e',
    "import { SyncClient } from 'patchsync/client'; import { applyPatch } from 'patchsync/core'; console.log(typeof SyncClient, typeof applyPatch)",
  ])
  t.equal(esm.stdout, 'function function\n', esm.stderr)
  const version = node(app, [join(app, 'node_modules/patchsync/dist/bin/patchsync.js'), '--version'])
  t.equal(version.stdout, `${manifest.version}\n`, 'the bin runs from the package')
})

t.test('engines allows only Node versions whose require() loads ES modules without a flag', async (t) => {
  // require(esm) is on by default from 20.19 and 22.12; the package ships ES modules only.
  t.equal(manifest.engines.node, '^20.19.0 || >=22.12.0')
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number]
  t.ok((major === 20 && minor >= 19) || major > 22 || (major === 22 && minor >= 12), `this Node (${process.versions.node}) is one of them`)
})

t.test('TypeScript finds the types under every module resolution', async (t) => {
  const app = appWith('typescript-app', ['@types/node'])
  const consumer = (kind: 'import' | 'require') => `
    ${kind === 'import' ? "import { SyncClient, type LocalDocument } from 'patchsync/client'" : "import client = require('patchsync/client')\nconst { SyncClient } = client\ntype LocalDocument = client.LocalDocument"}
    import type { Operation } from 'patchsync/core'
    import type { SyncServer } from 'patchsync/server'
    import type { CaseResult } from 'patchsync/conformance'
    const sync = new SyncClient({ databasePath: ':memory:', serverUrl: 'ws://localhost/ws', userId: 'u', authToken: 't' })
    const pending: number = sync.status().pending
    // @ts-expect-error: a typo is caught, so the types are real, not any
    sync.status().pendnig
    export const used: Array<LocalDocument | Operation | SyncServer | CaseResult | number> = [pending]
  `
  // One setup also checks the package's declaration files themselves (skipLibCheck off): they
  // must compile with only @types/node beside them. That is the slow part, so only once.
  const setups: Array<{ name: string; file: string; compilerOptions: Record<string, unknown> }> = [
    {
      name: 'node10 (moduleResolution "node", CommonJS)',
      file: 'consumer.ts',
      compilerOptions: { module: 'commonjs', moduleResolution: 'node10', skipLibCheck: true },
    },
    { name: 'node16 (an ES module)', file: 'consumer.mts', compilerOptions: { module: 'node16', moduleResolution: 'node16', skipLibCheck: true } },
    { name: 'bundler', file: 'consumer.ts', compilerOptions: { module: 'esnext', moduleResolution: 'bundler', skipLibCheck: false } },
    {
      name: 'nodenext, a CommonJS file (require of ES modules)',
      file: 'consumer.cts',
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: true },
    },
  ]
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
  for (const setup of setups) {
    const dir = join(app, setup.name.replace(/\W+/g, '-'))
    mkdirSync(dir)
    writeFileSync(join(dir, setup.file), consumer(setup.file === 'consumer.cts' ? 'require' : 'import'))
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'es2022', strict: true, noEmit: true, types: ['node'], ...setup.compilerOptions },
        files: [setup.file],
      }),
    )
    const check = node(dir, [tsc, '-p', 'tsconfig.json'])
    t.equal(check.status, 0, `${setup.name}: ${check.stdout}${check.stderr}`)
  }
})
