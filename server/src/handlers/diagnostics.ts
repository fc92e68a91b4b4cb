// Publishes diagnostics for every file whose diagnostics changed after an analysis, open or not, and clears
// files that became clean. Keeps what was last sent per folder so unchanged files cost nothing.
import { type Connection, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { findingToDiagnostic, problemToDiagnostic } from '../lsp/toProtocol';
import { relativeToUri } from '../lsp/uris';
import type { WorkspaceSession } from '../session/workspaceSession';

/** More than this per file is noise; the rest waits until the first ones are fixed. */
export const maxDiagnosticsPerFile = 100;

export class DiagnosticsPublisher {
  /** folderUri -> (document uri -> serialized diagnostics last sent). */
  private readonly sent = new Map<string, Map<string, string>>();
  /** folderUri -> counts of what was last sent, for the status bar. */
  private readonly counts = new Map<string, { errors: number; warnings: number }>();

  constructor(private readonly connection: Connection) {}

  publish(session: WorkspaceSession): void {
    const analysis = session.analysis;
    const byUri = new Map<string, Diagnostic[]>();
    const add = (file: string, diagnostic: Diagnostic): void => {
      const uri = relativeToUri(session.root, file);
      const list = byUri.get(uri) ?? [];
      list.push(diagnostic);
      byUri.set(uri, list);
    };
    for (const finding of analysis?.findings ?? []) add(finding.location.file, findingToDiagnostic(session.root, finding));
    for (const problem of analysis?.problems ?? []) add(problem.file, problemToDiagnostic(problem));
    for (const problem of session.configProblems) add(problem.file, problemToDiagnostic(problem));

    const previous = this.sent.get(session.folderUri) ?? new Map<string, string>();
    const next = new Map<string, string>();
    let errors = 0;
    let warnings = 0;
    for (const [uri, diagnostics] of byUri) {
      diagnostics.sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      const capped = diagnostics.slice(0, maxDiagnosticsPerFile);
      errors += capped.filter((d) => d.severity === DiagnosticSeverity.Error).length;
      warnings += capped.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
      const serialized = JSON.stringify(capped);
      next.set(uri, serialized);
      if (previous.get(uri) !== serialized) void this.connection.sendDiagnostics({ uri, diagnostics: capped });
    }
    for (const uri of previous.keys()) {
      if (!next.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.sent.set(session.folderUri, next);
    this.counts.set(session.folderUri, { errors, warnings });
  }

  /** Clears everything a folder published (folder removed or restarted). */
  clear(folderUri: string): void {
    for (const uri of this.sent.get(folderUri)?.keys() ?? []) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.sent.delete(folderUri);
    this.counts.delete(folderUri);
  }

  totals(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const count of this.counts.values()) {
      errors += count.errors;
      warnings += count.warnings;
    }
    return { errors, warnings };
  }
}
