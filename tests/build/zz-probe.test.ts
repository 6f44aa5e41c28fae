import { test } from 'vitest';
import { tempCorpus, edit } from '../helpers/corpus.ts';
import { buildAsUser, removeBuild } from '../helpers/user-build.ts';
test('probe', () => {
  const c = tempCorpus('basic');
  edit(c, 'briefings/first-talks.mdx', 'actor: bob-brown', 'actor: bob-browne');
  const b = buildAsUser({ contentDir: c.contentDir });
  console.log('OUT', b.output);
  removeBuild(b); c.cleanup();
});
