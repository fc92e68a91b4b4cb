// EnumGuard: Show Enum Map — every enum type with its three truths, in a webview (also run from CodeLenses).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EnumMapRequest } from '../../../server/src/protocol';
import { EnumMapPanel } from '../panel/enumMapPanel';

export async function showEnumMap(context: vscode.ExtensionContext, client: LanguageClient, focus?: { folderUri?: string; enumType?: string }): Promise<void> {
  const map = await client.sendRequest(EnumMapRequest, {});
  EnumMapPanel.show(context, map, focus?.enumType, async () => client.sendRequest(EnumMapRequest, {}));
}
