import { z } from 'zod';
import { displayText, formerIds, link, slug, text } from './common.ts';

export const ACTOR_KINDS = ['person', 'organization', 'country'] as const;

/** Frontmatter of `content/actors/<id>.md`. The id is the file name. */
export const actorSchema = z.strictObject({
  /** Display name, e.g. "Sergey Lavrov". */
  name: displayText,
  /** What sort of actor this is; drives grouping on `/actors/`. */
  kind: z.enum(ACTOR_KINDS, { error: `must be one of ${ACTOR_KINDS.join(', ')}` }),
  /** Current role, e.g. "Foreign Minister of Russia". A position may override it. */
  role: text.optional(),
  /** Ids of actors this one belongs to (a minister's government, a state's alliances). */
  affiliations: z.array(slug).default([]),
  /** ISO 3166-1 alpha-2 code, upper case, e.g. "RU". */
  country: z
    .string({ error: 'must be a two-letter country code' })
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "RU"' })
    .optional(),
  /** Other spellings and scripts the actor is known by ("Лавров", "Berbok"); searchable. */
  aliases: z.array(displayText).default([]),
  /** Links shown on the actor page. */
  links: z.array(link).default([]),
  /** Former ids of this actor: a renamed file, or actors merged into this one; their URLs redirect here. */
  formerly: formerIds,
});

export type ActorInput = z.input<typeof actorSchema>;
export type ActorData = z.infer<typeof actorSchema>;
