/** Worker thread (see util/worker-pool.ts): compiles the bodies it is sent. */
import { serveTasks } from '../../util/worker-pool.ts';
import { compileBody, type BodyNode } from './compile-body.ts';
import type { BodySource } from './compiled-bodies.ts';

serveTasks<BodySource, BodyNode[]>((task) => compileBody(task.source, task.format, task.fileName));
