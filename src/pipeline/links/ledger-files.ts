/**
 * The two files that keep the publication's URLs, beside its content:
 * `published-urls.txt`, every URL path the site has published (one a line,
 * sorted, so it diffs well), and `removed-urls.txt`, URLs taken down on purpose,
 * each with the reason its page gives. Lines starting with "#" are comments.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LEDGER_FILE = 'published-urls.txt';
export const REMOVED_FILE = 'removed-urls.txt';

export interface LedgerLine {
  path: string;
  line: number;
}

export interface RemovedUrl extends LedgerLine {
  reason: string;
}

export interface ParseProblem {
  line: number;
  message: string;
}

/** A site path: starts with "/", no spaces, at most one "#fragment". */
const URL_PATH = /^\/[^\s#]*(?:#[^\s#]+)?$/;

const contentLines = (text: string) =>
  text.split(/\r?\n/).map((raw, i) => ({ text: raw.trim(), line: i + 1 })).filter(({ text }) => text !== '' && !text.startsWith('#'));

export function parseLedger(text: string): { urls: LedgerLine[]; problems: ParseProblem[] } {
  const urls: LedgerLine[] = [];
  const problems: ParseProblem[] = [];
  for (const { text: value, line } of contentLines(text)) {
    if (URL_PATH.test(value)) urls.push({ path: value, line });
    else problems.push({ line, message: `"${value}" is not a URL path: each line is one path starting with "/", like /positions/some-id/ or /actors/some-id/#some-position` });
  }
  return { urls, problems };
}

export function parseRemoved(text: string): { removed: RemovedUrl[]; problems: ParseProblem[] } {
  const removed: RemovedUrl[] = [];
  const problems: ParseProblem[] = [];
  for (const { text: value, line } of contentLines(text)) {
    const [, url = '', reason = ''] = /^(\S+)(?:\s+(.*))?$/.exec(value) ?? [];
    if (!URL_PATH.test(url)) problems.push({ line, message: `"${value}" does not start with a URL path: write the path, a space, then the reason` });
    else if (!reason.trim()) problems.push({ line, message: `${url} has no reason: readers who follow the link see it` });
    else removed.push({ path: url, reason: reason.trim(), line });
  }
  return { removed, problems };
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

export const readLedger = (contentDir: string) => read(path.join(contentDir, LEDGER_FILE));
export const readRemoved = (contentDir: string) => read(path.join(contentDir, REMOVED_FILE));

const HEADER = [
  '# Every URL this site has published. The build adds new ones and fails when one of them',
  '# would stop answering: keep an old id in `formerly`, mark an item `withdrawn`, or list the',
  '# URL in removed-urls.txt with a reason. Commit this file with the content.',
];

/** Writes the ledger with `urls` (sorted, each once), atomically, and only when it changes. */
export function writeLedger(contentDir: string, urls: Iterable<string>): boolean {
  const file = path.join(contentDir, LEDGER_FILE);
  const text = `${[...HEADER, ...[...new Set(urls)].sort()].join('\n')}\n`;
  if (read(file) === text) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  return true;
}
