/** Bodies with MDX code, served by integrations/mdx-runtime-bodies-module.ts. */
declare module 'virtual:briefing-desk/mdx-runtime-bodies' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  export function loadMdxRuntimeBody(fileName: string): Promise<AstroComponentFactory>;
}

declare namespace App {
  interface Locals {
    /** The mentions of the body being rendered by Astro's MDX runtime (components/mdx/mentions.ts). */
    bodyMentions?: import('./views/body.ts').BodyView['mentions'];
  }
}
