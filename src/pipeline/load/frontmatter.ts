import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FrontmatterCache } from './frontmatter-cache.ts';

/** A file split into its YAML frontmatter and its Markdown/MDX body, with positions kept. */
export interface ParsedFile {
  /** Plain JS value of the frontmatter (strings stay strings: dates are not converted). */
  data: unknown;
  /** The body after the closing `---`. */
  body: string;
  /** 1-based line on which the body starts in the file. */
  bodyStartLine: number;
  /** Looks up the line/column of a frontmatter path such as `positions.2.actor`. */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): { line: number; column: number };
  /** YAML syntax errors, already located. */
  yamlErrors: { message: string; line: number; column: number }[];
  /** True when the file had no frontmatter block at all. */
  missingFrontmatter: boolean;
  /**
   * Whatever the YAML parser could make of a frontmatter with syntax errors (undefined
   * if nothing): never validated or published, only read to know which ids the file
   * holds, so that references to them are not reported as a second mistake.
   */
  salvage(): unknown;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

/** `cache`: frontmatter parsed by earlier runs (frontmatter-cache.ts), by its YAML text. */
export function parseFrontmatterFile(source: string, cache?: FrontmatterCache): ParsedFile {
  const text = source.replace(/^\uFEFF/, '');
  const open = OPENING.exec(text);
  if (!open) {
    return {
      data: undefined,
      body: text,
      bodyStartLine: 1,
      locate: () => ({ line: 1, column: 1 }),
      yamlErrors: [],
      missingFrontmatter: true,
      salvage: () => undefined,
    };
  }
  const rest = text.slice(open[0].length);
  const close = CLOSING.exec(rest);
  const yamlText = close ? rest.slice(0, close.index) : rest;
  const afterClose = close ? rest.slice(close.index + close[0].length).replace(/^\r?\n/, '') : '';
  const yamlStartLine = 2;
  const yamlLines = yamlText === '' ? 0 : yamlText.split('\n').length - (yamlText.endsWith('\n') ? 1 : 0);
  const bodyStartLine = yamlStartLine + yamlLines + 1;

  const yaml = parseYamlBlock(yamlText, yamlStartLine, close ? cache : undefined);
  if (!close) {
    yaml.yamlErrors.push({ message: 'the frontmatter has no closing "---" line', line: 1, column: 1 });
  }
  return { ...yaml, data: yaml.data ?? (yaml.yamlErrors.length ? undefined : {}), body: afterClose, bodyStartLine, missingFrontmatter: false };
}

/** A whole YAML file (such as `content/site.yaml`), with the same located errors as frontmatter. */
export function parseYamlFile(source: string): Pick<ParsedFile, 'data' | 'locate' | 'yamlErrors' | 'salvage'> {
  const yaml = parseYamlBlock(source.replace(/^\uFEFF/, ''), 1);
  return { ...yaml, data: yaml.data ?? (yaml.yamlErrors.length ? undefined : {}) };
}

/** Parses YAML that starts on line `yamlStartLine` of its file; positions are the file's. */
function parseYamlBlock(yamlText: string, yamlStartLine: number, cache?: FrontmatterCache): Pick<ParsedFile, 'data' | 'locate' | 'yamlErrors' | 'salvage'> {
  // The YAML 1.2 core schema keeps `2022-02-30` a string: we validate dates
  // ourselves rather than let a 1.1 timestamp parser roll them over to March.
  const parse = () => {
    const lineCounter = new LineCounter();
    return { lineCounter, doc: parseDocument(yamlText, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true }) as Document };
  };
  // Text parsed without errors by an earlier run: its data, and positions only if a problem is reported.
  const known = cache?.get(yamlText);
  if (known !== undefined) return { data: known, locate: locator(yamlText, yamlStartLine, parse), yamlErrors: [], salvage: () => known };
  const { doc, lineCounter } = parse();
  const yamlErrors = doc.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    ...positionAt(lineCounter, error.pos[0], yamlText, yamlStartLine),
  }));
  const locate = locator(yamlText, yamlStartLine, parse);

  let data: unknown;
  try {
    data = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
    if (data !== undefined) cache?.set(yamlText, data);
  } catch (error) {
    yamlErrors.push({ message: (error as Error).message, line: yamlStartLine, column: 1 });
  }
  const salvage = () => {
    try {
      return data ?? parse().doc.toJS({ maxAliasCount: 100 });
    } catch {
      return undefined;
    }
  };
  return { data, locate, yamlErrors, salvage };
}

/**
 * Finds the line/column of a frontmatter path. Positions come from the YAML document,
 * which is many times the size of its data. It is not kept for the whole build (every
 * file's, for the build's length, made the garbage collector's work grow faster than
 * the corpus): `locate`, called only to report a problem, parses the frontmatter again.
 */
function locator(yamlText: string, yamlStartLine: number, parse: () => { lineCounter: LineCounter; doc: Document }): ParsedFile['locate'] {
  let forLocating: ReturnType<typeof parse> | undefined;
  return (path, target = 'value') => {
    forLocating ??= parse();
    let node: Node | null | undefined = forLocating.doc.contents as Node | null;
    let keyOffset: number | undefined;
    let lastFound: Node | null | undefined = node;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        node = pair.value as Node | null;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) break;
        keyOffset = undefined;
        node = item as Node | null;
      } else {
        break;
      }
      if (node) lastFound = node;
    }
    const offset = target === 'key' && keyOffset !== undefined ? keyOffset : (node?.range?.[0] ?? keyOffset ?? lastFound?.range?.[0] ?? 0);
    return positionAt(forLocating.lineCounter, offset, yamlText, yamlStartLine);
  };
}

/** The file's line and column of an offset into YAML that starts on line `yamlStartLine`. */
function positionAt(counter: LineCounter, offset: number, yamlText: string, yamlStartLine: number): { line: number; column: number } {
  const { line, col } = counter.linePos(Math.max(0, Math.min(offset, yamlText.length)));
  return { line: line + yamlStartLine - 1, column: col };
}
