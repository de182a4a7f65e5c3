// Builds the browser bundle of patchsync/client: one minified ES module with core, the
// validators and @noble/hashes inside, that a plain <script type="module"> can import.
// `node client/build.mjs` writes dist/browser/ and the inspector page's dist/inspect/;
// bench/bundle.ts measures the same build.
import { build } from 'esbuild'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
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

/**
 * Builds the history inspector page (`inspector/`) into `outdir` (served by `patchsync serve` at
 * /inspect from dist/inspect): its script bundled with React and the client, its page and styles
 * copied.
 */
export async function buildInspector(outdir) {
  await bundle('inspector/main.tsx', join(outdir, 'inspector.js'))
  for (const file of ['index.html', 'inspector.css']) copyFileSync(join(root, 'inspector', file), join(outdir, file))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle('client/browser.ts', 'dist/browser/patchsync-client.js')
  await buildInspector(join(root, 'dist/inspect'))
  console.log('dist/browser/patchsync-client.js dist/inspect/')
}
