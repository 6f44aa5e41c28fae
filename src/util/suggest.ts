import { distance } from 'fastest-levenshtein';

/**
 * The known value closest to a misspelled one, or undefined when nothing is close
 * enough to be a plausible typo (so we never suggest "nato" for "sullivan").
 */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const needle = value.toLowerCase();
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    // A prefix or suffix match ("lavrov" for "sergey-lavrov") is as good as a typo.
    const d = hay.includes(needle) || needle.includes(hay) ? Math.abs(hay.length - needle.length) / 4 : distance(needle, hay);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(value.length, best.length) * 0.4));
  return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = nearest(value, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
