/**
 * "Never a silent box": every text a share card draws is checked against the
 * card fonts' own character maps (cards/coverage.ts), and each character no
 * bundled font can draw is a warning naming the file, the field, the character
 * and its code point. The card itself shows U+FFFD in its place.
 */
import { uncoveredCharacters } from '../cards/coverage.ts';
import type { LoadedContent, LoadedFile } from '../load/load-content.ts';
import type { Report } from './report.ts';

/** `title`, `positions[2].quote (position "x")`: the field as the author finds it in the file. */
function fieldLabel(field: readonly (string | number)[], positionId?: string): string {
  const path = field.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').slice(1);
  return positionId ? `${path} (position "${positionId}")` : path;
}

function check(entry: LoadedFile<unknown>, field: readonly (string | number)[], text: string | undefined, report: Report, positionId?: string): void {
  if (!text) return;
  for (const { char, codePoint } of uncoveredCharacters(text)) {
    report.warning(entry.file, entry.parsed.locate(field), 'uncovered-character',
      `${fieldLabel(field, positionId)} has "${char}" (${codePoint}), which no share-card font can draw; the card shows "\uFFFD" in its place (write it another way, or leave it to the page)`);
  }
}

/** Checks the fields cards draw: titles, summaries, names, roles, stances, and a quote where it is not shown in translation. */
export function warnUncoveredCharacters(content: LoadedContent, report: Report): void {
  for (const actor of content.actors) {
    check(actor, ['name'], actor.data.name, report);
    check(actor, ['role'], actor.data.role, report);
  }
  for (const briefing of content.briefings) {
    check(briefing, ['title'], briefing.data.title, report);
    check(briefing, ['summary'], briefing.data.summary, report);
    briefing.data.positions.forEach((position, i) => {
      const at = (field: string, text: string | undefined) => check(briefing, ['positions', i, field], text, report, position.id);
      at('stance', position.stance);
      at('role', position.role);
      // The card quotes the desk's translation when there is one (cards/plan.ts).
      if (position.translation) at('translation', position.translation);
      else at('quote', position.quote);
    });
  }
}
