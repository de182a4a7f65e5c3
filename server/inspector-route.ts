import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerResponse } from 'node:http'

/**
 * The history inspector page (`/inspect`): static files that `npm run build:browser` writes to
 * `dist/inspect/` (`inspector/` holds their sources). The page signs in over the server's own
 * WebSocket endpoint, like any client, so serving it grants nothing.
 */
export const INSPECTOR_PATH = '/inspect'

/**
 * Where the built page is: `dist/inspect/`, beside this module's `dist/server/` in the package, or
 * under `dist/` when the server runs from its TypeScript sources (`server/`, through tsx).
 */
export function builtInspector(): string {
  const candidates = ['../inspect/', '../dist/inspect/'].map((path) => fileURLToPath(new URL(path, import.meta.url)))
  return candidates.find((directory) => existsSync(join(directory, 'index.html'))) ?? candidates[0]!
}

const FILES: Record<string, { file: string; type: string }> = {
  [INSPECTOR_PATH]: { file: 'index.html', type: 'text/html; charset=utf-8' },
  [`${INSPECTOR_PATH}/`]: { file: 'index.html', type: 'text/html; charset=utf-8' },
  [`${INSPECTOR_PATH}/inspector.js`]: { file: 'inspector.js', type: 'text/javascript; charset=utf-8' },
  [`${INSPECTOR_PATH}/inspector.css`]: { file: 'inspector.css', type: 'text/css; charset=utf-8' },
}

/**
 * Nothing but the page's own files and the WebSocket it signs in on (the same origin); the
 * WebSocket path is given to the page in a meta tag.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
}

/** The inspector's routes, for `httpRoutes`: its page, script and styles read from `directory`, with the WebSocket path put in the page. */
export function inspectorRoutes(directory: string, webSocketPath: string): Record<string, (res: ServerResponse) => Promise<void>> {
  const routes: Record<string, (res: ServerResponse) => Promise<void>> = {}
  for (const [path, { file, type }] of Object.entries(FILES)) {
    routes[path] = async (res) => {
      let body: string
      try {
        body = await readFile(join(directory, file), 'utf8')
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`the inspector page is not built in ${directory}: run npm run build:browser\n`)
        return
      }
      if (file === 'index.html') body = body.replace('{{WS_PATH}}', escapeAttribute(webSocketPath))
      res.writeHead(200, { 'content-type': type, ...SECURITY_HEADERS }).end(body)
    }
  }
  return routes
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
