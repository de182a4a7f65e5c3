#!/usr/bin/env node
/** The `patchsync` command: serve (default), user add, client, conformance. */
const args = process.argv.slice(2)
// `patchsync --port 9000` is `patchsync serve --port 9000`: serve is the default command.
const [command = 'serve', ...rest] = args[0]?.startsWith('-') && !['-h', '--help'].includes(args[0]) ? ['serve', ...args] : args

const usage = `Usage: patchsync <command> [options]

Commands:
  serve                   start the server (default; see patchsync serve --help)
  user add --user <uuid> --token <token>
                          add a user (for servers run with --no-auto-register)
  client --server <url> --db <path> --user <uuid> --token <token>
                          interactive client
  conformance --server <url> | --vectors
                          run the conformance suite`

async function main(): Promise<number> {
  switch (command) {
    case 'serve':
      return (await import('../server/cli.js')).serve(rest)
    case 'user':
      if (rest[0] === 'add') return (await import('../server/cli.js')).userAdd(rest.slice(1))
      break
    case 'client': {
      const { runClientCli } = await import('../client/cli.js')
      return runClientCli(rest)
    }
    case 'conformance': {
      const { runConformanceCli } = await import('../conformance/cli.js')
      return runConformanceCli(rest)
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(usage)
      return 0
  }
  console.error(usage)
  return 2
}

process.exitCode = await main()
