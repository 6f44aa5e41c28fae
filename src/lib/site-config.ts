/** The publication's name, shown in the header, titles and share cards. Set SITE_NAME to rebrand. */
export const SITE_NAME = process.env.SITE_NAME || 'Briefing Desk';
export const SITE_TAGLINE = process.env.SITE_TAGLINE || 'Who said what, sourced and linked.';
