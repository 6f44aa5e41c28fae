/**
 * One Content-Security-Policy for every host: sent as a header where the host
 * supports `_headers` (Netlify, Cloudflare Pages) and repeated in a <meta> tag
 * for hosts that cannot set headers (GitHub Pages, plain S3).
 * Scripts are only our own bundled files; Pagefind's search needs WebAssembly.
 * No inline scripts or styles anywhere (JSON-LD is data, not script).
 */
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
  ['upgrade-insecure-requests', ''],
];

/** frame-ancestors is ignored in <meta> (browsers warn), so the meta copy leaves it out. */
export function contentSecurityPolicy(target: 'header' | 'meta'): string {
  return DIRECTIVES.filter(([name]) => target === 'header' || name !== 'frame-ancestors')
    .map(([name, value]) => (value ? `${name} ${value}` : name))
    .join('; ');
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy('header'),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Netlify / Cloudflare Pages `_headers` file. */
export function headersFile(base: string): string {
  const prefix = base.replace(/\/$/, '');
  const lines = [`${prefix}/*`, ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`)];
  // Hashed assets never change; share cards and pages may.
  lines.push('', `${prefix}/_astro/*`, '  Cache-Control: public, max-age=31536000, immutable');
  return `${lines.join('\n')}\n`;
}

/**
 * Netlify / Cloudflare Pages `_redirects`: a permanent redirect from every former
 * URL to the current one, base path included. (Netlify serves the static
 * redirect page at the old path instead, since a file is there; it redirects too.)
 */
export function redirectsFile(redirects: readonly { from: string; to: string }[], base: string): string {
  const prefix = base.replace(/\/$/, '');
  return redirects.map((r) => `${prefix}${r.from} ${prefix}${r.to} 301\n`).join('');
}
