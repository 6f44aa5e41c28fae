/**
 * Cards are cached by a hash of everything that decides their pixels: the text,
 * the template version, the font files and the renderer versions. Same inputs →
 * same file name, so the cache cannot serve a stale card: any change of input is
 * a different key.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontsFor } from './fonts.ts';
import { TEMPLATE_VERSION, cardStrings, type CardContent } from './layout.ts';

const require = createRequire(import.meta.url);
const RENDER_PACKAGES = ['satori', '@resvg/resvg-js', '@fontsource/inter', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-sc'];

let rendererFingerprint: string | undefined;
function fingerprint(): string {
  rendererFingerprint ??= RENDER_PACKAGES.map((pkg) => {
    const manifest = JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
    return `${pkg}@${manifest.version}`;
  }).join(',');
  return rendererFingerprint;
}

export function cardKey(content: CardContent): string {
  const fonts = fontsFor(cardStrings(content)).files;
  return createHash('sha256')
    .update(JSON.stringify({ template: TEMPLATE_VERSION, renderer: fingerprint(), fonts, content }))
    .digest('hex')
    .slice(0, 32);
}

export function defaultCacheDir(root: string): string {
  return path.resolve(root, process.env.CARD_CACHE_DIR ?? 'node_modules/.cache/briefing-cards');
}

export const cacheFileFor = (cacheDir: string, key: string) => path.join(cacheDir, key.slice(0, 2), `${key}.png`);
