/**
 * `npm run new -- briefing "<title>"` / `npm run new -- actor "<name>"`: scaffolds
 * a content file that passes `npm run check`. See `npm run new -- --help`.
 */
import { processIo } from '../src/cli/io.ts';
import { runNew } from '../src/cli/new.ts';

process.exitCode = runNew(process.argv.slice(2), processIo());
