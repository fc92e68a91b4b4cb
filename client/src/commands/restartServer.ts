// EnumGuard: Restart Server — restarts the language server (re-indexes every folder).
import type { LanguageClient } from 'vscode-languageclient/node';

export async function restartServer(client: LanguageClient): Promise<void> {
  await client.restart();
}
