/**
 * Synthetic corpus for the build benchmark, written to the content contract
 * (src/schemas/*). Deterministic: the same seed, briefing and actor counts give
 * byte-identical files.
 *
 *   node bench/generate.ts --out bench/.work/corpus --briefings 1000 --actors 200 --seed 1
 *
 * Writes `<out>/actors/*.md` and `<out>/briefings/*.mdx`. Every briefing has
 * about 600 words of body with a GFM table, <Actor id> and <Cite source>
 * mentions (some with a <Position id> embed), 3-8 positions and 2-4 sources;
 * a tenth of the actors have Cyrillic names with Latin aliases. Every actor and
 * every source is referenced, so the corpus checks with zero errors and zero
 * warnings. It can also write the bodies for the plain-Astro baseline (same
 * Markdown, components replaced by their text, frontmatter reduced to a title).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
function sample<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < count && copy.length) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]!);
  return out;
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slugify = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

// ---------------------------------------------------------------- vocabulary

const LATIN_FIRST = ['Anna', 'Lukas', 'Maria', 'James', 'Sofia', 'David', 'Elena', 'Thomas', 'Clara', 'Peter', 'Laura', 'Martin', 'Julia', 'Daniel', 'Emma', 'Michael', 'Nora', 'Paul', 'Helen', 'Jonas', 'Sarah', 'Marco', 'Ingrid', 'Pierre', 'Ayesha', 'Tomasz', 'Lea', 'Oscar', 'Rita', 'Henrik', 'Agnes', 'Victor', 'Mina', 'Felix', 'Irene', 'Samuel', 'Vera', 'Hugo', 'Greta', 'Adrian'];
const LATIN_LAST = ['Keller', 'Novak', 'Fischer', 'Martin', 'Larsen', 'Rossi', 'Dubois', 'Walsh', 'Berger', 'Kowalski', 'Jansen', 'Moreau', 'Lindqvist', 'Costa', 'Horvat', 'Meyer', 'Brennan', 'Silva', 'Nowak', 'Varga', 'Okafor', 'Haddad', 'Tanaka', 'Schmidt', 'Olsen', 'Bauer', 'Ferrari', 'Richter', 'Weber', 'Laurent', 'Murphy', 'Nilsen', 'Popescu', 'Santos', 'Kim', 'Ahmed', 'Marsh', 'Hale', 'Stone', 'Quinn'];
const CYR_FIRST: [string, string][] = [['Алексей', 'Aleksey'], ['Дмитрий', 'Dmitry'], ['Ирина', 'Irina'], ['Ольга', 'Olga'], ['Николай', 'Nikolay'], ['Татьяна', 'Tatyana'], ['Сергей', 'Sergey'], ['Мария', 'Mariya'], ['Андрей', 'Andrey'], ['Елена', 'Yelena'], ['Павел', 'Pavel'], ['Наталья', 'Natalya']];
const CYR_LAST: [string, string][] = [['Петров', 'Petrov'], ['Смирнов', 'Smirnov'], ['Козлов', 'Kozlov'], ['Волков', 'Volkov'], ['Соколов', 'Sokolov'], ['Новиков', 'Novikov'], ['Морозов', 'Morozov'], ['Лебедев', 'Lebedev'], ['Орлов', 'Orlov'], ['Зайцев', 'Zaytsev'], ['Павлов', 'Pavlov'], ['Фёдоров', 'Fyodorov']];
const COUNTRIES: [string, string][] = [['Austria', 'AT'], ['Belgium', 'BE'], ['Brazil', 'BR'], ['Canada', 'CA'], ['Chile', 'CL'], ['Denmark', 'DK'], ['Estonia', 'EE'], ['Finland', 'FI'], ['France', 'FR'], ['Georgia', 'GE'], ['Germany', 'DE'], ['Ghana', 'GH'], ['Greece', 'GR'], ['India', 'IN'], ['Ireland', 'IE'], ['Italy', 'IT'], ['Japan', 'JP'], ['Kenya', 'KE'], ['Latvia', 'LV'], ['Lithuania', 'LT'], ['Mexico', 'MX'], ['Moldova', 'MD'], ['Netherlands', 'NL'], ['Norway', 'NO'], ['Poland', 'PL'], ['Portugal', 'PT'], ['Romania', 'RO'], ['Slovakia', 'SK'], ['Spain', 'ES'], ['Sweden', 'SE'], ['Turkey', 'TR'], ['Ukraine', 'UA']];
const ORG_ADJ = ['Northern', 'Atlantic', 'Continental', 'Baltic', 'Eastern', 'Southern', 'Pacific', 'Central', 'Alpine', 'Danube', 'Nordic', 'Coastal', 'Western', 'Arctic', 'Caspian', 'Adriatic'];
const ORG_NOUN = ['Security Council', 'Trade Union', 'Defence Alliance', 'Energy Forum', 'Monitoring Mission', 'Development Bank', 'Customs Union', 'Water Commission', 'Grain Board', 'Shipping Authority', 'Rights Assembly', 'Election Observers'];
const ROLES = ['Foreign Minister', 'Defence Minister', 'Special Envoy', 'Prime Minister', 'President', 'Ambassador to the OSCE', 'National Security Adviser', 'Deputy Foreign Minister', 'Secretary General', 'Chief Negotiator', 'Finance Minister', 'Energy Minister', 'Spokesperson'];
const PUBLISHERS = ['Reuters', 'Associated Press', 'Agence France-Presse', 'Ministry of Foreign Affairs', 'The White House', 'Radio Free Europe', 'TASS', 'Interfax', 'The Guardian', 'Financial Times', 'Le Monde', 'Der Spiegel', 'BBC News', 'Kyiv Independent', 'Council Press Office'];
export const TOPICS = ['security-guarantees', 'sanctions', 'energy', 'arms-control', 'diplomacy', 'grain-exports', 'nato-enlargement', 'humanitarian-aid', 'elections', 'cyber', 'trade', 'prisoner-exchange'] as const;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const CITIES = ['Geneva', 'Vienna', 'Brussels', 'Warsaw', 'Helsinki', 'Istanbul', 'Berlin', 'Paris', 'Ankara', 'Riga', 'Oslo', 'Rome', 'Madrid', 'Tallinn'];
const NOUNS = ['talks', 'proposal', 'ceasefire', 'agreement', 'delegation', 'summit', 'negotiations', 'sanctions package', 'pipeline', 'corridor', 'treaty', 'inspection regime', 'statement', 'deadline', 'reply', 'mission', 'framework', 'exchange', 'guarantee', 'border', 'embargo', 'loan', 'reactor', 'port', 'convoy', 'parliament', 'referendum', 'alliance', 'memorandum', 'quota'];
const VERBS = ['rejected', 'welcomed', 'questioned', 'postponed', 'signed', 'proposed', 'criticised', 'endorsed', 'delayed', 'demanded', 'defended', 'described', 'announced', 'revised', 'blocked', 'reviewed', 'extended', 'suspended'];
const ADJS = ['new', 'written', 'binding', 'limited', 'fragile', 'long', 'formal', 'joint', 'temporary', 'regional', 'broad', 'urgent', 'revised', 'final', 'bilateral', 'partial', 'fresh', 'detailed'];
const FILLER = ['officials', 'diplomats', 'observers', 'analysts', 'negotiators', 'ministers', 'envoys', 'lawmakers', 'both sides', 'several governments', 'the allies', 'the delegations'];
const CONNECT = ['Meanwhile', 'By contrast', 'At the same time', 'Later that day', 'In a separate statement', 'According to people familiar with the talks', 'Earlier in the week', 'For now'];
const OUTCOMES = ['No agreement', 'Talks to continue', 'Joint statement', 'Deadline extended', 'Proposal rejected', 'Working group formed', 'Walkout', 'Partial deal'];

// ---------------------------------------------------------------- model

export interface GenActor {
  id: string;
  name: string;
  kind: 'person' | 'organization' | 'country';
  role?: string;
  affiliations: string[];
  country?: string;
  aliases: string[];
  cyrillic: boolean;
}

export interface GenSource { id: string; title: string; publisher: string; url: string; date: string }
export interface GenPosition { id: string; actor: string; stance: string; quote?: string; date?: string; role?: string; topic?: string; sources: string[] }
export interface GenBriefing {
  slug: string;
  title: string;
  summary: string;
  date: string;
  topics: string[];
  actors: string[];
  sources: GenSource[];
  positions: GenPosition[];
  /** MDX body with components. */
  body: string;
  /** The same body with every component replaced by plain text, for the baseline. */
  plainBody: string;
}

