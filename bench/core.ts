/**
 * npm run bench:core — patchsync's apply-with-reverse against fast-json-patch's plain in-place
 * apply, on a 1 KB and a 16 KB document with a 1-op and a 5-op patch. Each iteration applies a
 * patch and then the patch that undoes it, so the document is the same at every iteration; for
 * fast-json-patch the undoing patch is written by hand once (it cannot produce one).
 *
 * Each measurement runs in a child process of its own, one contender per process: in one process
 * the two share V8's hidden classes (the documents are built alike) and inline-cache state, and
 * each slowed the other down depending on which ran first. The parent alternates the contenders'
 * processes, so a burst of load from elsewhere on the machine lands on both, and keeps each one's
 * best round.
 */
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import fastJsonPatch from 'fast-json-patch'
import { applyPatch, type Operation } from '../core/index.js'

function documentOfSize(bytes: number): Record<string, unknown> {
  const doc: Record<string, unknown> = { title: 'Benchmark', text: 'Hello, World!', tags: ['a', 'b'], meta: { author: 'x', version: 1 } }
  for (let i = 0; JSON.stringify(doc).length < bytes; i++) {
    doc[`field${i}`] = { id: i, name: `item number ${i}`, done: i % 2 === 0, scores: [i, i + 1, i + 2] }
  }
  return doc
}

const patches: Record<string, { forward: Operation[]; back: Operation[] }> = {
  '1-op': {
    forward: [{ op: 'replace', path: '/text', value: 'Updated text' }],
    back: [{ op: 'replace', path: '/text', value: 'Hello, World!' }],
  },
  '5-op': {
    forward: [
      { op: 'replace', path: '/text', value: 'Updated text' },
      { op: 'add', path: '/tags/-', value: 'c' },
      { op: 'replace', path: '/meta/version', value: 2 },
      { op: 'add', path: '/extra', value: { nested: [1, 2, 3] } },
      { op: 'remove', path: '/field0/done' },
    ],
    back: [
      { op: 'add', path: '/field0/done', value: true },
      { op: 'remove', path: '/extra' },
      { op: 'replace', path: '/meta/version', value: 1 },
      { op: 'remove', path: '/tags/2' },
      { op: 'replace', path: '/text', value: 'Hello, World!' },
    ],
  },
}

type Contender = 'patchsync' | 'fast-json-patch'

/** Applies per second of `run` (which applies twice) over one round of about `ms` milliseconds. */
function round(run: () => void, ms: number): number {
  let n = 0
  const start = process.hrtime.bigint()
  let elapsed = 0
  while (elapsed < ms) {
    for (let i = 0; i < 1000; i++) run()
    n += 1000
    elapsed = Number(process.hrtime.bigint() - start) / 1e6
  }
  return (n * 2 * 1000) / elapsed // two applies per run
}

/** In a child process: one contender on one case; prints its best of two rounds and its document. */
function measure(contender: Contender, size: number, name: string): void {
  const { forward, back } = patches[name]!
  const start = documentOfSize(size)
  let run: () => void
  let result: () => unknown
  if (contender === 'patchsync') {
    let doc: unknown = start
    const bytes = Buffer.byteLength(JSON.stringify(start))
    run = () => {
      const first = applyPatch(doc, forward, { size: bytes })
      doc = applyPatch(first.doc, first.reverse, { size: first.size }).doc
    }
    result = () => doc
  } else {
    run = () => {
      fastJsonPatch.applyPatch(start, forward, false, true)
      fastJsonPatch.applyPatch(start, back, false, true)
    }
    result = () => start
  }
  for (let i = 0; i < 20_000; i++) run() // warm up
  const best = Math.max(round(run, 300), round(run, 300))
  process.stdout.write(JSON.stringify({ best, doc: JSON.stringify(result()) }))
}

function child(contender: Contender, size: number, name: string): { best: number; doc: string } {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), 'child', contender, String(size), name], { encoding: 'utf8' })
  return JSON.parse(out) as { best: number; doc: string }
}

if (process.argv[2] === 'child') {
  measure(process.argv[3] as Contender, Number(process.argv[4]), process.argv[5]!)
} else {
  console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'})`)
  console.log('| document | patch | patchsync apply+reverse (applies/s) | fast-json-patch apply (applies/s) | ratio |')
  console.log('|---|---|---|---|---|')
  for (const size of [1024, 16 * 1024]) {
    for (const name of Object.keys(patches)) {
      let patchsync = 0
      let plain = 0
      for (let r = 0; r < 5; r++) {
        const ours = child('patchsync', size, name)
        const theirs = child('fast-json-patch', size, name)
        // Both sides did the same work: the two documents end identical, member order included.
        if (ours.doc !== theirs.doc) throw new Error(`${name}: the documents drifted apart`)
        patchsync = Math.max(patchsync, ours.best)
        plain = Math.max(plain, theirs.best)
      }
      const label = `${(Buffer.byteLength(JSON.stringify(documentOfSize(size))) / 1024).toFixed(1)} KB`
      console.log(
        `| ${label} | ${name} | ${Math.round(patchsync).toLocaleString('en')} | ${Math.round(plain).toLocaleString('en')} | ${(plain / patchsync).toFixed(2)}x |`,
      )
    }
  }
}
