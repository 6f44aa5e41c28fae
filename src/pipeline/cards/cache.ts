/**
 * Cards are cached by a hash of everything that decides their pixels: the text,
 * the template version, the font files, the renderer versions, how text is drawn and the PNG options. Same inputs →
 * same file name, so the cache cannot serve a stale card: any change of input is
 * a different key. Where and how an entry is kept, and checked before reuse: store.ts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { packageVersions } from '../../util/package-versions.ts';
import { drawableCard } from './coverage.ts';
import { FONT_PACKAGES } from './font-families.ts';
import { fontsFor } from './fonts.ts';
import { CARD_TEMPLATE_VERSION, cardStrings, type CardContent } from './layout.ts';
import { PNG_ENCODING } from './png.ts';
import { TEXT_DRAWING } from './skia-text.ts';

/**
 * Every package whose version decides a card's pixels: the renderers, the shaping
 * and bidi code of shaped-text.ts and direction.ts, the cmap reader, every font package.
 */
const RENDER_PACKAGES = ['satori', '@napi-rs/canvas', 'sharp', 'harfbuzzjs', 'bidi-js', 'fontkitten', ...FONT_PACKAGES];

export function cardKey(content: CardContent): string {
  // The fonts of what is drawn: characters no font covers are drawn as U+FFFD, which needs a font of its own.
  const fonts = fontsFor(cardStrings(drawableCard(content))).files;
  return createHash('sha256')
    .update(JSON.stringify({ template: CARD_TEMPLATE_VERSION, renderer: packageVersions(RENDER_PACKAGES), png: PNG_ENCODING, text: TEXT_DRAWING, fonts, content }, withoutFilePaths))
    .digest('hex')
    .slice(0, 32);
}

/** The logo's bytes are in the key by their hash; where the checkout lies on disk is not (so caches move between machines). */
const withoutFilePaths = (key: string, value: unknown) => (key === 'file' ? undefined : value);

export function defaultCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, env.CARD_CACHE_DIR ?? 'node_modules/.cache/briefing-cards');
}
