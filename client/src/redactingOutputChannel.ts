// An OutputChannel that removes database URLs and passwords before text reaches the real channel. LSP traces
// (enumguard.trace.server: verbose) log every message, including the answer to enumguard/databaseUrl.
import * as vscode from 'vscode';
import { redactSecrets } from '../../server/src/db/redact';

export function createRedactingOutputChannel(name: string, secrets: () => string[]): vscode.LogOutputChannel {
  const inner = vscode.window.createOutputChannel(name, { log: true });
  const clean = (value: string | Error): string => redactSecrets(typeof value === 'string' ? value : value.stack ?? value.message, secrets());
  const cleanArgs = (args: unknown[]): string[] => args.map((arg) => clean(typeof arg === 'string' || arg instanceof Error ? arg : JSON.stringify(arg) ?? String(arg)));
  return {
    name: inner.name,
    get logLevel() { return inner.logLevel; },
    onDidChangeLogLevel: inner.onDidChangeLogLevel,
    trace: (message: string, ...args: unknown[]) => inner.trace(clean(message), ...cleanArgs(args)),
    debug: (message: string, ...args: unknown[]) => inner.debug(clean(message), ...cleanArgs(args)),
    info: (message: string, ...args: unknown[]) => inner.info(clean(message), ...cleanArgs(args)),
    warn: (message: string, ...args: unknown[]) => inner.warn(clean(message), ...cleanArgs(args)),
    error: (error: string | Error, ...args: unknown[]) => inner.error(clean(error), ...cleanArgs(args)),
    append: (value: string) => inner.append(clean(value)),
    appendLine: (value: string) => inner.appendLine(clean(value)),
    replace: (value: string) => inner.replace(clean(value)),
    clear: () => inner.clear(),
    show: (...args: unknown[]) => (inner.show as (...a: unknown[]) => void)(...args),
    hide: () => inner.hide(),
    dispose: () => inner.dispose(),
  };
}
