/** Installed versions of packages, for cache keys: a cache written by other versions must not be reused. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const known = new Map<string, string>();

/** "name@version name@version …" for the given packages, as installed. */
export function packageVersions(names: readonly string[]): string {
  return names
    .map((name) => {
      let version = known.get(name);
      if (version === undefined) {
        try {
          version = (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
        } catch {
          version = '?';
        }
        known.set(name, version);
      }
      return `${name}@${version}`;
    })
    .join(' ');
}
