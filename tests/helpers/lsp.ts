import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A minimal Language Server Protocol client over stdio, enough to drive a language
 * server headless the way an editor does: requests, notifications, and answers to
 * the few requests a server sends its client (configuration, registrations).
 */
export interface LspClient {
  request<T = unknown>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  /** Everything the server wrote to stderr, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

export function startLanguageServer(command: string, args: string[], cwd: string): LspClient {
  const child: ChildProcess = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let nextId = 1;
  let buffer = Buffer.alloc(0);
  let stderr = '';
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const send = (message: Message) => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin!.write(body);
  };
  const handle = (message: Message) => {
    if (message.id !== undefined && message.method) {
      // A request from the server: answer as a plain editor with default settings would.
      const result = message.method === 'workspace/configuration' ? ((message.params as { items: unknown[] }).items.map(() => null)) : null;
      send({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.id !== undefined) {
      const waiting = pending.get(Number(message.id));
      pending.delete(Number(message.id));
      if (message.error) waiting?.reject(new Error(`${message.error.message}\n${stderr}`));
      else waiting?.resolve(message.result);
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      handle(JSON.parse(body) as Message);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('exit', () => {
    for (const waiting of pending.values()) waiting.reject(new Error(`language server exited:\n${stderr}`));
    pending.clear();
  });
  return {
    request: <T>(method: string, params: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        send({ jsonrpc: '2.0', id, method, params });
      }),
    notify: (method, params) => send({ jsonrpc: '2.0', method, params }),
    log: () => stderr,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
