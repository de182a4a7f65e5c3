// Builds the browser bundle of patchsync/client: one minified ES module with core, the
// validators and @noble/hashes inside, that a plain <script type="module"> can import.
// `node client/build.mjs` writes dist/browser/; bench/bundle.ts measures the same build.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Bundles `entry` (relative to the package root) for browsers; `outfile` unset keeps it in memory. */
export async function bundle(entry, outfile) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: outfile ? 'linked' : false,
    legalComments: 'none',
    // React's entry picks its build by NODE_ENV, which browsers lack.
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    write: outfile !== undefined,
    ...(outfile ? { outfile } : { outdir: 'out' }),
    logLevel: 'error',
  })
  return result
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle('client/browser.ts', 'dist/browser/patchsync-client.js')
  console.log('dist/browser/patchsync-client.js')
}
