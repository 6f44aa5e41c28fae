import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTOR_KINDS } from '../schemas/actor.ts';
import { displayText, isCalendarDate, SLUG_PATTERN } from '../schemas/common.ts';
import { slugify } from '../util/slugify.ts';
import { displayPath, EXIT, parseArguments, parseCommandLine, UsageError, type CliIo } from './io.ts';
import { contentDirFor } from '../config/settings.ts';
import { writeIntellisenseFiles } from './editor-intellisense.ts';

export const NEW_USAGE = `Usage: npm run new -- briefing "<title>" [options]
       npm run new -- actor "<name>" [options]

Creates content/briefings/<id>.mdx or content/actors/<id>.md, ready to fill in,
that already passes \`npm run check\`. The id (the file name, used in URLs) is
made from the title or name, transliterated to ASCII ("Сергей Лавров" →
"sergey-lavrov"). An existing file is never overwritten.

  --slug <id>       use this id instead of the one made from the title/name
  --content <dir>   content folder (default: $CONTENT_DIR, else ./content)
  --date <day>      briefing date, YYYY-MM-DD (default: today)
  --kind <kind>     actor kind: ${ACTOR_KINDS.join(', ')} (default: person)
  --help            show this help

New briefings start as drafts (draft: true): they show in \`npm run dev\` only
until you remove that line.
`;

type Kind = 'briefing' | 'actor';

/** `npm run new`: returns the exit code and prints the created file's path. */
export function runNew(argv: readonly string[], io: CliIo): number {
  const args = parseArguments('new', NEW_USAGE, io, () => parseNewArgs(argv, io), (r): r is 'help' => r === 'help');
  if ('exit' in args) return args.exit;
  const request = args.parsed;

  const { kind, text, id, contentDir } = request;
  const dir = path.join(contentDir, kind === 'briefing' ? 'briefings' : 'actors');
  const file = path.join(dir, `${id}${kind === 'briefing' ? '.mdx' : '.md'}`);
  // Briefing ids must be unique across .md and .mdx: both would claim /briefings/<id>/.
  const taken = (kind === 'briefing' ? ['.mdx', '.md'] : ['.md']).map((ext) => path.join(dir, `${id}${ext}`)).find(exists);
  if (taken) {
    io.stderr(`new: ${displayPath(io.cwd, taken)} already exists; nothing was written. Choose another id with --slug <id>.\n`);
    return EXIT.problems;
  }
  const source = kind === 'briefing' ? briefingTemplate(text, request.date) : actorTemplate(text, request.actorKind);
  try {
    mkdirSync(dir, { recursive: true });
    // "wx": fail rather than overwrite, even if the file appeared since the check above.
    writeFileSync(file, source, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`new: could not write ${displayPath(io.cwd, file)}: ${code === 'EEXIST' ? 'it already exists' : (error as Error).message}\n`);
    return EXIT.problems;
  }
  // So the editor validates the new file's frontmatter at once (cli/editor-intellisense.ts).
  writeIntellisenseFiles(io.cwd, contentDir);
  io.stdout(`${displayPath(io.cwd, file)}\n`);
  return EXIT.ok;
}

