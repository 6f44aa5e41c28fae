import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * What a command-line tool needs from its process, passed in so tests can run
 * the tools in-process and read what they print.
 */
export interface CliIo {
  /** Folder that relative paths (and diagnostics) are relative to; usually `process.cwd()`. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes shared by the tools: 0 fine, 1 the content (or the request) has a problem, 2 wrong usage. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** A mistake in how the tool was called; reported with the usage text and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** node:util's parseArgs, its complaints (unknown option, missing value) turned into UsageErrors. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Runs a tool's argument parser the same way for every tool: a UsageError is
 * printed with the usage text (exit code 2), a request for help prints the
 * usage (exit code 0); otherwise the parsed request comes back.
 */
export function parseArguments<T, Help extends T>(
  tool: string,
  usage: string,
  io: CliIo,
  parse: () => T,
  isHelp: (parsed: T) => parsed is Help,
): { parsed: Exclude<T, Help> } | { exit: number } {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${tool}: ${error.message}\n\n${usage}`);
    return { exit: EXIT.usage };
  }
  if (isHelp(parsed)) {
    io.stdout(usage);
    return { exit: EXIT.ok };
  }
  return { parsed: parsed as Exclude<T, Help> };
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

export function relativePath(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** How to show a path to the user: relative when it is under `cwd`, else absolute. */
export function displayPath(cwd: string, target: string): string {
  const relative = relativePath(cwd, target);
  return relative.startsWith('../') || path.isAbsolute(relative) ? target : relative;
}
