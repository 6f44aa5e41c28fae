/**
 * The publication's accounts as profile URLs, for the footer, `sameAs` in
 * structured data and the meta tags link previews read.
 */
import type { PublicationSettings } from '../config/settings.ts';

export interface SocialProfile {
  label: string;
  url: string;
}

export function socialProfiles(social: PublicationSettings['social']): SocialProfile[] {
  const profiles: SocialProfile[] = [];
  if (social.x) profiles.push({ label: 'X', url: `https://x.com/${social.x.slice(1)}` });
  if (social.bluesky) profiles.push({ label: 'Bluesky', url: `https://bsky.app/profile/${social.bluesky}` });
  if (social.mastodon) {
    const [user, host] = social.mastodon.slice(1).split('@');
    profiles.push({ label: 'Mastodon', url: `https://${host}/@${user}` });
  }
  if (social.linkedin) profiles.push({ label: 'LinkedIn', url: social.linkedin });
  return profiles;
}
