/**
 * The accent colour is used for text (labels, the current page in the menu) and
 * for the search button under background-coloured text, so it must meet WCAG AA
 * for normal text, 4.5:1, against the background and the surface of its theme.
 * A colour that fails is refused with the ratio measured and the nearest colour
 * of the same hue that passes.
 */
import { formatHex, oklch, parse, wcagContrast } from 'culori';
import { THEME, type ThemeColor } from '../../config/settings.ts';
import type { SiteData } from '../../schemas/site.ts';

export const AA_TEXT = 4.5;

type Theme = keyof typeof THEME;

/** The lowest contrast of `color` against the theme's background and surface. */
export function contrastOn(theme: Theme, color: string): { ratio: number; against: string } {
  const [bg, surface] = [THEME[theme].bg, THEME[theme].surface].map((c) => ({ c, ratio: wcagContrast(color, c) }));
  return bg!.ratio <= surface!.ratio ? { ratio: bg!.ratio, against: bg!.c } : { ratio: surface!.ratio, against: surface!.c };
}

/** The colour of the same hue and chroma, darker on light / lighter on dark, that first passes AA. */
export function nearestPassing(theme: Theme, color: string): string | undefined {
  const start = oklch(parse(color));
  if (!start) return undefined;
  for (let step = 1; step <= 100; step++) {
    const l = theme === 'light' ? start.l - step / 100 : start.l + step / 100;
    if (l < 0 || l > 1) break;
    const candidate = formatHex({ ...start, l });
    if (candidate && contrastOn(theme, candidate).ratio >= AA_TEXT) return candidate;
  }
  return undefined;
}

/** Checks the accent of site.yaml; `undefined` when none is set or it fails (after `fail`). */
export function checkAccent(accent: SiteData['accent'], fail: (message: string) => void): ThemeColor | undefined {
  if (accent === undefined) return undefined;
  // No one colour reads well on both backgrounds (it would need a luminance below 0.17 for the
  // light theme and above 0.24 for the dark): a single accent is the light theme's, and the dark
  // theme gets the nearest lighter shade of it that passes.
  const single = typeof accent === 'string';
  const light = (single ? accent : accent.light).toLowerCase();
  const dark = single ? (contrastOn('dark', light).ratio >= AA_TEXT ? light : nearestPassing('dark', light)) : accent.dark.toLowerCase();
  const colors: ThemeColor = { light, dark: dark ?? light };
  const problems: string[] = [];
  for (const theme of single ? (['light'] as const) : (['light', 'dark'] as const)) {
    const { ratio, against } = contrastOn(theme, colors[theme]);
    if (ratio >= AA_TEXT) continue;
    const better = nearestPassing(theme, colors[theme]);
    problems.push(`${colors[theme]} has a contrast of ${ratio.toFixed(2)}:1 on the ${theme} theme's ${against} (WCAG AA needs ${AA_TEXT}:1)${better ? `; the nearest that passes is "${better}"` : ''}`);
  }
  if (!problems.length) return colors;
  fail(`"accent" ${problems.join(', and ')}`);
  return undefined;
}
