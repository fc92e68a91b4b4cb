// textDocument/codeAction: quick fixes rebuilt from Diagnostic.data alone, plus "ignore this line", which appends
// `  # enumguard: ignore[rule-id]` to the diagnostic's first line (the engine honours that comment).
import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic, TextEdit } from 'vscode-languageserver';
import { diagnosticSource, isDiagnosticData } from '../lsp/toProtocol';
import { ServerCommands } from '../protocol';

export type LineReader = (uri: string, line: number) => string | undefined;

export function ignoreLineAction(uri: string, diagnostic: Diagnostic, rule: string, readLine: LineReader): CodeAction | undefined {
  if (!uri.endsWith('.py')) return undefined;
  const line = diagnostic.range.start.line;
  const text = readLine(uri, line);
  // A trailing backslash continues the line: a comment there would break the code.
  if (text === undefined || /\\\s*$/.test(text)) return undefined;
  const trimmedEnd = text.replace(/\s+$/, '').length;
  const edit = TextEdit.replace({ start: { line, character: trimmedEnd }, end: { line, character: text.length } }, `  # enumguard: ignore[${rule}]`);
  const action = CodeAction.create(`Ignore ${rule} on this line (enumguard: ignore[${rule}])`, { changes: { [uri]: [edit] } }, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  return action;
}

export function codeActions(params: CodeActionParams, readLine: LineReader): CodeAction[] {
  const actions: CodeAction[] = [];
  const ignores: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== diagnosticSource || !isDiagnosticData(diagnostic.data)) continue;
    for (const fix of diagnostic.data.fixes) {
      const action = CodeAction.create(fix.title, fix.edit, CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      if (fix.isPreferred) action.isPreferred = true;
      // A created migration is opened once the edit is applied: VS Code runs the command after the edit.
      if (fix.openUri) action.command = { title: 'Open the new file', command: ServerCommands.openFile, arguments: [fix.openUri] };
      actions.push(action);
    }
    const ignore = ignoreLineAction(params.textDocument.uri, diagnostic, diagnostic.data.rule, readLine);
    if (ignore) ignores.push(ignore);
  }
  return [...actions, ...ignores];
}
