// EnumGuard: Check Database Now — re-introspects every folder's database and re-analyses.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckDatabaseRequest } from '../../../server/src/protocol';

export async function checkDatabaseNow(client: LanguageClient): Promise<void> {
  const status = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'EnumGuard: checking the database' },
    () => client.sendRequest(CheckDatabaseRequest, {}),
  );
  if (status.connected === 'error') void vscode.window.showErrorMessage(`EnumGuard: ${status.databaseError ?? 'the database check failed'}`);
  else void vscode.window.setStatusBarMessage(`EnumGuard: ${status.description} · ${status.errors} error(s)`, 4000);
}