export interface Corpus { actors: GenActor[]; briefings: GenBriefing[] }

function makeActors(rng: Rng, count: number): GenActor[] {
  const actors: GenActor[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  const unique = (base: string, taken: Set<string>, sep: string) => {
    let value = base;
    for (let n = 2; taken.has(value.toLowerCase()); n++) value = `${base}${sep}${n}`;
    taken.add(value.toLowerCase());
    return value;
  };
  const countries = [...COUNTRIES];
  for (let i = 0; i < count; i++) {
    const roll = rng();
    // Every tenth actor (i % 10 === 3) is a person with a Cyrillic name.
    if (i % 10 === 3) {
      const [f, fl] = pick(rng, CYR_FIRST);
      const [l, ll] = pick(rng, CYR_LAST);
      let name = `${f} ${l}`;
      let latin = `${fl} ${ll}`;
      for (let n = 2; names.has(name.toLowerCase()) || names.has(latin.toLowerCase()); n++) {
        name = `${f} ${l} ${n}`;
        latin = `${fl} ${ll} ${n}`;
      }
      names.add(name.toLowerCase());
      names.add(latin.toLowerCase());
      const id = unique(slugify(latin), ids, '-');
      actors.push({ id, name, kind: 'person', role: pick(rng, ROLES), affiliations: [], aliases: [latin], cyrillic: true });
    } else if (roll < 0.12 && countries.length) {
      const [name, code] = countries.splice(Math.floor(rng() * countries.length), 1)[0]!;
      names.add(name.toLowerCase());
      actors.push({ id: unique(slugify(name), ids, '-'), name, kind: 'country', country: code, affiliations: [], aliases: [], cyrillic: false });
    } else if (roll < 0.25) {
      const name = unique(`${pick(rng, ORG_ADJ)} ${pick(rng, ORG_NOUN)}`, names, ' ');
      actors.push({ id: unique(slugify(name), ids, '-'), name, kind: 'organization', affiliations: [], aliases: [], cyrillic: false });
    } else {
      const name = unique(`${pick(rng, LATIN_FIRST)} ${pick(rng, LATIN_LAST)}`, names, ' ');
      actors.push({ id: unique(slugify(name), ids, '-'), name, kind: 'person', role: pick(rng, ROLES), affiliations: [], aliases: [], cyrillic: false });
    }
  }
  // People belong to a country or organization now and then (never themselves).
  const groups = actors.filter((a) => a.kind !== 'person');
  for (const actor of actors) {
    if (actor.kind === 'person' && groups.length && rng() < 0.6) actor.affiliations = [pick(rng, groups).id];
    if (actor.country === undefined && actor.kind === 'person' && rng() < 0.5) actor.country = pick(rng, COUNTRIES)[1];
  }
  return actors;
}

function sentence(rng: Rng, words: { count: number }): string {
  const forms = [
    () => `${cap(pick(rng, FILLER))} said the ${pick(rng, ADJS)} ${pick(rng, NOUNS)} would be ${pick(rng, VERBS)} before the ${pick(rng, NOUNS)} in ${pick(rng, CITIES)} on ${pick(rng, WEEKDAYS)}.`,
    () => `${pick(rng, CONNECT)}, ${pick(rng, FILLER)} ${pick(rng, VERBS)} a ${pick(rng, ADJS)} ${pick(rng, NOUNS)} and warned that the ${pick(rng, NOUNS)} could still fail.`,
    () => `The ${pick(rng, ADJS)} ${pick(rng, NOUNS)} was ${pick(rng, VERBS)} after ${int(rng, 2, 19)} hours of discussion, and ${pick(rng, FILLER)} expect another round within ${int(rng, 2, 9)} weeks.`,
    () => `${cap(pick(rng, FILLER))} described the ${pick(rng, NOUNS)} as ${pick(rng, ADJS)}, while others ${pick(rng, VERBS)} the ${pick(rng, ADJS)} ${pick(rng, NOUNS)} outright.`,
    () => `${cap(pick(rng, FILLER))} in ${pick(rng, CITIES)} ${pick(rng, VERBS)} the ${pick(rng, NOUNS)} and asked for a ${pick(rng, ADJS)} ${pick(rng, NOUNS)} by the end of the month.`,
  ];
  const s = pick(rng, forms)();
  words.count += s.split(' ').length;
  return s;
}

function isoDate(day: number): string {
  return new Date(Date.UTC(2018, 0, 1) + day * 86400000).toISOString().slice(0, 10);
}

const DAYS = 2700; // 2018-01-01 … mid-2025, never in the future

function makeBriefing(rng: Rng, index: number, actors: GenActor[], mustUse: GenActor[]): GenBriefing {
  const day = int(rng, 10, DAYS);
  const date = isoDate(day);
  const topics = sample(rng, TOPICS, int(rng, 1, 3));
  const city = pick(rng, CITIES);
  const noun = pick(rng, NOUNS);

  const sourceCount = int(rng, 2, 4);
  const sources: GenSource[] = [];
  for (let s = 0; s < sourceCount; s++) {
    const publisher = pick(rng, PUBLISHERS);
    const id = `${slugify(publisher)}-${s + 1}`;
    sources.push({
      id,
      title: `${cap(pick(rng, ADJS))} ${noun} in ${city}: ${pick(rng, FILLER)} ${pick(rng, VERBS)} ${pick(rng, NOUNS)}`,
      publisher,
      url: `https://news.example.org/${slugify(publisher)}/${date}/${index}-${s + 1}`,
      date: isoDate(day - int(rng, 0, 2)),
    });
  }

  const positionCount = int(rng, 3, 8);
  const positionActors = [...mustUse.slice(0, positionCount)];
  while (positionActors.length < positionCount) positionActors.push(pick(rng, actors));
  const slug = `b${String(index + 1).padStart(5, '0')}-${slugify(noun)}-${slugify(city)}`;
  const positions: GenPosition[] = positionActors.map((actor, k) => {
    const verb = pick(rng, VERBS);
    const p: GenPosition = {
      id: `${actor.id}-${index + 1}-${k + 1}`,
      actor: actor.id,
      stance: `${actor.name} ${verb} the ${pick(rng, ADJS)} ${pick(rng, NOUNS)} and called for a ${pick(rng, ADJS)} ${pick(rng, NOUNS)} before talks in ${pick(rng, CITIES)}.`,
      sources: sample(rng, sources, int(rng, 1, 2)).map((s) => s.id),
    };
    if (rng() < 0.5) p.quote = `We will not accept a ${pick(rng, ADJS)} ${pick(rng, NOUNS)} that ignores the ${pick(rng, NOUNS)}.`;
    if (rng() < 0.3) p.date = isoDate(day - int(rng, 0, 3));
    if (actor.kind === 'person' && rng() < 0.4) p.role = pick(rng, ROLES);
    if (rng() < 0.8) p.topic = pick(rng, topics);
    return p;
  });
  const mentionedOnly = sample(rng, actors, int(rng, 0, 3)).map((a) => a.id);

  // Body: intro, three sections, one with a GFM table, and a closing paragraph.
  const words = { count: 0 };
  const involved = [...new Set([...positionActors.map((a) => a.id), ...mentionedOnly])];
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const mdx: string[] = [];
  const plain: string[] = [];
  const cites = new Map<string, number>();
  let sourceCursor = 0;
  // Each paragraph: sentences with one actor mention and one citation, so every source gets cited.
  const paragraph = (sentences: number) => {
    const a: string[] = [];
    const b: string[] = [];
    const actor = actorById.get(pick(rng, involved))!;
    const withChildren = rng() < 0.2;
    const mentionMdx = withChildren ? `<Actor id="${actor.id}">${actor.kind === 'person' ? 'the envoy' : 'the delegation'}</Actor>` : `<Actor id="${actor.id}" />`;
    const mentionPlain = withChildren ? (actor.kind === 'person' ? 'the envoy' : 'the delegation') : actor.name;
    const lead = `${pick(rng, CONNECT)}, ${'\u0000'} ${pick(rng, VERBS)} the ${pick(rng, ADJS)} ${pick(rng, NOUNS)} in ${pick(rng, CITIES)}.`;
    words.count += lead.split(' ').length;
    const source = sources[sourceCursor++ % sources.length]!;
    cites.set(source.id, (cites.get(source.id) ?? 0) + 1);
    const number = sources.indexOf(source) + 1;
    a.push(`${lead.replace('\u0000', mentionMdx)}<Cite source="${source.id}" />`);
    b.push(`${lead.replace('\u0000', mentionPlain)}[${number}]`);
    for (let i = 1; i < sentences; i++) {
      const s = sentence(rng, words);
      a.push(s);
      b.push(s);
    }
    mdx.push(a.join(' '), '');
    plain.push(b.join(' '), '');
  };
  const heading = (text: string) => {
    mdx.push(`## ${text}`, '');
    plain.push(`## ${text}`, '');
    words.count += text.split(' ').length;
  };

  paragraph(5);
  if (rng() < 0.35) {
    const embed = pick(rng, positions);
    mdx.push(`<Position id="${embed.id}" />`, '');
    plain.push(`> ${embed.quote ?? embed.stance}`, '');
  }
  heading(`What ${pick(rng, FILLER)} want`);
  paragraph(5);
  paragraph(4);
  heading('The week of talks');
  const table = ['| Date | Venue | Format | Outcome |', '| --- | --- | --- | --- |'];
  for (let r = 0; r < int(rng, 4, 6); r++) {
    table.push(`| ${isoDate(day - 6 + r)} | ${pick(rng, CITIES)} | ${cap(pick(rng, ADJS))} ${pick(rng, NOUNS)} | ${pick(rng, OUTCOMES)} |`);
    words.count += 8;
  }
  mdx.push(...table, '');
  plain.push(...table, '');
  paragraph(4);
  heading('What comes next');
  while (words.count < 585) paragraph(Math.min(5, Math.max(2, Math.ceil((600 - words.count) / 17))));

  const title = `${cap(pick(rng, FILLER))} ${pick(rng, VERBS)} ${pick(rng, ADJS)} ${noun} in ${city}`;
  const summary = `${cap(pick(rng, FILLER))} met in ${city} for ${pick(rng, ADJS)} ${pick(rng, NOUNS)} and ${pick(rng, VERBS)} the ${noun}. A ${pick(rng, ADJS)} reply is expected within ${int(rng, 2, 9)} weeks.`;
  return {
    slug, title, summary, date, topics, actors: mentionedOnly, sources, positions,
    body: mdx.join('\n'), plainBody: plain.join('\n'),
  };
}

export function generateCorpus(options: { briefings: number; actors: number; seed: number }): Corpus {
  const rng = mulberry32(options.seed);
  const actors = makeActors(rng, options.actors);
  // Every actor takes at least one position (no "unreferenced actor" warnings):
  // the first briefings draw positions round-robin from the actor list.
  const briefings: GenBriefing[] = [];
  let cursor = 0;
  for (let i = 0; i < options.briefings; i++) {
    const mustUse: GenActor[] = [];
    while (cursor < actors.length && mustUse.length < 3) mustUse.push(actors[cursor++]!);
    briefings.push(makeBriefing(rng, i, actors, mustUse));
  }
  return { actors, briefings };
}

// ---------------------------------------------------------------- files

function actorFile(a: GenActor, rng: Rng): string {
  const lines = ['---', `name: ${q(a.name)}`, `kind: ${a.kind}`];
  if (a.role) lines.push(`role: ${q(a.role)}`);
  if (a.affiliations.length) lines.push(`affiliations: [${a.affiliations.join(', ')}]`);
  if (a.country) lines.push(`country: ${a.country}`);
  if (a.aliases.length) lines.push(`aliases: [${a.aliases.map(q).join(', ')}]`);
  if (rng() < 0.3) lines.push('links:', `  - label: "Official site"`, `    url: "https://example.org/${a.id}"`);
  lines.push('---', '');
  const words = { count: 0 };
  lines.push(`${a.name} appears in this corpus as a ${a.kind}. ${sentence(rng, words)} ${sentence(rng, words)}`, '');
  return lines.join('\n');
}

function briefingFile(b: GenBriefing): string {
  const lines = ['---', `title: ${q(b.title)}`, `summary: ${q(b.summary)}`, `date: ${q(b.date)}`, 'authors: ["Bench desk"]', `topics: [${b.topics.join(', ')}]`];
  if (b.actors.length) lines.push(`actors: [${b.actors.join(', ')}]`);
  lines.push('sources:');
  for (const s of b.sources) {
    lines.push(`  - id: ${s.id}`, `    title: ${q(s.title)}`, `    publisher: ${q(s.publisher)}`, `    url: ${q(s.url)}`, `    date: ${q(s.date)}`);
  }
  lines.push('positions:');
  for (const p of b.positions) {
    lines.push(`  - id: ${p.id}`, `    actor: ${p.actor}`, `    stance: ${q(p.stance)}`);
    if (p.quote) lines.push(`    quote: ${q(p.quote)}`);
    if (p.date) lines.push(`    date: ${q(p.date)}`);
    if (p.role) lines.push(`    role: ${q(p.role)}`);
    if (p.topic) lines.push(`    topic: ${p.topic}`);
    lines.push(`    sources: [${p.sources.join(', ')}]`);
  }
  lines.push('---', '', b.body);
  return lines.join('\n');
}

/** Writes `<dir>/actors/*.md` and `<dir>/briefings/*.mdx`, replacing what was there. */
export function writeCorpus(corpus: Corpus, dir: string, seed: number): { files: number; positions: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'actors'), { recursive: true });
  mkdirSync(path.join(dir, 'briefings'), { recursive: true });
  const rng = mulberry32(seed ^ 0x9e3779b9);
  for (const a of corpus.actors) writeFileSync(path.join(dir, 'actors', `${a.id}.md`), actorFile(a, rng));
  for (const b of corpus.briefings) writeFileSync(path.join(dir, 'briefings', `${b.slug}.mdx`), briefingFile(b));
  return { files: corpus.actors.length + corpus.briefings.length, positions: corpus.briefings.reduce((n, b) => n + b.positions.length, 0) };
}

