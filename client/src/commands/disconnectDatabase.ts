// EnumGuard: Disconnect — forgets the stored URL of a folder and re-checks without it (ENUMGUARD_DATABASE_URL or
// the config's databaseUrlEnv still apply if set in the server's environment).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckDatabaseRequest } from '../../../server/src/protocol';
import { pickWorkspaceFolder } from '../pickFolder';
import type { DatabaseUrlSecrets } from '../secrets/databaseUrl';

export async function disconnectDatabase(client: LanguageClient, secrets: DatabaseUrlSecrets): Promise<void> {
  const folder = await pickWorkspaceFolder('Disconnect which folder from its database?');
  if (!folder) return;
  await secrets.delete(folder.uri.toString());
  const status = await client.sendRequest(CheckDatabaseRequest, { folderUri: folder.uri.toString() });
  const still = status.connected === 'live' ? ` A URL from the environment is still in use (${status.description}).` : '';
  void vscode.window.showInformationMessage(`EnumGuard: the database URL of ${folder.name} was removed.${still}`);
}
