// Starts the EnumGuard language server (dist/server.js over node IPC) and answers its requests: the database
// URL comes from SecretStorage, status notifications drive the status bar. Traces pass through redaction.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DatabaseUrlRequest, StatusNotification } from '../../server/src/protocol';
import type { DatabaseUrlSecrets } from './secrets/databaseUrl';
import type { EnumGuardStatusBar } from './statusBar';

export function createLanguageClient(
  context: vscode.ExtensionContext,
  secrets: DatabaseUrlSecrets,
  statusBar: EnumGuardStatusBar,
  outputChannel: vscode.LogOutputChannel,
  traceOutputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'file', language: 'sql' },
      { scheme: 'file', pattern: '**/alembic.ini' },
    ],
    outputChannel,
    traceOutputChannel,
    // The server pulls `enumguard.*` per folder (workspace/configuration) and restarts a folder when it changes.
    synchronize: { configurationSection: 'enumguard' },
  };
  // The id 'enumguard' makes vscode-languageclient honour the `enumguard.trace.server` setting.
  const client = new LanguageClient('enumguard', 'EnumGuard', serverOptions, clientOptions);
  client.onRequest(DatabaseUrlRequest, async (params) => ({ url: await secrets.get(params.folderUri) }));
  client.onNotification(StatusNotification, (status) => statusBar.update(status));
  return client;
}
