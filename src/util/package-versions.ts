/** Installed versions of packages, for cache keys: a cache written by other versions must not be reused. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const known = new Map<string, string>();

function versionAboveEntry(name: string): string | undefined {
  try {
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      const file = path.join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  } catch {
    return undefined;
  }
}

/** "name@version name@version …" for the given packages, as installed. */
export function packageVersions(names: readonly string[]): string {
  return names
    .map((name) => {
      let version = known.get(name);
      if (version === undefined) {
        try {
          version = (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
        } catch {
          // A package whose `exports` hide package.json (fontkitten): found above its entry point.
          version = versionAboveEntry(name) ?? '?';
        }
        known.set(name, version);
      }
      return `${name}@${version}`;
    })
    .join(' ');
}
