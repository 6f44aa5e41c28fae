import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { actorSchema, type ActorData } from '../../schemas/actor.ts';
import { briefingSchema, type BriefingData } from '../../schemas/briefing.ts';
import { SLUG_PATTERN } from '../../schemas/common.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { analyzeBody, type AnalyzeOptions, type BodyAnalysis } from './analyze-body.ts';
import { issuesToDiagnostics } from './field-diagnostics.ts';
import { FileMemo } from './file-memo.ts';
import { parseFrontmatterFile, type ParsedFile } from './frontmatter.ts';
import type { FrontmatterCache } from './frontmatter-cache.ts';
import { readUtf8File } from './read-utf8.ts';

/** A content file that parsed and passed its schema, with what the resolver needs to locate errors. */
export interface LoadedFile<T> {
  id: string;
  file: string;
  data: T;
  body: string;
  parsed: ParsedFile;
}

export interface LoadedBriefing extends LoadedFile<BriefingData> {
  format: 'md' | 'mdx';
  analysis: BodyAnalysis;
}

/**
 * A file that was found but failed to load (its problems are in `diagnostics`), with
 * whatever of its frontmatter could be read. The resolve stage uses it to tell "points
 * at something broken" (already reported) from "points at nothing" (a new error).
 */
export interface RejectedFile {
  kind: 'actor' | 'briefing';
  id: string;
  file: string;
  /** The frontmatter as plain data; undefined when even its YAML could not be read. */
  data: unknown;
  body: string;
}

export interface LoadedContent {
  actors: LoadedFile<ActorData>[];
  briefings: LoadedBriefing[];
  rejected: RejectedFile[];
  diagnostics: Diagnostic[];
}

const ACTOR_EXTENSIONS = ['.md'];
const BRIEFING_EXTENSIONS = ['.mdx', '.md'];

/** Lists `dir`'s content files, sorted so every build sees them in the same order. */
function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => !name.startsWith('.') && !name.startsWith('_'))
      .filter((name) => statSync(path.join(dir, name)).isFile())
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Reads `content/actors` and `content/briefings` under `contentDir`, parses the
 * frontmatter and validates it against the schemas. Reference checks between
 * files happen later, in the resolve stage (pipeline/resolve/).
 */
export interface LoadOptions {
  /** Accept MDX code in bodies; see `allowMdxCodeFromEnv` in config/settings.ts. */
  allowMdxCode?: boolean;
  /** How bodies are analyzed; one at a time, in this thread, by default. */
  bodyAnalyzer?: BodyAnalyzer;
  /** Reuse what an earlier load gave for each file whose text is unchanged (the dev server's reloads). */
  memo?: FileMemo<FileOutcome>;
  /** Frontmatter parsed by earlier runs, by its YAML text (frontmatter-cache.ts). */
  frontmatterCache?: FrontmatterCache;
}

