/**
 * SVG → PNG for one share card, 400 times, by one method per run:
 *
 *   node --expose-gc bench/rasterizers.ts sync|async|async-sharp-png|sharp-svg|sharp-palette
 *
 * - sync:            new Resvg(svg).render().asPng() (leaks its pixel buffer, see src/pipeline/cards/render.ts)
 * - async:           renderAsync(svg).asPng(): what the site uses
 * - async-sharp-png: renderAsync for the pixels, sharp (libvips/libspng) to encode the PNG
 * - sharp-svg:       sharp(svg).png(): librsvg rasterizes and encodes
 * - sharp-palette:   resvg pixels, sharp PNG with palette quantization (what this script's
 *                    old "sharp" mode measured: the quantizer, not librsvg, is what was slow)
 *
 * All resvg calls use the production options (no system fonts: loading them costs
 * ~10 ms a call). Prints wall and CPU time a card, PNG size and RSS growth.
 * bench/cards.ts breaks a card's CPU time down by stage on a whole corpus.
 */
import sharp from 'sharp';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { renderCardSvg } from '../src/pipeline/cards/render.ts';
import type { CardContent } from '../src/pipeline/cards/layout.ts';

const mode = process.argv[2] ?? 'async';
const card: CardContent = {
  kind: 'briefing',
  siteName: 'Briefing Desk',
  title: 'Lavrov: Moscow has “run out of patience” over security guarantees',
  summary: 'Russia’s foreign minister demanded written answers.',
  date: '2022-01-14',
  actors: ['Sergey Lavrov'],
};
const options = { fitTo: { mode: 'original' as const }, font: { loadSystemFonts: false } };
const svg = Buffer.from(await renderCardSvg(card));
const raw = (image: { width: number; height: number }) => ({ raw: { width: image.width, height: image.height, channels: 4 as const } });

async function once(): Promise<Buffer> {
  switch (mode) {
    case 'sync':
      return new Resvg(svg, options).render().asPng();
    case 'async':
      return (await renderAsync(svg, options)).asPng();
    case 'async-sharp-png': {
      const image = await renderAsync(svg, options);
      return sharp(image.pixels, raw(image)).png({ compressionLevel: 6 }).toBuffer();
    }
    case 'sharp-svg':
      return sharp(svg).png().toBuffer();
    case 'sharp-palette': {
      const image = await renderAsync(svg, options);
      return sharp(image.pixels, raw(image)).png({ palette: true }).toBuffer();
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
for (let i = 0; i < 5; i++) await once(); // warm-up
const rss0 = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t = performance.now();
let size = 0;
const N = Number(process.env.RASTER_N ?? 400);
for (let i = 0; i < N; i++) {
  size = (await once()).length;
  if (i % 20 === 0) gc?.();
}
const cpu = process.cpuUsage(cpu0);
console.log(
  `${mode}: ${((performance.now() - t) / N).toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000 / N).toFixed(1)} ms CPU a card; ` +
    `${size} bytes; RSS growth ${((process.memoryUsage().rss - rss0) / 1e6).toFixed(0)} MB${gc ? '' : ' (run with --expose-gc)'}`,
);
