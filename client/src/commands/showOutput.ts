// EnumGuard: Show Output — reveals the server's log channel.
import type * as vscode from 'vscode';

export function showOutput(outputChannel: vscode.OutputChannel): void {
  outputChannel.show(true);
}
