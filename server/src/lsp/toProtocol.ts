// The one place where engine types (Finding, Fix, ParseProblem) become LSP types (Diagnostic, WorkspaceEdit).
// Fix edits are converted eagerly and ride in Diagnostic.data, so a code action needs nothing but the diagnostic.
import {
  CreateFile, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range, TextDocumentEdit, TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, Fix, ParseProblem, Severity, SourceLocation, SourceRange } from '../core/model/types';
import { ruleDocumentationHref } from './ruleDocs';
import { relativeToUri } from './uris';

export const diagnosticSource = 'enumguard';

/** A quick fix ready to hand to the client: the edit, and the file to open afterwards (a new migration). */
export interface FixAction {
  title: string;
  isPreferred?: boolean;
  edit: WorkspaceEdit;
  openUri?: string;
}

/** What every EnumGuard diagnostic carries in `data`. */
export interface DiagnosticData {
  rule: string;
  fixes: FixAction[];
}

export function toRange(range: SourceRange): Range {
  return Range.create(range.line, range.column, range.endLine, range.endColumn);
}

export function toSeverity(severity: Severity): DiagnosticSeverity {
  if (severity === 'error') return DiagnosticSeverity.Error;
  if (severity === 'warning') return DiagnosticSeverity.Warning;
  return DiagnosticSeverity.Information;
}

function toRelated(root: string, related: { location: SourceLocation; message: string }[]): DiagnosticRelatedInformation[] {
  return related.map((item) => DiagnosticRelatedInformation.create(
    { uri: relativeToUri(root, item.location.file), range: toRange(item.location.range) }, item.message));
}

/** Edits to existing files and a created file, as one WorkspaceEdit with documentChanges (version null: "as on disk or in the editor"). */
export function fixToAction(root: string, fix: Fix): FixAction {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  const editsByFile = new Map<string, TextEdit[]>();
  for (const edit of fix.edits) {
    const list = editsByFile.get(edit.file) ?? [];
    list.push(TextEdit.replace(toRange(edit.range), edit.newText));
    editsByFile.set(edit.file, list);
  }
  for (const [file, edits] of editsByFile) {
    documentChanges.push(TextDocumentEdit.create({ uri: relativeToUri(root, file), version: null }, edits));
  }
  let openUri: string | undefined;
  if (fix.newFile) {
    openUri = relativeToUri(root, fix.newFile.file);
    documentChanges.push(CreateFile.create(openUri, { ignoreIfExists: false, overwrite: false }));
    documentChanges.push(TextDocumentEdit.create({ uri: openUri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, fix.newFile.content)]));
  }
  return { title: fix.title, isPreferred: fix.isPreferred, edit: { documentChanges }, openUri };
}

export function findingToDiagnostic(root: string, finding: Finding): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, fixes: finding.fixes.map((fix) => fixToAction(root, fix)) };
  return {
    range: toRange(finding.location.range),
    severity: toSeverity(finding.severity),
    code: finding.rule,
    codeDescription: { href: ruleDocumentationHref(finding.rule) },
    source: diagnosticSource,
    message: finding.message,
    relatedInformation: finding.related.length > 0 ? toRelated(root, finding.related) : undefined,
    data,
  };
}

export function problemToDiagnostic(problem: ParseProblem): Diagnostic {
  return {
    range: toRange(problem.range),
    severity: toSeverity(problem.severity),
    source: diagnosticSource,
    message: problem.message,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).rule === 'string'
    && Array.isArray((value as DiagnosticData).fixes);
}
