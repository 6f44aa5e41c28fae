import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, tempCorpus } from '../helpers/corpus.ts';

/** The README's examples are documentation people copy: they must pass the checker as written. */
describe('README authoring examples', () => {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const block = (lang: string) => {
    const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme);
    if (!match?.[1]) throw new Error(`README has no \`\`\`${lang} block`);
    return match[1];
  };
  const corpus = tempCorpus();
  afterAll(() => corpus.cleanup());

  test('the actor and briefing examples validate with no errors', () => {
    corpus.write('actors/sergey-lavrov.md', block('markdown'));
    corpus.write('actors/russia.md', '---\nname: Russia\nkind: country\n---\n');
    corpus.write('actors/nato.md', '---\nname: NATO\nkind: organization\n---\n');
    corpus.write('briefings/lavrov.mdx', block('mdx'));
    const result = corpus.check();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const briefing = result.model.briefings[0]!;
    expect(briefing.positions.map((p) => p.id)).toEqual(['lavrov-patience-run-out', 'lavrov-secondary-issues-only']);
    expect(briefing.positions[1]!.follows).toBe('lavrov-patience-run-out');
  });
});