function parseNewArgs(argv: readonly string[], io: CliIo) {
  const parsed = parseCommandLine({
    args: [...argv],
    options: {
      slug: { type: 'string' },
      content: { type: 'string' },
      date: { type: 'string' },
      kind: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const { values, positionals } = parsed;
  if (values.help) return 'help' as const;
  const [kind, ...words] = positionals;
  if (kind !== 'briefing' && kind !== 'actor') {
    throw new UsageError(kind === undefined ? 'say what to create: briefing or actor' : `cannot create "${kind}": say briefing or actor`);
  }
  const what = kind === 'briefing' ? 'title' : 'name';
  const text = words.join(' ').trim();
  if (!text) throw new UsageError(`give the ${kind}'s ${what} in quotes, e.g. npm run new -- ${kind} "${kind === 'briefing' ? 'Talks resume in Geneva' : 'Sergey Lavrov'}"`);
  const valid = displayText.safeParse(text);
  if (!valid.success) throw new UsageError(`the ${what} ${valid.error.issues[0]?.message ?? 'is not valid'}`);

  let id: string;
  if (values.slug !== undefined) {
    if (!SLUG_PATTERN.test(values.slug)) {
      throw new UsageError(`--slug "${values.slug}" must be lower-case letters, digits and single dashes (e.g. "${slugify(values.slug) || 'talks-resume'}")`);
    }
    id = values.slug;
  } else {
    id = slugify(text);
    if (!id) throw new UsageError(`cannot make an id from "${text}"; give one with --slug <id>`);
  }

  if (values.kind !== undefined && kind !== 'actor') throw new UsageError('--kind is for actors only');
  const actorKind = values.kind ?? 'person';
  if (!(ACTOR_KINDS as readonly string[]).includes(actorKind)) {
    throw new UsageError(`--kind must be one of ${ACTOR_KINDS.join(', ')} (got "${actorKind}")`);
  }

  if (values.date !== undefined && kind !== 'briefing') throw new UsageError('--date is for briefings only');
  const date = values.date ?? io.env.BRIEFINGS_TODAY ?? localToday();
  if (!isCalendarDate(date)) throw new UsageError(`the date must be a real day written YYYY-MM-DD (got "${date}")`);

  return {
    kind: kind as Kind,
    text,
    id,
    date,
    actorKind: actorKind as (typeof ACTOR_KINDS)[number],
    contentDir: contentDirFor(io.cwd, values.content, io.env),
  };
}

/** The author's calendar day: a briefing written in the evening is dated that evening, in any zone. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** A JSON string is a valid YAML double-quoted scalar, escapes included. */
const yamlString = (value: string) => JSON.stringify(value);

export function briefingTemplate(title: string, date: string): string {
  return `---
title: ${yamlString(title)}
summary: "TODO: one or two sentences saying what happened and why it matters."
date: "${date}"
# updated: "YYYY-MM-DD"   # date of the last substantive update
draft: true               # remove this line to publish
# publish: "YYYY-MM-DDTHH:MM:00+00:00"   # hold it back until then (docs/authoring.md, Scheduling)
authors: []
topics: []                # topic ids, e.g. [security-guarantees, diplomacy]
actors: []                # actors mentioned without a position, e.g. [russia, nato]
sources: []
# sources:
#   - id: reuters-talks-stall          # cited as <Cite source="reuters-talks-stall" />
#     title: "Title of the article or document"
#     publisher: "Reuters"
#     url: "https://www.reuters.com/..."
#     date: "YYYY-MM-DD"
positions: []
# positions:
#   - id: lavrov-rejects-proposal       # permalink: unique across the whole site
#     actor: sergey-lavrov              # a file in content/actors/
#     stance: "One sentence, in the briefing's words."
#     quote: "The actor's own words, if there is a quote."
#     date: "YYYY-MM-DD"                # not after the briefing's date
#     topic: diplomacy
#     sources: [reuters-talks-stall]    # at least one id from sources
---

TODO: write the briefing. Mention an actor with \`<Actor id="sergey-lavrov" />\`, cite a source with \`<Cite source="reuters-talks-stall" />\` and quote a recorded position with \`<Position id="lavrov-rejects-proposal" />\`. See docs/authoring.md.
`;
}

export function actorTemplate(name: string, kind: (typeof ACTOR_KINDS)[number]): string {
  return `---
name: ${yamlString(name)}
kind: ${kind}                  # ${ACTOR_KINDS.join(', ')}
# role: "Current role, e.g. Minister of Foreign Affairs of Russia"
# affiliations: [russia]      # ids of actors this one belongs to
# country: RU                 # ISO 3166-1 alpha-2, capitals
aliases: []                   # other spellings and scripts, e.g. ["Лавров", "Sergei Lavrov"]
links: []
# links:
#   - label: "Official site"
#     url: "https://..."
---
TODO: a short bio in Markdown.
`;
}
