import sharp from 'sharp';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { renderCardSvg } from '../src/cards/render.ts';
const mode = process.argv[2];
const c = { kind: 'briefing', siteName: 'Briefing Desk', title: 'Lavrov: Moscow has “run out of patience” over security guarantees', summary: 'Russia’s foreign minister demanded written answers.', date: '2022-01-14', actors: ['Sergey Lavrov'] } as any;
const svg = Buffer.from(await renderCardSvg(c));
const rss0 = process.memoryUsage().rss;
const t = performance.now(); let size = 0;
for (let i = 0; i < 400; i++) {
  let png: Buffer;
  if (mode === 'sync') png = new Resvg(svg).render().asPng();
  else if (mode === 'async') png = (await renderAsync(svg)).asPng();
  else { const img = new Resvg(svg).render(); png = await sharp(img.pixels, { raw: { width: img.width, height: img.height, channels: 4 } }).png({ palette: true }).toBuffer(); }
  size = png.length;
  if (i % 20 === 0) (globalThis as any).gc?.();
}
console.log(mode, ((performance.now() - t) / 400).toFixed(1), 'ms/card', size, 'bytes', 'rss growth MB', ((process.memoryUsage().rss - rss0) / 1e6).toFixed(0));
