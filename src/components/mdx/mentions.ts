/**
 * Where the body components find what they show: the `mentions` of the body's
 * view. Compiled bodies (BodyContent.astro) pass it as a prop. A body with MDX
 * code is rendered by Astro's MDX runtime, which gives components only the
 * attributes the author wrote, so for those the briefing page puts the same
 * view in `Astro.locals` before rendering the body.
 */
import type { BodyView } from '../../views/body.ts';

export type Mentions = BodyView['mentions'];

export function bodyMentions(passed: Mentions | undefined, locals: App.Locals): Mentions {
  const mentions = passed ?? locals.bodyMentions;
  if (!mentions) throw new Error('A body component was rendered outside a briefing body');
  return mentions;
}
