/**
 * `npm run cards -- [--shard K/N]`: renders the share cards (or one slice of them)
 * into the card cache, for a build on this or another machine to reuse. See
 * `npm run cards -- --help` and docs/deploy.md.
 */
import { runCards } from '../src/cli/cards.ts';
import { processIo } from '../src/cli/io.ts';

process.exitCode = await runCards(process.argv.slice(2), processIo());