export function loadContent(contentDir: string, projectRoot: string, options: LoadOptions = {}): LoadedContent {
  const diagnostics: Diagnostic[] = [];
  const relative = (absolute: string) => path.relative(projectRoot, absolute).split(path.sep).join('/');

  const readEntries = (subdir: string, extensions: string[]) => {
    const dir = path.join(contentDir, subdir);
    const seen = new Map<string, string>();
    const entries: { id: string; absolute: string; file: string; ext: string }[] = [];
    for (const name of listFiles(dir)) {
      const absolute = path.join(dir, name);
      const file = relative(absolute);
      const ext = extensions.find((e) => name.endsWith(e));
      if (!ext) {
        diagnostics.push({
          severity: 'warning', code: 'ignored-file', file, line: 1, column: 1,
          message: `ignored: only ${extensions.join(' and ')} files are read in content/${subdir}/`,
        });
        continue;
      }
      const id = name.slice(0, -ext.length);
      if (!SLUG_PATTERN.test(id)) {
        diagnostics.push({
          severity: 'error', code: 'bad-file-name', file, line: 1, column: 1,
          message: `file name "${id}" is used as the id in URLs, so it must be lower-case letters, digits and single dashes (e.g. "${suggestSlug(id)}${ext}")`,
        });
        continue;
      }
      const other = seen.get(id);
      if (other) {
        diagnostics.push({
          severity: 'error', code: 'duplicate-file-id', file, line: 1, column: 1,
          message: `"${id}" is also the id of ${other}: two files cannot share a URL; rename or delete one`,
        });
        continue;
      }
      seen.set(id, file);
      entries.push({ id, absolute, file, ext });
    }
    return entries;
  };

  /** One file's frontmatter parsed and validated, with the problems found in it. */
  const parseWith = <S extends z.ZodType>(schema: S, entry: { id: string; absolute: string; file: string }, kind: RejectedFile['kind'], text: string) => {
    const found: Diagnostic[] = [];
    // Read leniently, a file that is not UTF-8 has U+FFFD where its bad bytes were: only then are its bytes checked.
    const notUtf8 = text.includes('\uFFFD') ? notUtf8Diagnostic(entry) : undefined;
    const parsed = parseFrontmatterFile(text, options.frontmatterCache);
    if (notUtf8) {
      found.push(notUtf8);
      // Its ids are still readable (only its accented letters are not): what points at them is no second error.
      return { diagnostics: found, ok: undefined, rejected: { kind, id: entry.id, file: entry.file, data: parsed.salvage(), body: parsed.body } satisfies RejectedFile };
    }
    const reject = () => ({ diagnostics: found, ok: undefined, rejected: { kind, id: entry.id, file: entry.file, data: parsed.salvage(), body: parsed.body } satisfies RejectedFile });
    if (parsed.missingFrontmatter) {
      found.push({
        severity: 'error', code: 'missing-frontmatter', file: entry.file, line: 1, column: 1,
        message: 'the file must start with a frontmatter block between "---" lines',
      });
      return reject();
    }
    // Only the first YAML error: the parser's later ones are mostly the first one seen again
    // from further down (one stray colon can give ten), so they would only bury it.
    for (const e of parsed.yamlErrors.slice(0, 1)) {
      found.push({ severity: 'error', code: 'yaml-syntax', file: entry.file, line: e.line, column: e.column, message: `malformed YAML: ${e.message}` });
    }
    if (parsed.yamlErrors.length) return reject();
    const result = schema.safeParse(parsed.data ?? {});
    if (!result.success) {
      found.push(...issuesToDiagnostics(result.error.issues, entry.file, parsed, schema));
      return reject();
    }
    return { diagnostics: found, ok: { parsed, data: result.data as z.infer<S> }, rejected: undefined };
  };

  // The dev server's memo (file-memo.ts) holds what each file gave; it depends on these too.
  const memo = options.memo;
  memo?.settle(JSON.stringify([projectRoot, options.allowMdxCode === true]));
  const read = (absolute: string) => (memo ? memo.read(absolute) : readFileSync(absolute, 'utf8'));

  const actorOutcomes: FileOutcome[] = [];
  for (const entry of readEntries('actors', ACTOR_EXTENSIONS)) {
    const text = read(entry.absolute);
    let outcome = memo?.recall(entry.absolute, text);
    if (!outcome) {
      const { diagnostics: found, ok, rejected } = parseWith(actorSchema, entry, 'actor', text);
      outcome = { diagnostics: found, rejected, actor: ok && { id: entry.id, file: entry.file, data: ok.data, body: ok.parsed.body, parsed: ok.parsed } };
      memo?.remember(entry.absolute, text, outcome);
    }
    actorOutcomes.push(outcome);
  }

  // Bodies are handed to the analyzer as their frontmatter passes, so a parallel
  // analyzer parses them while this thread goes on with the next frontmatter.
  const analyzer = options.bodyAnalyzer ?? inlineBodyAnalyzer();
  const briefingOutcomes: FileOutcome[] = [];
  const pending: { at: number; absolute: string; text: string; briefing: Omit<LoadedBriefing, 'analysis'> }[] = [];
  for (const entry of readEntries('briefings', BRIEFING_EXTENSIONS)) {
    const text = read(entry.absolute);
    const known = memo?.recall(entry.absolute, text);
    if (known) {
      briefingOutcomes.push(known);
      continue;
    }
    const { diagnostics: found, ok, rejected } = parseWith(briefingSchema, entry, 'briefing', text);
    briefingOutcomes.push({ diagnostics: found, rejected });
    if (!ok) {
      memo?.remember(entry.absolute, text, briefingOutcomes.at(-1)!);
      continue;
    }
    const format = entry.ext === '.mdx' ? 'mdx' : 'md';
    analyzer.submit({ body: ok.parsed.body, format, lineOffset: ok.parsed.bodyStartLine, options: { allowCode: options.allowMdxCode } });
    pending.push({ at: briefingOutcomes.length - 1, absolute: entry.absolute, text, briefing: { id: entry.id, file: entry.file, data: ok.data, body: ok.parsed.body, parsed: ok.parsed, format } });
  }
  const analyses = analyzer.collect();
  pending.forEach(({ at, absolute, text, briefing }, i) => {
    const analysis = analyses[i]!;
    const outcome = briefingOutcomes[at]!;
    outcome.briefing = { ...briefing, analysis };
    outcome.bodyDiagnostics = analysis.findings.map((finding) => ({
      severity: 'error', code: `body-${finding.kind}`, file: briefing.file, line: finding.line, column: finding.column, message: finding.message,
    }));
    memo?.remember(absolute, text, outcome);
  });
  memo?.sweep();

  // Assembled in file order, frontmatter problems before body problems, as when nothing is remembered.
  const outcomes = [...actorOutcomes, ...briefingOutcomes];
  for (const outcome of outcomes) diagnostics.push(...outcome.diagnostics);
  for (const outcome of outcomes) diagnostics.push(...(outcome.bodyDiagnostics ?? []));
  return {
    actors: actorOutcomes.flatMap((o) => (o.actor ? [o.actor] : [])),
    briefings: briefingOutcomes.flatMap((o) => (o.briefing ? [o.briefing] : [])),
    rejected: outcomes.flatMap((o) => (o.rejected ? [o.rejected] : [])),
    diagnostics,
  };
}

