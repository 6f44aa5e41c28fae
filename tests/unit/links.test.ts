import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { brokenLinks, duplicateIds, pageUrl } from '../helpers/links.ts';

/** The link checker the build tests rely on, run on a tiny hand-made site. */
describe('brokenLinks', () => {
  let outDir: string;
  const write = (file: string, body: string) => {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    writeFileSync(path.join(outDir, file), `<!doctype html><html><head></head><body>${body}</body></html>`);
  };

  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'links-check-'));
    write('a/index.html', '<h1 id="top">A</h1><a href="../">home</a><a href="#top">top</a><a href="#nowhere">bad</a>');
    write(
      'index.html',
      [
        '<a href="/a/">ok</a>',
        '<a href="a/">relative ok</a>',
        '<a href="/a/#top">fragment ok</a>',
        '<a href="/a/#missing">fragment missing</a>',
        '<a href="/b/">missing page</a>',
        '<a href="https://elsewhere.example/x/">external</a>',
        '<a href="mailto:desk@example.org">mail</a>',
        '<a href="http://localhost:4321/a/">absolute ok</a>',
        '<a href="http://localhost:4321/c/">absolute missing</a>',
        '<span id="dup"></span><span id="dup"></span>',
      ].join(''),
    );
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test('reports missing pages and missing fragments, and nothing else', () => {
    const problems = brokenLinks({ outDir, site: 'http://localhost:4321', base: '/' });
    expect(problems).toHaveLength(4);
    expect(problems.filter((p) => p.startsWith('index.html:') && p.includes('"/a/#missing"'))).toHaveLength(1);
    expect(problems.filter((p) => p.startsWith('index.html:') && p.includes('"/b/"'))).toHaveLength(1);
    expect(problems.filter((p) => p.startsWith('index.html:') && p.includes('"http://localhost:4321/c/"'))).toHaveLength(1);
    expect(problems.filter((p) => p.startsWith('a/index.html:') && p.includes('"#nowhere"'))).toHaveLength(1);
  });

  test('reports root-relative links that leave the base path', () => {
    const problems = brokenLinks({ outDir, site: 'http://localhost:4321', base: '/desk/' });
    expect(problems.some((p) => p.includes('"/a/"') && p.includes('outside the base path /desk/'))).toBe(true);
  });

  test('finds ids used twice in one page', () => {
    expect(duplicateIds(outDir)).toEqual(['index.html: #dup']);
  });
});

describe('pageUrl', () => {
  test.each([
    ['index.html', '/', 'https://example.org/'],
    ['actors/x/index.html', '/', 'https://example.org/actors/x/'],
    ['404.html', '/', 'https://example.org/404.html'],
    ['actors/x/index.html', '/desk', 'https://example.org/desk/actors/x/'],
    ['index.html', '/desk/', 'https://example.org/desk/'],
  ])('gives %s under base %s the address %s', (file, base, expected) => {
    expect(pageUrl(file, { site: 'https://example.org', base }).href).toBe(expected);
  });
});
