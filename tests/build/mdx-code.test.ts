import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BuildResult } from '../helpers/build.ts';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';

/**
 * Bodies are compiled outside Astro's bundler, except those with MDX code, which
 * only a site that sets BRIEFINGS_ALLOW_MDX_CODE=1 may have: Astro's MDX runtime
 * runs those, side by side with the compiled ones.
 */
let corpus: TempCorpus;
let result: BuildResult;

beforeAll(() => {
  corpus = tempCorpus('basic');
  corpus.write(
    'briefings/with-code.mdx',
    [
      '---',
      'title: With code',
      'summary: A body with an expression.',
      'date: 2022-02-01',
      'sources: []',
      'positions: []',
      '---',
      '',
      'export const year = 2000 + 22;',
      '',
      'In {year}, <Actor id="alice-adams" /> said six times seven is {6 * 7}.',
      '',
    ].join('\n'),
  );
  result = buildAsUser({ contentDir: corpus.contentDir, env: { BRIEFINGS_ALLOW_MDX_CODE: '1' } });
});

afterAll(() => {
  removeBuild(result);
  corpus?.cleanup();
});

test('with BRIEFINGS_ALLOW_MDX_CODE=1 a body with code runs through MDX, next to compiled bodies', () => {
  expect(result.ok, result.output).toBe(true);
  const page = result.page('/briefings/with-code/');
  expect(page('.prose').text()).toContain('In 2022, Alice Adams said six times seven is 42.');
  expect(page('.prose a.actor-mention').attr('href')).toBe('/actors/alice-adams/');
  // A body without code in the same build is compiled as usual, components and all.
  expect(result.page('/briefings/first-talks/')('.prose a.actor-mention').first().text()).toBe('Alice Adams');
});
