/**
 * What every page and component may read besides its view: the build context
 * (base path, public URL, publication), never the model. Through the build
 * handoff, the one channel for build-time values (pipeline/build-handoff.ts).
 */
import { receiveHandoff, type BuildContext } from '../pipeline/build-handoff.ts';
import type { PublicationSettings } from '../config/settings.ts';
import { absoluteIn, withBase } from '../routes.ts';

export const buildContext = (): BuildContext => receiveHandoff().context;

/** A site path with the deployment's base path in front. */
export const href = (sitePath: string): string => withBase(sitePath, buildContext().base);

/** An absolute URL on the public site (SITE_URL + BASE_PATH). */
export const absolute = (sitePath: string): string => absoluteIn(buildContext())(sitePath);

export const publication = (): PublicationSettings => buildContext().publication;
