/**
 * The publication's icons, made from its logo (or, without one, a monogram of its
 * name in the accent colour): an SVG favicon, 16/32/48 px in `/favicon.ico`, a
 * 32 px PNG, the 180 px `apple-touch-icon` (opaque: iOS paints transparency black)
 * and a 512 px icon for feeds and structured data. With them the logo itself and,
 * when site.yaml sets an accent, the stylesheet that applies it.
 */
import { readFileSync } from 'node:fs';
import pngToIco from 'png-to-ico';
import satori from 'satori';
import sharp from 'sharp';
import { THEME, type PublicationSettings } from '../../config/settings.ts';
import { brandPaths } from '../../routes.ts';
import { fontsFor } from '../cards/fonts.ts';

export interface BrandFile {
  /** Base-less site path. */
  sitePath: string;
  type: string;
  body: Buffer;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** "BD" for "Briefing Desk": the first letter of the first two words. */
export function monogramLetters(name: string): string {
  const words = name.split(/\s+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = (word: string) => segmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
  return words.slice(0, 2).map(first).join('').toLocaleUpperCase() || '•';
}

/** A rounded square in the accent colour with the name's initials, text drawn as paths (no fonts needed later). */
async function monogramSvg(publication: PublicationSettings): Promise<string> {
  const letters = monogramLetters(publication.name);
  const { fonts, family } = fontsFor(letters);
  const size = 512;
  const tree = {
    type: 'div',
    props: {
      style: { width: size, height: size, display: 'flex', alignItems: 'center', justifyContent: 'center', borderRadius: 96, backgroundColor: publication.accent.light, color: '#ffffff', fontFamily: family, fontWeight: 700, fontSize: letters.length > 1 ? 250 : 320, letterSpacing: -8 },
      children: letters,
    },
  };
  return satori(tree as unknown as Parameters<typeof satori>[0], { width: size, height: size, fonts });
}

/** The icon's source image: the logo as it is, or the monogram. */
async function iconSource(publication: PublicationSettings): Promise<{ bytes: Buffer; svg: boolean; width: number; height: number }> {
  const { logo } = publication;
  if (logo) return { bytes: readFileSync(logo.file), svg: logo.type === 'image/svg+xml', width: logo.width, height: logo.height };
  return { bytes: Buffer.from(await monogramSvg(publication)), svg: true, width: 512, height: 512 };
}

const hexToRgb = (hex: string) => ({ r: Number.parseInt(hex.slice(1, 3), 16), g: Number.parseInt(hex.slice(3, 5), 16), b: Number.parseInt(hex.slice(5, 7), 16) });

/** A square PNG of `size` px, the image fitted inside; transparent around it unless `background`. */
async function squarePng(source: Awaited<ReturnType<typeof iconSource>>, size: number, background?: string): Promise<Buffer> {
  // An SVG is rasterised at the density that gives `size` pixels, not scaled up from 72 dpi.
  const density = source.svg ? Math.min(2400, Math.max(72, Math.ceil((72 * size) / Math.min(source.width, source.height)))) : undefined;
  const fill = background ? { ...hexToRgb(background), alpha: 1 } : { r: 0, g: 0, b: 0, alpha: 0 };
  const padding = background ? Math.round(size * 0.1) : 0;
  const inner = size - 2 * padding;
  let image = sharp(source.bytes, density ? { density } : {}).resize(inner, inner, { fit: 'contain', background: fill });
  if (padding) image = image.extend({ top: padding, bottom: padding, left: padding, right: padding, background: fill });
  if (background) image = image.flatten({ background: fill });
  return image.png({ compressionLevel: 9 }).toBuffer();
}

/** The favicon as SVG: the SVG logo or monogram itself; a PNG logo wrapped in one. */
function faviconSvg(source: Awaited<ReturnType<typeof iconSource>>, png32: Buffer): Buffer {
  if (source.svg) return source.bytes;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><image width="32" height="32" href="data:image/png;base64,${png32.toString('base64')}"/></svg>`);
}

/** `--accent` for both themes, over the default stylesheet's; print stays black. */
export function accentCss(publication: PublicationSettings): string {
  const { light, dark } = publication.accent;
  return [
    `html:root { --accent: ${light}; }`,
    `@media (prefers-color-scheme: dark) { html:root { --accent: ${dark}; } }`,
    '@media print { html:root { --accent: #000; } }',
    '',
  ].join('\n');
}

/**
 * The site paths `brandFiles` makes, known without making them: the dev server answers
 * every other request at once instead of waiting for the icons to be drawn.
 */
export function brandFilePaths(publication: PublicationSettings): string[] {
  return [
    brandPaths.faviconIco(), brandPaths.faviconSvg(), brandPaths.favicon32(), brandPaths.appleTouchIcon(), brandPaths.icon512(),
    ...(publication.logo ? [publication.logo.sitePath] : []),
    ...(publication.customAccent ? [brandPaths.accentCss()] : []),
  ];
}

export async function brandFiles(publication: PublicationSettings): Promise<BrandFile[]> {
  const source = await iconSource(publication);
  const [png16, png32, png48, touch, icon512] = await Promise.all([
    squarePng(source, 16),
    squarePng(source, 32),
    squarePng(source, 48),
    squarePng(source, 180, THEME.light.bg),
    squarePng(source, 512),
  ]);
  const files: BrandFile[] = [
    { sitePath: brandPaths.faviconIco(), type: 'image/x-icon', body: await pngToIco([png16, png32, png48]) },
    { sitePath: brandPaths.faviconSvg(), type: 'image/svg+xml', body: faviconSvg(source, png32) },
    { sitePath: brandPaths.favicon32(), type: 'image/png', body: png32 },
    { sitePath: brandPaths.appleTouchIcon(), type: 'image/png', body: touch },
    { sitePath: brandPaths.icon512(), type: 'image/png', body: icon512 },
  ];
  if (publication.logo) files.push({ sitePath: publication.logo.sitePath, type: publication.logo.type, body: readFileSync(publication.logo.file) });
  if (publication.customAccent) files.push({ sitePath: brandPaths.accentCss(), type: 'text/css; charset=utf-8', body: Buffer.from(accentCss(publication)) });
  return files;
}
