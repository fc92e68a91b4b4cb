// EnumGuard: Connect to Database… — asks for a URL (masked), has the server test it with a read-only
// connection, and only then stores it in SecretStorage for the chosen workspace folder.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckDatabaseRequest, TestConnectionRequest } from '../../../server/src/protocol';
import { pickWorkspaceFolder } from '../pickFolder';
import type { DatabaseUrlSecrets } from '../secrets/databaseUrl';

export async function connectToDatabase(client: LanguageClient, secrets: DatabaseUrlSecrets): Promise<void> {
  const folder = await pickWorkspaceFolder('Which folder does this database belong to?');
  if (!folder) return;
  const url = await vscode.window.showInputBox({
    title: 'EnumGuard: Connect to Database',
    prompt: 'PostgreSQL URL (postgresql://user:password@host:5432/db, postgresql+psycopg2://… also accepted). Stored in the OS keychain (SecretStorage), never in settings.',
    placeHolder: 'postgresql://user:password@localhost:5432/app',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (/^(postgres(ql)?(\+\w+)?:\/\/|file:)/i.test(value.trim()) ? undefined : 'Expected a postgresql:// URL (or file:schema.sql)'),
  });
  if (!url) return;
  secrets.remember(url.trim());
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'EnumGuard: testing the connection (read-only)…' },
    () => client.sendRequest(TestConnectionRequest, { folderUri: folder.uri.toString(), url: url.trim() }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(`EnumGuard: ${result.message} The URL was not stored.`);
    return;
  }
  await secrets.set(folder.uri.toString(), url.trim());
  await client.sendRequest(CheckDatabaseRequest, { folderUri: folder.uri.toString() });
  void vscode.window.showInformationMessage(`EnumGuard: ${result.message}`);
}
