/** One `packages` entry of package-lock.json (lockfile version 3), as far as installing goes. */
export interface LockEntry {
  version?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  hasInstallScript?: boolean
}

/** The edges npm follows when it installs a package: dependencies, optional ones, and peers not marked optional. */
function installedEdges(entry: LockEntry): string[] {
  const peers = Object.keys(entry.peerDependencies ?? {}).filter((name) => !entry.peerDependenciesMeta?.[name]?.optional)
  return [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers]
}

/** Where Node (and npm's tree) finds `name` from the package at `from`: its own node_modules, then each parent's. */
function resolve(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let at = from; ; at = at.includes('/node_modules/') ? at.slice(0, at.lastIndexOf('/node_modules/')) : '') {
    const candidate = `${at === '' ? '' : `${at}/`}node_modules/${name}`
    if (packages[candidate]) return candidate
    if (at === '') return undefined
  }
}

/**
 * The packages an app gets when it installs a package with this manifest, at the versions the
 * lockfile pins: the transitive closure of its installed edges. A dependency the lockfile does not
 * hold is an error (the lockfile is stale), never silently left out.
 */
export function installClosure(manifest: LockEntry, packages: Record<string, LockEntry>): Map<string, LockEntry> {
  const found = new Map<string, LockEntry>()
  const visit = (from: string, entry: LockEntry) => {
    for (const name of installedEdges(entry)) {
      const path = resolve(packages, from, name)
      if (path === undefined) throw new Error(`${name} (needed by ${from || 'the package'}) is not in package-lock.json`)
      if (found.has(path)) continue
      found.set(path, packages[path]!)
      visit(path, packages[path]!)
    }
  }
  visit('', manifest)
  return found
}
