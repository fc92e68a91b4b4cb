// The status bar item: database connection state and error count, from the server's enumguard/status.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export class EnumGuardStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('enumguard.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'EnumGuard';
    this.item.command = 'enumguard.showEnumMap';
    this.item.text = '$(sync~spin) EnumGuard';
    this.item.tooltip = 'EnumGuard is indexing the workspace';
    this.item.show();
  }

  update(status: StatusParams): void {
    const icon = { none: '$(database)', embedded: '$(database)', live: '$(plug)', error: '$(warning)' }[status.connected];
    const state = { none: 'no database', embedded: 'embedded', live: 'connected', error: 'database error' }[status.connected];
    this.item.text = `${icon} EnumGuard: ${state} · ${status.errors} error${status.errors === 1 ? '' : 's'}`;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendText(`Database: ${status.description}`);
    if (status.databaseError) tooltip.appendText(`\n\n${status.databaseError}`);
    tooltip.appendText(`\n\n${status.errors} error(s), ${status.warnings} warning(s). Click for the enum map.`);
    this.item.tooltip = tooltip;
    this.item.backgroundColor = status.connected === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  stopped(): void {
    this.item.text = '$(circle-slash) EnumGuard: stopped';
  }

  dispose(): void {
    this.item.dispose();
  }
}
