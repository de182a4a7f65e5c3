#!/usr/bin/env node
/**
 * Builds libpatchsync with the system C compiler into ffi/build/ (libpatchsync.so, or .dylib on
 * macOS). Needs only a C compiler: `npm run build:ffi`, or `node ffi/build.mjs` in an installed package.
 * CC picks the compiler; CFLAGS are appended (the tests pass -Werror).
 * The package root is compiled in, so the library finds its host (ffi/host.ts or dist/ffi/host.js).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ffi = dirname(fileURLToPath(import.meta.url))
const root = resolve(ffi, '..')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const darwin = process.platform === 'darwin'
const output = join(ffi, 'build', darwin ? 'libpatchsync.dylib' : 'libpatchsync.so')
const sources = readdirSync(join(ffi, 'src'))
  .filter((name) => name.endsWith('.c'))
  .sort()
  .map((name) => join(ffi, 'src', name))

const args = [
  '-std=c11',
  '-O2',
  '-g',
  '-Wall',
  '-Wextra',
  '-fPIC',
  '-pthread',
  '-fvisibility=hidden',
  `-I${join(ffi, 'include')}`,
  `-DPATCHSYNC_PACKAGE_ROOT=${JSON.stringify(root)}`,
  `-DPATCHSYNC_VERSION=${JSON.stringify(version)}`,
  ...(process.env.CFLAGS ? process.env.CFLAGS.split(/\s+/).filter(Boolean) : []),
  darwin ? '-dynamiclib' : '-shared',
  darwin ? '-Wl,-install_name,@rpath/libpatchsync.dylib' : '-Wl,-soname,libpatchsync.so',
  '-o',
  output,
  ...sources,
]

mkdirSync(dirname(output), { recursive: true })
try {
  execFileSync(process.env.CC || 'cc', args, { stdio: 'inherit' })
} catch (error) {
  console.error(`build:ffi: ${process.env.CC || 'cc'} failed (${error.status ?? error.code})`)
  process.exit(1)
}
console.log(output)
