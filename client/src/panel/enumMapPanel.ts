// The Show Enum Map webview panel: one instance, scripts allowed only with a per-render nonce under a strict CSP,
// no local resources beyond media/. Clicking a file opens it at the line; Refresh asks the server again.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { EnumMapResult } from '../../../server/src/protocol';
import { enumMapHtml } from './enumMapHtml';

export class EnumMapPanel {
  private static current: EnumMapPanel | undefined;

  private constructor(private readonly panel: vscode.WebviewPanel, private reload: () => Promise<EnumMapResult>) {
    panel.onDidDispose(() => { EnumMapPanel.current = undefined; });
    panel.webview.onDidReceiveMessage(async (message: { command?: string; folderUri?: string; file?: string; line?: number }) => {
      try {
        if (message.command === 'refresh') this.render(await this.reload());
        if (message.command === 'open' && message.folderUri && message.file) {
          const uri = vscode.Uri.joinPath(vscode.Uri.parse(message.folderUri), ...message.file.split('/'));
          const line = Math.max(0, (message.line ?? 1) - 1);
          await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.One });
        }
      } catch (error) {
        void vscode.window.showErrorMessage(`EnumGuard: ${(error as Error).message}`);
      }
    });
  }

  static show(context: vscode.ExtensionContext, map: EnumMapResult, focusType: string | undefined, reload: () => Promise<EnumMapResult>): void {
    if (!EnumMapPanel.current) {
      const panel = vscode.window.createWebviewPanel('enumguard.enumMap', 'EnumGuard: Enum Map', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
      });
      EnumMapPanel.current = new EnumMapPanel(panel, reload);
    }
    EnumMapPanel.current.reload = reload;
    EnumMapPanel.current.render(map, focusType);
    EnumMapPanel.current.panel.reveal();
  }

  private render(map: EnumMapResult, focusType?: string): void {
    const nonce = crypto.randomBytes(16).toString('base64');
    this.panel.webview.html = enumMapHtml(map, nonce, this.panel.webview.cspSource, focusType);
  }
}
