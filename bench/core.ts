/**
 * npm run bench:core — patchsync's apply-with-reverse against fast-json-patch's plain in-place
 * apply, on a 1 KB and a 16 KB document with a 1-op and a 5-op patch. Each iteration applies a
 * patch and then the patch that undoes it, so the document is the same at every iteration; for
 * fast-json-patch the undoing patch is written by hand once (it cannot produce one).
 */
import { cpus } from 'node:os'
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

function opsPerSecond(run: () => void): number {
  for (let i = 0; i < 20_000; i++) run() // warm up
  let best = 0
  for (let round = 0; round < 5; round++) {
    let n = 0
    const start = process.hrtime.bigint()
    let elapsed = 0
    while (elapsed < 300) {
      for (let i = 0; i < 1000; i++) run()
      n += 1000
      elapsed = Number(process.hrtime.bigint() - start) / 1e6
    }
    best = Math.max(best, (n * 2 * 1000) / elapsed) // two applies per run
  }
  return best
}

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'})`)
console.log('| document | patch | patchsync apply+reverse (applies/s) | fast-json-patch apply (applies/s) | ratio |')
console.log('|---|---|---|---|---|')
for (const size of [1024, 16 * 1024]) {
  for (const [name, { forward, back }] of Object.entries(patches)) {
    const ours = documentOfSize(size)
    const theirs = documentOfSize(size)
    const bytes = Buffer.byteLength(JSON.stringify(ours))
    let doc: unknown = ours
    const patchsync = opsPerSecond(() => {
      const first = applyPatch(doc, forward, { size: bytes })
      doc = applyPatch(first.doc, first.reverse, { size: first.size }).doc
    })
    const plain = opsPerSecond(() => {
      fastJsonPatch.applyPatch(theirs, forward, false, true)
      fastJsonPatch.applyPatch(theirs, back, false, true)
    })
    const label = `${(bytes / 1024).toFixed(1)} KB`
    console.log(`| ${label} | ${name} | ${Math.round(patchsync).toLocaleString('en')} | ${Math.round(plain).toLocaleString('en')} | ${(plain / patchsync).toFixed(2)}x |`)
  }
}