/**
 * What loading one file gave: what it holds, or why it was refused. Kept by the dev
 * server's memo, so nothing in it may be changed by the stages after loading.
 */
export interface FileOutcome {
  /** Problems in its frontmatter (or the file as a whole). */
  diagnostics: Diagnostic[];
  /** Problems in its body, found by the analysis. */
  bodyDiagnostics?: Diagnostic[];
  actor?: LoadedFile<ActorData>;
  briefing?: LoadedBriefing;
  rejected?: RejectedFile;
}

/** A memo for `LoadOptions.memo`: one per dev server, kept across its reloads. */
export const loadMemo = () => new FileMemo<FileOutcome>();

/** One briefing body to analyze: the arguments of `analyzeBody`. */
export interface BodyJob {
  body: string;
  format: 'md' | 'mdx';
  lineOffset: number;
  options: AnalyzeOptions;
}

/**
 * Runs `analyzeBody` on every submitted job; `collect` returns the analyses in
 * submission order. The default runs each job at once; `npm run check` passes
 * one that spreads large corpora over worker threads (src/pipeline/load/analysis-pool.ts).
 */
export interface BodyAnalyzer {
  submit(job: BodyJob): void;
  collect(): BodyAnalysis[];
}

export function inlineBodyAnalyzer(): BodyAnalyzer {
  const analyses: BodyAnalysis[] = [];
  return {
    submit: (job) => void analyses.push(analyzeBody(job.body, job.format, job.lineOffset, job.options)),
    collect: () => analyses,
  };
}

function suggestSlug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'my-file';
}

/** `not-utf8` at the first byte of the file that is not UTF-8, or nothing when it is UTF-8 after all. */
function notUtf8Diagnostic(entry: { absolute: string; file: string }): Diagnostic | undefined {
  const read = readUtf8File(entry.absolute);
  if (read.ok) return undefined;
  const hex = read.byte.toString(16).toUpperCase().padStart(2, '0');
  return {
    severity: 'error', code: 'not-utf8', file: entry.file, line: read.line, column: read.column,
    message: `the file is not valid UTF-8: byte 0x${hex} at offset ${read.offset} starts no UTF-8 character (was it saved as Windows-1252 or Latin-1?); save the file as UTF-8`,
  };
}
