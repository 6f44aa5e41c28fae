/**
 * The components an author may use in a briefing body without importing them,
 * and the attribute that names what each refers to. Part of the content
 * contract: the body analyzer checks their use, the body compiler leaves them
 * as calls the page fills in.
 */
export const BODY_COMPONENTS = {
  Actor: { idAttribute: 'id' },
  Position: { idAttribute: 'id' },
  Cite: { idAttribute: 'source' },
} as const;
export type BodyComponentName = keyof typeof BODY_COMPONENTS;
