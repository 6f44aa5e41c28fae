/**
 * The share-card design, as a satori element tree. Pure: no fonts, no I/O, so it
 * can be unit-tested and its output hashed. Change CARD_TEMPLATE_VERSION with any
 * visual change so cached cards are re-rendered.
 */
import { formatDate, plural } from '../../util/format.ts';
import { paragraphDirection } from './direction.ts';
import { cardText } from './text.ts';

export const CARD_TEMPLATE_VERSION = 7;
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The publication on the card: its accent, its language (for dates), its logo. */
export interface CardBrand {
  accent: string;
  language: string;
  /** The logo's file; `sha256` puts its bytes into the card's cache key. */
  logo?: { file: string; sha256: string; width: number; height: number };
}

/** The desk's own look, for cards made without a publication (tests, benchmarks). */
export const DEFAULT_BRAND: CardBrand = { accent: '#8a1c1c', language: 'en' };

export type CardContent =
  | { kind: 'briefing'; brand?: CardBrand; siteName: string; title: string; summary: string; date: string; actors: string[]; withdrawn?: true; corrected?: string }
  | { kind: 'actor'; brand?: CardBrand; siteName: string; name: string; role?: string; positions: number; briefings: number; latestStance?: string; latestDate?: string }
  | { kind: 'position'; brand?: CardBrand; siteName: string; text: string; isQuote: boolean; actorName: string; role?: string; date: string; briefingTitle: string; withdrawn?: true; translatedFrom?: string; corrected?: string }
  | { kind: 'page'; brand?: CardBrand; siteName: string; label: string; title: string; subtitle: string; footer: string };

export interface CardNode {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: (CardNode | string)[] | CardNode | string;
    lang?: string;
    /** A text block of known width that render.ts may shape and draw itself (shaped-text.ts); never passed to satori. */
    shape?: { width: number; lines: number };
    src?: string;
    width?: number;
    height?: number;
  };
}

/** The card's colours match the site's light theme: paper, ink, and the publication's accent (CardBrand). */
export const COLORS = { paper: '#fbfaf7', ink: '#1b1f24', muted: '#505963', rule: '#d9d6ce' };
const LOGO_HEIGHT = 44;

const h = (type: string, style: Record<string, string | number>, ...children: (CardNode | string | false | undefined)[]): CardNode => ({
  type,
  props: { style, children: children.filter((c): c is CardNode | string => Boolean(c)) },
});

/**
 * A block of text that never overflows: at most `lines` lines, ellipsis at the
 * end. A text whose first strong character is right to left is a right-to-left
 * paragraph: it starts at the right, and its neutral characters (quotation
 * marks, full stop) take the side the bidi algorithm gives them.
 */
export const clampedText = (text: string, style: Record<string, string | number>, lines: number, width?: number): CardNode => {
  const node = h('div', { display: 'block', lineClamp: lines, ...style, ...(paragraphDirection(text) === 'rtl' ? { direction: 'rtl', textAlign: 'right' } : {}) }, text);
  if (width !== undefined) node.props.shape = { width, lines };
  return node;
};

/** Width of the card's text column: the card less the accent bar and the padding of frame(). */
const TEXT_WIDTH = CARD_WIDTH - 16 - 68 - 72;

/**
 * Rules and bars are plain filled boxes, never CSS borders, and nothing clips:
 * satori turns borders and `overflow: hidden` into SVG masks and clip paths,
 * which made rasterising a card about a third slower (measured with resvg).
 */
const bar = (accent: string, style: Record<string, string | number>) => h('div', { display: 'flex', flexShrink: 0, backgroundColor: accent, ...style });

/** The logo at a fixed height, as wide as its proportions make it (at most a third of the card). */
function logoImage(brand: CardBrand, src: string | undefined): CardNode | undefined {
  if (!brand.logo || !src) return undefined;
  const width = Math.min(400, Math.round((LOGO_HEIGHT * brand.logo.width) / brand.logo.height));
  return { type: 'img', props: { src, width, height: LOGO_HEIGHT, style: { width, height: LOGO_HEIGHT, marginRight: 16 } } as CardNode['props'] };
}

function frame(card: CardContent, label: string, body: CardNode, footer: CardNode, fontFamily: string, logoSrc?: string): CardNode {
  const { brand = DEFAULT_BRAND, siteName } = card;
  return h(
    'div',
    { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', boxSizing: 'border-box', backgroundColor: COLORS.paper, color: COLORS.ink, fontFamily },
    bar(brand.accent, { width: 16, height: CARD_HEIGHT }),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, boxSizing: 'border-box', height: CARD_HEIGHT, padding: '56px 72px 52px 68px' },
      h('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 26, fontWeight: 700, color: COLORS.muted },
        h('div', { display: 'flex', color: brand.accent, letterSpacing: 3 }, label.toUpperCase()),
        h('div', { display: 'flex', alignItems: 'center' }, logoImage(brand, logoSrc), cardText(siteName, 40))),
      h('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, body),
      h('div', { display: 'flex', flexShrink: 0, height: 2, backgroundColor: COLORS.rule, marginBottom: 22 }),
      h('div', { display: 'flex', fontSize: 28, color: COLORS.muted }, footer),
    ),
  );
}


