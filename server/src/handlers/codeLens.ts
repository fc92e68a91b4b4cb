// textDocument/codeLens above enum classes and enum column declarations:
// "userrole · database: 2 labels · 1 mismatch"; clicking opens the enum map on that type.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis, EnumTypeModel } from '../core/model/analysis';
import type { SourceLocation } from '../core/model/types';
import { buildEnumTable } from '../lsp/enumTable';
import { ClientCommands } from '../protocol';

export function codeLensTitle(type: EnumTypeModel): string {
  const table = buildEnumTable(type);
  const truth = type.database
    ? `database: ${type.database.labels.length} label${type.database.labels.length === 1 ? '' : 's'}`
    : type.migrations ? `migrations: ${type.migrations.labels.length} label${type.migrations.labels.length === 1 ? '' : 's'}` : 'no migration, no database type';
  const mismatches = table.mismatches === 1 ? '1 mismatch' : `${table.mismatches} mismatches`;
  return `${type.key} · ${truth} · ${mismatches}`;
}

export function codeLenses(analysis: Analysis | undefined, file: string, folderUri: string): CodeLens[] {
  if (!analysis) return [];
  const lenses: CodeLens[] = [];
  const seen = new Set<string>();
  const add = (type: EnumTypeModel, location: SourceLocation): void => {
    const key = `${location.range.line}:${type.key}`;
    if (location.file !== file || seen.has(key)) return;
    seen.add(key);
    const line = location.range.line;
    lenses.push({
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      command: { title: codeLensTitle(type), command: ClientCommands.showEnumMap, arguments: [{ folderUri, enumType: type.key }] },
    });
  };
  for (const type of analysis.types) {
    for (const use of type.orm) {
      add(type, use.binding.location);
      if (use.enumClass) add(type, use.enumClass.location);
    }
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
