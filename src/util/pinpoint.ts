/**
 * Where in a source a statement is, as readers see it: "at 12:31", "p. 4",
 * "§ Q&A". A moment in an audio or video file links with a Media Fragments
 * `#t=` (seconds), so the player starts there.
 */
import type { Pinpoint } from '../pipeline/model.ts';

export interface PinpointView {
  label: string;
  /** The source at the moment, for audio and video files. */
  href?: string;
}

const MEDIA_FILE = /\.(?:mp3|m4a|aac|oga|ogg|opus|wav|flac|mp4|m4v|mov|ogv|webm)$/i;

/** "00:12:31" → 751. */
export function seconds(time: string): number {
  return time.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
}

/** "00:12:31" → "12:31", "00:05:00" → "5:00"; "0:05" and "1:02:03" stay. */
function shortTime(time: string): string {
  const parts = time.split(':');
  if (parts.length === 3 && Number(parts[0]) === 0) return `${Number(parts[1])}:${parts[2]}`;
  return time;
}

export function pinpointView(url: string, pinpoint: Pinpoint | undefined): PinpointView | undefined {
  if (!pinpoint) return undefined;
  const parts = [
    pinpoint.at !== undefined ? `at ${shortTime(pinpoint.at)}` : undefined,
    pinpoint.page !== undefined ? `p. ${pinpoint.page}` : undefined,
    pinpoint.section !== undefined ? `§ ${pinpoint.section}` : undefined,
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  let media = false;
  try {
    media = MEDIA_FILE.test(new URL(url).pathname);
  } catch {
    media = false;
  }
  const href = pinpoint.at !== undefined && media ? `${url.replace(/#.*$/, '')}#t=${seconds(pinpoint.at)}` : undefined;
  return { label: parts.join(', '), ...(href ? { href } : {}) };
}
