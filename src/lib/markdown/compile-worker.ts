/** Worker thread (see lib/workers/pool.ts): compiles the bodies it is sent. */
import { serveTasks } from '../workers/pool.ts';
import { compileBody, type BodyNode } from './compile-body.ts';
import type { BodySource } from './body-cache.ts';

serveTasks<BodySource, BodyNode[]>((task) => compileBody(task.source, task.format, task.fileName));