/** The baseline's bodies: same Markdown, components as plain text, frontmatter = title only. */
export function writeBaselineBodies(corpus: Corpus, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const b of corpus.briefings) writeFileSync(path.join(dir, `${b.slug}.mdx`), `---\ntitle: ${q(b.title)}\n---\n\n${b.plainBody}`);
}

export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    // Split at the first "=" only: a value may hold more (--node-flags="--cpu-prof --cpu-prof-dir=…").
    const equals = arg.indexOf('=');
    const key = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    if (equals >= 0) out[key] = arg.slice(equals + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) out[key] = argv[++i]!;
    else out[key] = true;
  }
  return out;
}

if (import.meta.main) {
  const args = parseArgs(process.argv.slice(2));
  const briefings = Number(args.briefings ?? 1000);
  const actors = Number(args.actors ?? 200);
  const seed = Number(args.seed ?? 1);
  const out = path.resolve(String(args.out ?? 'bench/.work/corpus'));
  const corpus = generateCorpus({ briefings, actors, seed });
  const { files, positions } = writeCorpus(corpus, out, seed);
  if (typeof args.baseline === 'string') writeBaselineBodies(corpus, path.resolve(args.baseline));
  console.log(`wrote ${files} files (${briefings} briefings, ${actors} actors, ${positions} positions) to ${out}`);
}
