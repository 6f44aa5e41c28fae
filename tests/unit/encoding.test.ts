/** Content files must be UTF-8: another encoding is refused where it first shows; a BOM and CRLF line endings are fine. */
import { afterAll, describe, expect, test } from 'vitest';
import { decodeUtf8, firstInvalidByte } from '../../src/pipeline/load/read-utf8.ts';
import { tempCorpus } from '../helpers/corpus.ts';
import { positionOf } from '../helpers/text.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('firstInvalidByte', () => {
  test.each([
    ['plain ASCII', bytes('title: Talks'), -1],
    ['UTF-8 in four scripts', bytes('Café Лавров 王毅 𓀀'), -1],
    ['a Windows-1252 é (0xE9) before ASCII', bytes('Caf', [0xe9], ' ok'), 3],
    ['a lone continuation byte', bytes('ab', [0x80]), 2],
    ['an overlong encoding of "/"', bytes('a', [0xc0, 0xaf]), 1],
    ['a UTF-16 surrogate encoded in UTF-8', bytes([0xed, 0xa0, 0x80]), 0],
    ['a sequence cut off at the end of the file', bytes('ok', [0xe2, 0x82]), 2],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
  ])('%s: %s', (_, input, expected) => {
    expect(firstInvalidByte(input)).toBe(expected);
    // The standard decoder agrees on which inputs are UTF-8 at all.
    expect(decodeUtf8(input).ok).toBe(expected === -1);
  });
});

describe('decodeUtf8', () => {
  test('locates the first bad byte by line and column, counting characters (not bytes) before it', () => {
    // "Genève" with a Windows-1252 è: where an editor showing the UTF-8 text would put the è.
    const result = decodeUtf8(bytes('---\r\ntitle: Лавров in Gen', [0xe8], 've\n'));
    expect(result).toMatchObject({ ok: false, ...positionOf('---\r\ntitle: Лавров in Genève\n', 'è'), byte: 0xe8 });
  });
  test('a byte order mark is UTF-8, and not counted as a column', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '---\n'))).toEqual({ ok: true, text: '---\n' });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff]))).toMatchObject({ ok: false, line: 1, column: 3 });
  });
});

describe('loading content', () => {
  const corpus = tempCorpus('basic');
  afterAll(() => corpus.cleanup());

  test('a briefing saved as Windows-1252 is refused with file:line:column and the hint to save it as UTF-8', () => {
    const text = corpus.read('briefings/second-round.md').replace('summary: A plain Markdown briefing.', 'summary: A plain Markdown briefing, café.');
    // Windows-1252 and Latin-1 agree on é (0xE9); the rest of the file is ASCII.
    corpus.write('briefings/second-round.md', Buffer.from(text, 'latin1'));
    const { diagnostics } = corpus.check();
    const refused = diagnostics.filter((d) => d.code === 'not-utf8');
    expect(refused).toEqual([expect.objectContaining({ severity: 'error', file: expect.stringMatching(/briefings\/second-round\.md$/), ...positionOf(text, 'é') })]);
    expect(refused[0]!.message).toContain('byte 0xE9');
    expect(refused[0]!.message).toContain('save the file as UTF-8');
  });

  test('a UTF-8 file with a byte order mark and CRLF line endings loads as before', () => {
    const text = corpus.read('briefings/first-talks.mdx');
    corpus.write('briefings/first-talks.mdx', `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`);
    const { diagnostics, model } = corpus.check();
    expect(diagnostics.filter((d) => d.file.endsWith('first-talks.mdx') && d.severity === 'error')).toEqual([]);
    expect(model.briefings.find((b) => b.slug === 'first-talks')?.title).toBeTruthy();
  });
});
