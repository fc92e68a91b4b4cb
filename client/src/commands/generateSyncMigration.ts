// EnumGuard: Generate Enum Sync Migration… — picks a type (or all), asks the server for an Alembic revision
// that renames/adds the database labels, writes it and opens it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EnumMapRequest, GenerateMigrationRequest } from '../../../server/src/protocol';

export async function generateSyncMigration(client: LanguageClient, target?: { folderUri?: string; enumType?: string }): Promise<void> {
  let folderUri = target?.folderUri;
  let enumType = target?.enumType;
  if (!enumType) {
    const map = await client.sendRequest(EnumMapRequest, { folderUri });
    if (map.types.length === 0) {
      void vscode.window.showInformationMessage('EnumGuard: no enum types found yet.');
      return;
    }
    const drifting = map.types.filter((type) => type.findings.length > 0);
    const items: (vscode.QuickPickItem & { folderUri?: string; enumType?: string })[] = [
      { label: 'All drifting types', description: `${drifting.length} type(s) with findings` },
      ...map.types.map((type) => ({
        label: type.key,
        description: type.findings.length > 0 ? `${type.findings.length} finding(s)` : 'in sync',
        folderUri: type.folderUri,
        enumType: type.key,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'EnumGuard: Generate Enum Sync Migration', placeHolder: 'Which enum type should the migration sync?' });
    if (!picked) return;
    folderUri = picked.folderUri ?? folderUri;
    enumType = picked.enumType;
  }
  const result = await client.sendRequest(GenerateMigrationRequest, { folderUri, enumType });
  if (!result.file || result.content === undefined) {
    void vscode.window.showInformationMessage(`EnumGuard: ${result.message}`);
    return;
  }
  const uri = vscode.Uri.file(result.file);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showWarningMessage(`EnumGuard: ${vscode.workspace.asRelativePath(uri)} already exists; nothing written.`);
    await vscode.window.showTextDocument(uri);
    return;
  } catch {
    // Not there yet: the normal case.
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.content));
  await vscode.window.showTextDocument(uri);
  void vscode.window.showInformationMessage(`EnumGuard: ${result.message}`);
}
