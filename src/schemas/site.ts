import { z } from 'zod';
import { displayText, text, webUrl } from './common.ts';
import { languageTag } from './language.ts';

/**
 * `content/site.yaml`: the publication's own settings, kept with its content.
 * Every field is optional; a missing file means the defaults a new desk starts from.
 * Checks that need the file system or arithmetic (the logo exists, the accent's
 * contrast, the licence id) are in pipeline/load/site-settings.ts.
 */

/** A CSS colour: `#8a1c1c`, `#8a1c1c` with alpha is refused (contrast would depend on what is under it). */
export const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const color = z.string({ error: 'must be a colour written #rrggbb' }).regex(HEX_COLOR, { error: 'must be a colour written #rrggbb (e.g. "#8a1c1c")' });

/** The accent: one colour (for the light theme; the dark theme gets the nearest lighter shade that passes), or one for each. */
export const accentSchema = z.union([
  color,
  z.strictObject({
    /** On the light theme's paper. */
    light: color,
    /** On the dark theme's background. */
    dark: color,
  }),
]);

/** `@name@instance.social`: a fediverse (Mastodon) account. */
const FEDIVERSE_HANDLE = /^@?[A-Za-z0-9_.-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

export const socialSchema = z.strictObject({
  /** X (Twitter) handle, `@desk`: used for `twitter:site`. */
  x: z.string({ error: 'must be a handle such as "@desk"' }).regex(/^@?[A-Za-z0-9_]{1,15}$/, { error: 'must be an X handle: up to 15 letters, digits or "_" (e.g. "@desk")' }).optional(),
  /** Bluesky handle, `desk.bsky.social` or your own domain. */
  bluesky: z.string({ error: 'must be a handle such as "desk.bsky.social"' }).regex(/^@?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/, { error: 'must be a Bluesky handle such as "desk.bsky.social"' }).optional(),
  /** Fediverse (Mastodon) account, `@desk@mastodon.social`: used for `fediverse:creator`. */
  mastodon: z.string({ error: 'must be an account such as "@desk@mastodon.social"' }).regex(FEDIVERSE_HANDLE, { error: 'must be a fediverse account such as "@desk@mastodon.social"' }).optional(),
  /** LinkedIn page, a full https URL. */
  linkedin: webUrl.refine((url) => /^https:\/\/([a-z]+\.)?linkedin\.com\//.test(url), { error: 'must be a https://www.linkedin.com/… URL' }).optional(),
});

const isWebUrl = (value: string) => webUrl.safeParse(value).success;

/** A link in the footer. */
export const footerLinkSchema = z.strictObject({
  /** The link's text. */
  label: displayText,
  /** Where it goes: an http(s) URL or a path on this site ("/about/"). */
  url: z.string({ error: 'must be a URL or a site path' }).refine((v) => isWebUrl(v) || /^\/(?!\/)/.test(v), { error: 'must be an http(s) URL or a site path starting with "/"' }),
});

export const siteSchema = z.strictObject({
  /** The publication's name: header, titles, feeds, share cards, structured data. */
  name: displayText.optional(),
  /** One line under the name, in the footer and the feeds' description. */
  tagline: text.optional(),
  /** BCP 47 tag of the site's language: `<html lang>`, dates, feeds and search. Default "en". */
  language: languageTag.optional(),
  /** An SVG or PNG in the content folder, e.g. "logo.svg": header, cards, favicons, structured data. */
  logo: z.string({ error: 'must be a file name such as "logo.svg"' }).regex(/\.(svg|png)$/i, { error: 'must be an .svg or .png file in the content folder' }).optional(),
  /** The accent colour (labels, the current menu item, the bars of share cards); checked for WCAG AA contrast in both themes. */
  accent: accentSchema.optional(),
  /** The publication's accounts, for link previews and structured data. */
  social: socialSchema.optional(),
  /** Licence of the text and open data: an SPDX id ("CC-BY-4.0") or a URL. */
  license: z.string({ error: 'must be an SPDX licence id such as "CC-BY-4.0" or a URL' }).trim().min(1).optional(),
  /** How readers reach the desk: an https URL or a mailto: address. */
  contact: z.string({ error: 'must be a URL or mailto:address' }).refine((v) => isWebUrl(v) || /^mailto:[^@\s]+@[^@\s]+$/.test(v), { error: 'must be an http(s) URL or mailto:address' }).optional(),
  /** The corrections policy page, if it is not the generated /corrections/ list. */
  corrections: webUrl.optional(),
  /** Extra links in the footer. */
  footer: z.array(footerLinkSchema).default([]),
});

export type SiteInput = z.input<typeof siteSchema>;
export type SiteData = z.infer<typeof siteSchema>;
