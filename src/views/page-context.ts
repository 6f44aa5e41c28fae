/**
 * What every page and component may read besides its view: the build context
 * (base path, public URL, publication), never the model. Through the build
 * handoff, the one channel for build-time values (pipeline/build-handoff.ts).
 */
import { receiveHandoff, type BuildContext } from '../pipeline/build-handoff.ts';
import type { PublicationSettings } from '../config/settings.ts';
import { absoluteUrl, withBase } from '../routes.ts';

export const buildContext = (): BuildContext => receiveHandoff().context;

/** A site path with the deployment's base path in front. */
export const href = (sitePath: string): string => withBase(sitePath, buildContext().base);

/** An absolute URL on the public site (SITE_URL + BASE_PATH). */
export function absolute(sitePath: string): string {
  const { siteUrl, base } = buildContext();
  return absoluteUrl(sitePath, siteUrl, base);
}

export const publication = (): PublicationSettings => buildContext().publication;
