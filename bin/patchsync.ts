#!/usr/bin/env node
/** The `patchsync` command: serve (the default), user, client, conformance. */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const USAGE = `Usage: patchsync [command] [options]

Commands:
  serve         start the server (the default command; patchsync serve --help lists its options)
  user          add, list and remove users, rotate their tokens (patchsync user --help)
  client        the interactive client (patchsync client --help)
  conformance   run the conformance suite against a server or this package's core

Options:
  -h, --help     show this text
  -v, --version  print the version`

/** Each command, loaded only when run: the client needs none of the server's modules, and so on. */
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  serve: async (argv) => (await import('../server/cli.js')).serve(argv),
  user: async (argv) => (await import('../server/user-cli.js')).userCommand(argv),
  client: async (argv) => (await import('../client/cli.js')).runClientCli(argv),
  conformance: async (argv) => (await import('../conformance/cli.js')).runConformanceCli(argv),
}

/** The version in package.json: one level up from bin/ in the sources, two from dist/bin/. */
function version(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string }
      if (manifest.name === 'patchsync' && manifest.version) return manifest.version
    } catch {
      // Not this level.
    }
  }
  throw new Error('package.json not found beside the patchsync command')
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv
  if (first !== undefined && !first.startsWith('-')) {
    const command = COMMANDS[first]
    if (command) return command(rest)
    console.error(`patchsync: unknown command "${first}" (commands: ${Object.keys(COMMANDS).join(', ')}; see patchsync --help)`)
    return 2
  }
  // `patchsync --port 9000` is `patchsync serve --port 9000`: serve is the default command.
  if (!['-h', '--help', '-v', '--version'].includes(first ?? '')) return COMMANDS.serve!(argv)
  let values: { help?: boolean; version?: boolean }
  try {
    values = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } }).values
  } catch (error) {
    console.error(`patchsync: ${(error as Error).message}`)
    return 2
  }
  console.log(values.version ? version() : USAGE)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
