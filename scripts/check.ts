/**
 * `npm run check`: validates the whole content folder without building the site.
 * Same checks as `npm run build` (both call checkContent), so they never disagree.
 * See docs/authoring.md and `npm run check -- --help`.
 */
import { runCheck } from '../src/cli/check.ts';
import { processIo } from '../src/cli/io.ts';

process.exitCode = runCheck(process.argv.slice(2), processIo());
