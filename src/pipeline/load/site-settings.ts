/**
 * `content/site.yaml`, the publication's settings: read, validated like frontmatter
 * (located errors, suggestions), and turned into PublicationSettings. A missing
 * file is the defaults; a file with errors yields the defaults plus its diagnostics,
 * so the build stops before anything is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { DEFAULT_PUBLICATION, type PublicationSettings } from '../../config/settings.ts';
import { brandPaths } from '../../routes.ts';
import { siteSchema, type SiteData } from '../../schemas/site.ts';
import { didYouMean } from '../../util/suggest.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { checkAccent } from './accent-contrast.ts';
import { issueToDiagnostic } from './field-diagnostics.ts';
import { parseYamlFile } from './frontmatter.ts';

export const SITE_FILE = 'site.yaml';
/** A logo is drawn on every card and favicon: anything larger is a mistake (an uncompressed export). */
const MAX_LOGO_BYTES = 512 * 1024;

export interface LoadedSiteSettings {
  publication: PublicationSettings;
  diagnostics: Diagnostic[];
  /** Absolute path of site.yaml, whether or not it exists (the dev server watches it). */
  file: string;
}

export function loadSiteSettings(contentDir: string, projectRoot: string): LoadedSiteSettings {
  const absolute = path.join(contentDir, SITE_FILE);
  const file = path.relative(projectRoot, absolute).split(path.sep).join('/');
  const result = (publication: PublicationSettings, diagnostics: Diagnostic[] = []) => ({ publication, diagnostics, file: absolute });
  if (!existsSync(absolute)) return result(DEFAULT_PUBLICATION);

  const parsed = parseYamlFile(readFileSync(absolute, 'utf8'));
  const diagnostics: Diagnostic[] = parsed.yamlErrors.map((e) => ({ severity: 'error', code: 'yaml-syntax', file, line: e.line, column: e.column, message: `malformed YAML: ${e.message}` }));
  if (diagnostics.length) return result(DEFAULT_PUBLICATION, diagnostics);
  const checked = siteSchema.safeParse(parsed.data ?? {});
  if (!checked.success) {
    return result(DEFAULT_PUBLICATION, checked.error.issues.map((issue) => issueToDiagnostic(issue, file, parsed, siteSchema)));
  }
  const data = checked.data;
  const error = (field: (string | number)[], code: string, message: string) =>
    diagnostics.push({ severity: 'error', code, file, ...parsed.locate(field, 'value'), message });

  const accent = checkAccent(data.accent, (message) => error(['accent'], 'accent-contrast', message));
  const logo = data.logo ? readLogo(contentDir, data.logo, (message) => error(['logo'], 'bad-logo', message)) : undefined;
  const license = data.license ? readLicense(data.license, (message) => error(['license'], 'unknown-license', message)) : undefined;
  if (diagnostics.length) return result(DEFAULT_PUBLICATION, diagnostics);

  return result({
    name: data.name ?? DEFAULT_PUBLICATION.name,
    tagline: data.tagline ?? DEFAULT_PUBLICATION.tagline,
    language: data.language ?? DEFAULT_PUBLICATION.language,
    ...(logo ? { logo } : {}),
    accent: accent ?? DEFAULT_PUBLICATION.accent,
    customAccent: accent !== undefined,
    social: normalizeSocial(data.social ?? {}),
    ...(license ? { license } : {}),
    ...(data.contact ? { contact: data.contact } : {}),
    ...(data.corrections ? { corrections: data.corrections } : {}),
    footer: data.footer,
  });
}

function readLogo(contentDir: string, name: string, fail: (message: string) => void): PublicationSettings['logo'] {
  const absolute = path.resolve(contentDir, name);
  if (!absolute.startsWith(`${path.resolve(contentDir)}${path.sep}`)) return void fail(`"logo" must be a file inside the content folder (got "${name}")`);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return void fail(`"logo": no file "${name}" in the content folder`);
  const bytes = readFileSync(absolute);
  if (bytes.length > MAX_LOGO_BYTES) return void fail(`"logo" is ${Math.round(bytes.length / 1024)} KB; keep it under ${MAX_LOGO_BYTES / 1024} KB (it is drawn on every card)`);
  const svg = name.toLowerCase().endsWith('.svg');
  const looksRight = svg ? /<svg[\s>]/.test(bytes.toString('utf8', 0, 4096)) : bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (!looksRight) return void fail(`"logo": "${name}" is not ${svg ? 'an SVG' : 'a PNG'} file`);
  // The logo is served from the site's own origin, where an SVG that runs script could act as the site.
  const active = svg ? ACTIVE_SVG.exec(bytes.toString('utf8'))?.[0] : undefined;
  if (active) return void fail(`"logo": "${name}" contains ${JSON.stringify(active.trim())}; a logo must be a plain drawing, without scripts, event handlers, links to script or embedded HTML`);
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    size = {};
  }
  if (!size.width || !size.height) return void fail(`"logo": "${name}" has no size${svg ? ' (give the <svg> a viewBox, or width and height)' : ''}`);
  return {
    width: size.width,
    height: size.height,
    file: absolute,
    sitePath: brandPaths.logo(svg ? 'svg' : 'png'),
    type: svg ? 'image/svg+xml' : 'image/png',
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

const ACTIVE_SVG = /<script\b|<foreignObject\b|\son[a-z]+\s*=|javascript:/i;

const SPDX_IDS: readonly string[] = spdxIds;

function readLicense(value: string, fail: (message: string) => void): PublicationSettings['license'] {
  if (/^https?:\/\//.test(value)) return { url: value };
  const id = SPDX_IDS.find((known) => known.toLowerCase() === value.toLowerCase());
  if (!id) return void fail(`"license" ${JSON.stringify(value)} is not an SPDX licence id${didYouMean(value, SPDX_IDS)}; write an id such as "CC-BY-4.0" or the licence's URL`);
  return { id, url: `https://spdx.org/licenses/${id}.html` };
}

/** Handles as the services print them: `@desk` on X, `desk.bsky.social`, `@desk@mastodon.social`. */
function normalizeSocial(social: NonNullable<SiteData['social']>): PublicationSettings['social'] {
  return {
    ...(social.x ? { x: `@${social.x.replace(/^@/, '')}` } : {}),
    ...(social.bluesky ? { bluesky: social.bluesky.replace(/^@/, '') } : {}),
    ...(social.mastodon ? { mastodon: `@${social.mastodon.replace(/^@/, '')}` } : {}),
    ...(social.linkedin ? { linkedin: social.linkedin } : {}),
  };
}
