// EnumGuard's VS Code entry point: activate wires the language client, the status bar, the secret store and
// the palette commands; deactivate stops the server. Everything else lives in its own file.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkDatabaseNow } from './commands/checkDatabaseNow';
import { connectToDatabase } from './commands/connectToDatabase';
import { disconnectDatabase } from './commands/disconnectDatabase';
import { generateSyncMigration } from './commands/generateSyncMigration';
import { restartServer } from './commands/restartServer';
import { showEnumMap } from './commands/showEnumMap';
import { showOutput } from './commands/showOutput';
import { createLanguageClient } from './languageClient';
import { createRedactingOutputChannel } from './redactingOutputChannel';
import { DatabaseUrlSecrets } from './secrets/databaseUrl';
import { EnumGuardStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const secrets = new DatabaseUrlSecrets(context.secrets);
  const outputChannel = createRedactingOutputChannel('EnumGuard', () => secrets.knownUrls());
  const traceOutputChannel = createRedactingOutputChannel('EnumGuard (LSP trace)', () => secrets.knownUrls());
  const statusBar = new EnumGuardStatusBar();
  context.subscriptions.push(outputChannel, traceOutputChannel, statusBar);
  const languageClient = createLanguageClient(context, secrets, statusBar, outputChannel, traceOutputChannel);
  client = languageClient;

  const command = (id: string, run: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: any[]) => {
      try {
        await run(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(`EnumGuard: ${(error as Error).message}`);
      }
    }));
  command('enumguard.connectDatabase', () => connectToDatabase(languageClient, secrets));
  command('enumguard.disconnectDatabase', () => disconnectDatabase(languageClient, secrets));
  command('enumguard.checkDatabase', () => checkDatabaseNow(languageClient));
  command('enumguard.showEnumMap', (focus?: { folderUri?: string; enumType?: string }) => showEnumMap(context, languageClient, focus));
  command('enumguard.generateMigration', (target?: { folderUri?: string; enumType?: string }) => generateSyncMigration(languageClient, target));
  command('enumguard.restartServer', () => restartServer(languageClient));
  command('enumguard.showOutput', () => showOutput(outputChannel));

  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
