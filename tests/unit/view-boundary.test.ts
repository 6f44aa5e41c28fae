import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contextOnlyRoutes, dynamicRoutes, singleRoutes } from '../../src/views/route-views.ts';
import { PROJECT_ROOT } from '../helpers/corpus.ts';
import { listFiles, valueImports } from '../helpers/imports.ts';

/**
 * Views are the only readers of the site model: a page gets its view from
 * views/page-views.ts and passes parts of it down; components and layouts read
 * their props and the build context (views/page-context.ts), nothing else.
 * That is what makes a digest of the view a safe incremental-build key.
 */

/** Modules that hold or produce the model. Reaching one from a route, other than through src/views/, is reading the model. */
const MODEL_SOURCES = [/^src\/pipeline\/build-handoff\.ts$/, /^src\/pipeline\/content-check\.ts$/, /^src\/pipeline\/resolve\//, /^src\/pipeline\/load\//];
/** What pages may take from src/views/ (besides types); components and layouts only the context. */
const PAGE_GATEWAYS = ['src/views/page-views.ts', 'src/views/page-context.ts'];
const COMPONENT_GATEWAYS = ['src/views/page-context.ts'];

/** Problems with one route file under `root`: every module it reaches without going through a gateway into src/views/. */
function routeViolations(root: string, routeFile: string): string[] {
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, from: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const name = rel(file);
    if (MODEL_SOURCES.some((pattern) => pattern.test(name))) return void problems.push(`${from} reaches ${name}`);
    if (name.startsWith('src/views/')) {
      const allowed = from.startsWith('src/pages/') ? PAGE_GATEWAYS : COMPONENT_GATEWAYS;
      if (!allowed.includes(name)) problems.push(`${from} imports ${name}; only ${allowed.join(' and ')} may be imported here`);
      return;
    }
    for (const imported of valueImports(file)) visit(imported, name);
  };
  visit(path.join(root, routeFile), routeFile);
  return problems;
}

const routeId = (file: string) => file.replace(/^src\/pages\//, '').replace(/\.(astro|ts)$/, '');
const pageFiles = () => listFiles(path.join(PROJECT_ROOT, 'src/pages')).map((f) => `src/pages/${f}`);

describe('the view boundary', () => {
  test('every page and endpoint in src/pages has a view in views/route-views.ts (or reads only the build context)', () => {
    const known = new Set<string>([...Object.keys(dynamicRoutes), ...Object.keys(singleRoutes), ...contextOnlyRoutes]);
    const pages = pageFiles();
    expect(pages.length).toBeGreaterThan(15);
    expect(pages.map(routeId).filter((id) => !known.has(id))).toEqual([]);
  });

  test('no route, and no component or layout it renders, reads the model except through its view', () => {
    expect(pageFiles().flatMap((file) => routeViolations(PROJECT_ROOT, file))).toEqual([]);
  });

  test("a page asks only for its own route's view, and dynamic pages get their paths and keys from staticPaths", () => {
    for (const file of pageFiles()) {
      const source = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
      const asked = [...source.matchAll(/\b(?:staticPaths|currentView|pageView)\(\s*'([^']+)'/g)].map((m) => m[1]);
      for (const route of asked) expect(route, file).toBe(routeId(file));
      if (routeId(file) in dynamicRoutes) expect(source, file).toMatch(/getStaticPaths = \(\(\) => staticPaths\('/);
    }
  });

  test('components, layouts and pages use no other way to data: no SiteModel, files, globals, environment, globs or virtual modules', () => {
    const files = ['src/pages', 'src/components', 'src/layouts'].flatMap((dir) => listFiles(path.join(PROJECT_ROOT, dir)).map((f) => `${dir}/${f}`));
    const banned = [/\bSiteModel\b/, /\bnode:fs\b/, /\bglobalThis\b/, /Symbol\.for\(/, /process\.env/, /import\.meta\.(glob|env)/, /from\s+['"](virtual:|@content)/, /Astro\.site\b/];
    const found = files.flatMap((file) => {
      const source = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
      return banned.filter((pattern) => pattern.test(source)).map((pattern) => `${file}: ${pattern}`);
    });
    expect(found).toEqual([]);
  });

  test('the build context that components may read never hands out the model', () => {
    const source = readFileSync(path.join(PROJECT_ROOT, 'src/views/page-context.ts'), 'utf8');
    expect(source).not.toMatch(/\.model\b|route-views|page-views/);
    expect(source).toMatch(/receiveHandoff\(\)\.context/);
  });

  test('the check fails when a component reaches the model, directly or through another module', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'briefing-boundary-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    try {
      write('src/pipeline/build-handoff.ts', 'export const receiveHandoff = () => ({});\n');
      write('src/views/page-views.ts', "import { receiveHandoff } from '../pipeline/build-handoff.ts';\n");
      write('src/views/briefing-page.ts', 'export const briefingPageView = () => ({});\n');
      write('src/lib/helper.ts', "import { receiveHandoff } from '../pipeline/build-handoff.ts';\n");
      write('src/lib/reexport.ts', "export { receiveHandoff } from '../pipeline/build-handoff.ts';\n");
      write('src/components/Reexported.astro', "---\nimport { receiveHandoff } from '../lib/reexport.ts';\n---\n");
      write('src/components/Good.astro', "---\nimport type { SiteModel } from '../pipeline/model.ts';\n---\n");
      write('src/components/Direct.astro', "---\nimport { receiveHandoff } from '../pipeline/build-handoff.ts';\n---\n");
      write('src/components/Indirect.astro', "---\nimport { x } from '../lib/helper.ts';\n---\n");
      write('src/components/ViewBuilder.astro', "---\nimport { briefingPageView } from '../views/briefing-page.ts';\n---\n");
      write('src/pages/ok.astro', "---\nimport Good from '../components/Good.astro';\nimport { pageView } from '../views/page-views.ts';\n---\n");
      for (const bad of ['Direct', 'Indirect', 'ViewBuilder', 'Reexported']) {
        write(`src/pages/${bad}.astro`, `---\nimport C from '../components/${bad}.astro';\n---\n`);
      }
      expect(routeViolations(root, 'src/pages/ok.astro')).toEqual([]);
      expect(routeViolations(root, 'src/pages/Direct.astro')).toEqual(['src/components/Direct.astro reaches src/pipeline/build-handoff.ts']);
      expect(routeViolations(root, 'src/pages/Indirect.astro')).toEqual(['src/lib/helper.ts reaches src/pipeline/build-handoff.ts']);
      expect(routeViolations(root, 'src/pages/ViewBuilder.astro')[0]).toMatch(/ViewBuilder.astro imports src\/views\/briefing-page.ts/);
      expect(routeViolations(root, 'src/pages/Reexported.astro')).toEqual(['src/lib/reexport.ts reaches src/pipeline/build-handoff.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
