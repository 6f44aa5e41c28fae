/**
 * Content errors in Astro's own error type, located at the author's line: Astro's
 * dev overlay then frames the content file (the lines around the mistake, the column
 * marked), "Open in editor" opens it there, and the terminal of `astro build` prints
 * the same frame. Without a location Astro guesses one from the stack, which points
 * at the project's own code, not at the line the author must fix.
 *
 * Why the class is loaded by file path: `astro/errors` exports only AstroUserError,
 * which carries no location; the located AstroError is the one Astro's own
 * compiler and content errors use, and the one its overlay reads (`loc`, `title`,
 * `hint`). tests/build/dev-server.test.ts fails if it moves.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorPayload } from 'vite';
import { formatDiagnostic, summarize, type ContentError } from '../pipeline/diagnostics.ts';
import { plural } from '../util/format.ts';

interface AstroErrorProps {
  name: string;
  title: string;
  message: string;
  hint?: string;
  location?: { file: string; line: number; column: number };
}
type AstroErrorClass = new (props: AstroErrorProps) => Error & { loc?: AstroErrorProps['location']; type: string };

const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const astroModule = async <T>(file: string) => (await import(pathToFileURL(path.join(astroDir, file)).href)) as T;
const { AstroError } = await astroModule<{ AstroError: AstroErrorClass }>('dist/core/errors/errors.js');
/** How Astro's dev server turns an error into what its overlay shows (the framed code, the message as HTML). */
const { collectErrorMetadata, getViteErrorPayload } = await astroModule<{
  collectErrorMetadata: (error: Error, root: URL) => Error;
  getViteErrorPayload: (error: Error) => Promise<ErrorPayload>;
}>('dist/core/errors/dev/index.js');

/** The overlay's message for `error`, as Astro's dev server sends it after a 500 response. */
export const overlayPayload = (error: Error, root: string): Promise<ErrorPayload> => getViteErrorPayload(collectErrorMetadata(error, pathToFileURL(`${root}${path.sep}`)));

/**
 * The ContentError as an AstroError: located at its first error, whose message leads;
 * every error follows as `path:line:column: …`, so several are all listed.
 *
 * The location's file is the diagnostic's, relative to the project root: Astro joins
 * the root to any path that is not absolute *and inside the root*, so a relative path
 * is the one form that also survives a CONTENT_DIR outside the project.
 */
export function locatedContentError(error: ContentError, mode: 'build' | 'dev') {
  const errors = error.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (!first) return error;
  const others = errors.length - 1;
  return new AstroError({
    name: 'ContentError',
    title: others ? `${plural(errors.length, 'content error')}; the first is framed below` : 'Content error',
    message: `${first.message} [${first.code}]\n\n${summarize(error.diagnostics)}${mode === 'build' ? '; nothing was built' : ''}:\n${errors.map(formatDiagnostic).join('\n')}`,
    hint: mode === 'dev'
      ? 'Fix the content file and save it: this page reloads by itself. `npm run check -- --watch` reports the same findings in a terminal.'
      : 'Fix the files above and build again; `npm run check` finds the same without building.',
    location: { file: first.file, line: first.line, column: first.column },
  });
}
