/**
 * Briefing bodies and actor bios are compiled by Astro's Markdown and MDX
 * pipelines straight from `content/`. A glob import (not a content collection)
 * keeps Astro's content cache out of the way: renaming or deleting a file can
 * never leave a stale entry behind, and the dev server picks up every change.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import type { Actor, Briefing } from './model.ts';

type BodyModule = { Content: AstroComponentFactory };
type Loader = () => Promise<BodyModule>;

const byFileName = (modules: Record<string, Loader>) =>
  new Map(Object.entries(modules).map(([key, load]) => [key.slice(key.lastIndexOf('/') + 1), load]));

const briefingBodies = byFileName(import.meta.glob<BodyModule>(['@content/briefings/*.md', '@content/briefings/*.mdx']));
const actorBios = byFileName(import.meta.glob<BodyModule>('@content/actors/*.md'));

async function load(loaders: Map<string, Loader>, fileName: string): Promise<AstroComponentFactory> {
  const loader = loaders.get(fileName);
  if (!loader) throw new Error(`No compiled Markdown for "${fileName}"`);
  return (await loader()).Content;
}

export const loadBody = (briefing: Pick<Briefing, 'slug' | 'format'>) =>
  load(briefingBodies, `${briefing.slug}.${briefing.format}`);

export const loadBio = (actor: Pick<Actor, 'id'>) => load(actorBios, `${actor.id}.md`);
