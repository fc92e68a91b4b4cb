// Wraps a request handler so one failure is logged and answered with a harmless fallback: the server never
// crashes and one folder's error never stops the others.
import type { Connection } from 'vscode-languageserver';

export function safeHandler<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      connection.console.error(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    }
  };
}
