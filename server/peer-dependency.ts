import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * Loads one of the server's drivers, which are optional peer dependencies of the package (the app
 * installs the ones it runs on, so a client-only app never builds them). Loaded when first needed,
 * so that `patchsync/server` can be imported without them and a missing one is named with the
 * command that installs it, not as a module-resolution stack trace.
 */
export function requirePeer<T>(name: 'argon2' | 'better-sqlite3' | 'pg', neededFor: string): T {
  try {
    return require(name) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !String((error as Error).message).includes(`'${name}'`)) throw error
    throw new Error(`${neededFor} needs the package ${name}, which is not installed: run npm install ${name}`, { cause: error })
  }
}