/** The card's date, and the day of its latest correction when it has one. */
const datedLine = (language: string, date: string, corrected?: string) => {
  const day = (d: string) => formatDate(d, 'long', language);
  return corrected ? `${day(date)} · corrected ${day(corrected)}` : day(date);
};

/** Every string drawn on the card, for choosing fonts that cover it. */
export function cardStrings(card: CardContent): string {
  return Object.values(card).filter((v) => typeof v === 'string' || Array.isArray(v)).flat().join(' ');
}

/** `logoSrc`: the logo as a data URL, read by the renderer (the layout does no I/O). */
export function cardLayout(card: CardContent, fontFamily: string, logoSrc?: string): CardNode {
  switch (card.kind) {
    case 'briefing': {
      const actors = card.actors.slice(0, 4).join(' · ') + (card.actors.length > 4 ? ` +${card.actors.length - 4}` : '');
      return frame(card, card.withdrawn ? 'Withdrawn' : 'Briefing',
        h('div', { display: 'flex', flexDirection: 'column' },
          clampedText(cardText(card.title, 140), { fontSize: 62, fontWeight: 700, lineHeight: 1.12, letterSpacing: -1 }, 3, TEXT_WIDTH),
          clampedText(cardText(card.summary, 260), { fontSize: 32, lineHeight: 1.35, color: COLORS.muted, marginTop: 22 }, 3, TEXT_WIDTH)),
        h('div', { display: 'flex', width: '100%', justifyContent: 'space-between' },
          h('div', { display: 'flex', flexShrink: 0, fontWeight: 700, color: COLORS.ink }, datedLine((card.brand ?? DEFAULT_BRAND).language, card.date, card.corrected)),
          actors && clampedText(cardText(actors, 90), { marginLeft: 32, textAlign: 'right' }, 1)),
        fontFamily, logoSrc);
    }
    case 'actor': {
      const stats = `${plural(card.positions, 'position')} · ${plural(card.briefings, 'briefing')}`;
      return frame(card, 'Actor',
        h('div', { display: 'flex', flexDirection: 'column' },
          clampedText(cardText(card.name, 60), { fontSize: 76, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 }, 2, TEXT_WIDTH),
          card.role && clampedText(cardText(card.role, 120), { fontSize: 36, color: COLORS.muted, marginTop: 12 }, 2, TEXT_WIDTH),
          card.latestStance && h('div', { display: 'flex', marginTop: 30 },
            bar((card.brand ?? DEFAULT_BRAND).accent, { width: 6, marginRight: 24 }),
            clampedText(cardText(`Latest: ${card.latestStance}`, 200), { fontSize: 32, lineHeight: 1.35 }, 3, TEXT_WIDTH - 30))),
        h('div', { display: 'flex', width: '100%', justifyContent: 'space-between' },
          h('div', { display: 'flex', fontWeight: 700, color: COLORS.ink }, stats),
          card.latestDate && h('div', { display: 'flex' }, formatDate(card.latestDate, 'long', (card.brand ?? DEFAULT_BRAND).language))),
        fontFamily, logoSrc);
    }
    case 'position': {
      const text = card.isQuote ? `“${cardText(card.text, 220)}”` : cardText(card.text, 220);
      const speaker = card.role ? `${card.actorName}, ${card.role}` : card.actorName;
      const who = card.translatedFrom ? `${speaker} · translated from ${card.translatedFrom}` : speaker;
      return frame(card, card.withdrawn ? 'Withdrawn' : card.isQuote ? 'Quote' : 'Position',
        h('div', { display: 'flex', flexDirection: 'column' },
          clampedText(text, { fontSize: text.length > 140 ? 46 : 56, fontWeight: 700, lineHeight: 1.2, letterSpacing: -0.5 }, 4, TEXT_WIDTH),
          clampedText(cardText(who, 120), { fontSize: 34, color: (card.brand ?? DEFAULT_BRAND).accent, fontWeight: 700, marginTop: 26 }, 2, TEXT_WIDTH)),
        h('div', { display: 'flex', width: '100%', justifyContent: 'space-between' },
          h('div', { display: 'flex', flexShrink: 0, fontWeight: 700, color: COLORS.ink }, datedLine((card.brand ?? DEFAULT_BRAND).language, card.date, card.corrected)),
          clampedText(cardText(card.briefingTitle, 90), { marginLeft: 32, textAlign: 'right' }, 1)),
        fontFamily, logoSrc);
    }
    case 'page':
      return frame(card, card.label,
        h('div', { display: 'flex', flexDirection: 'column' },
          clampedText(cardText(card.title, 100), { fontSize: 76, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 }, 2, TEXT_WIDTH),
          clampedText(cardText(card.subtitle, 200), { fontSize: 36, lineHeight: 1.35, color: COLORS.muted, marginTop: 22 }, 3, TEXT_WIDTH)),
        h('div', { display: 'flex', fontWeight: 700, color: COLORS.ink }, cardText(card.footer, 80)),
        fontFamily, logoSrc);
  }
}
