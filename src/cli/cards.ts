import { contentDirFor, nowFromEnv, withEnvOverrides } from '../config/settings.ts';
import { ensureCards, keyCards } from '../pipeline/cards/build.ts';
import { defaultCacheDir } from '../pipeline/cards/cache.ts';
import { planCards } from '../pipeline/cards/plan.ts';
import { inShard, parseShard, shardOf, type Shard } from '../pipeline/cards/shard.ts';
import { checkContent } from '../pipeline/content-check.ts';
import { formatDiagnostic, summarize } from '../pipeline/diagnostics.ts';
import { assertContentDir } from './check.ts';
import { displayPath, EXIT, parseArguments, parseCommandLine, UsageError, type CliIo } from './io.ts';

export const CARDS_USAGE = `Usage: npm run cards -- [--shard K/N] [--content <dir>] [--threads <n>]

Renders the site's share cards into the card cache ($CARD_CACHE_DIR, else
node_modules/.cache/briefing-cards) and exits; \`npm run build\` then reuses
every card it finds there. With --shard, only the K-th of N slices: run 1/N
to N/N on N machines, put their cache folders together, and the build renders
no card (docs/deploy.md). A card is always in the same slice, whatever else
the site holds. Cards already in the cache (and sound) are not rendered again.

  --shard K/N       render slice K of N (default: 1/1, every card)
  --content <dir>   content folder (default: $CONTENT_DIR, else ./content)
  --threads <n>     worker processes (default: one per core)
  --help            show this help

Reads the settings the build reads: content/site.yaml, SITE_NAME and
SITE_TAGLINE (shown on the cards), BRIEFINGS_NOW and BRIEFINGS_TODAY. Exit code: 0 when the slice is in the cache, 1 when
the content has errors (the build would refuse it too), 2 when the command
itself is wrong.
`;

/** `npm run cards`: returns the exit code. */
export async function runCards(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArguments('cards', CARDS_USAGE, io, () => parseCardsArgs(argv, io), (o): o is typeof o & { help: true } => o.help === true);
  if ('exit' in args) return args.exit;
  const { shard, contentDir, threads } = args.parsed;

  const started = performance.now();
  // The same content and settings as the build, so the same cards and keys.
  const result = checkContent({ root: io.cwd, contentDir, includeDrafts: false, now: nowFromEnv(io.env) });
  if (result.errorCount > 0) {
    io.stderr(`${result.diagnostics.map(formatDiagnostic).join('\n')}\n\ncards: ${summarize(result.diagnostics)}; no card rendered\n`);
    return EXIT.problems;
  }
  const cacheDir = defaultCacheDir(io.cwd, io.env);
  const all = keyCards(planCards(result.model, withEnvOverrides(result.publication, io.env)));
  // Distinct cards: a renamed item's former URL shows the same card, one cache entry.
  const keys = [...new Set(all.map((card) => card.key))];
  const slices = Array.from({ length: shard.count }, () => 0);
  for (const key of keys) slices[shardOf(key, shard.count) - 1]!++;

  const mine = all.filter((card) => inShard(card.key, shard));
  const done = await ensureCards(mine, cacheDir, threads);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const perCard = done.rendered ? ` (${(done.renderMs / done.rendered).toFixed(1)} ms a card)` : '';
  io.stdout(
    [
      `cards: shard ${shard.index}/${shard.count}: ${done.files.size} of ${keys.length} cards` + (shard.count > 1 ? ` (slices: ${slices.join(', ')})` : ''),
      `  ${done.rendered} rendered${done.repaired ? ` (repaired ${done.repaired} damaged in the cache)` : ''}, ${done.files.size - done.rendered} from cache, ${seconds} s${perCard}`,
      `  into ${displayPath(io.cwd, cacheDir) || '.'}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

function parseCardsArgs(argv: readonly string[], io: CliIo): { help: boolean; shard: Shard; contentDir: string; threads?: number } {
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      shard: { type: 'string', default: '1/1' },
      content: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  });
  let shard: Shard;
  try {
    shard = parseShard(values.shard);
  } catch (error) {
    throw new UsageError(`--shard: ${(error as Error).message}`);
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)) {
    throw new UsageError(`--threads must be a whole number from 1 to 64 (got "${values.threads}")`);
  }
  const contentDir = contentDirFor(io.cwd, values.content, io.env);
  if (!values.help) assertContentDir(contentDir, io.cwd);
  return { help: values.help, shard, contentDir, threads };
}
