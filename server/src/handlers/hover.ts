// textDocument/hover on an enum column, an Enum(...) call, an enum class or the CREATE TYPE of a migration:
// a markdown table member -> ORM label -> migrations label -> database label -> rows, mismatches marked.
import { type Hover, MarkupKind } from 'vscode-languageserver';
import type { Analysis, EnumTypeModel } from '../core/model/analysis';
import { buildEnumTable } from '../lsp/enumTable';
import { toRange } from '../lsp/toProtocol';
import { type Position, typeAtPosition } from '../lsp/typeAtPosition';

function cell(label: string | undefined, expected: string | undefined, compare: boolean): string {
  if (label === undefined) return compare ? '— ⚠' : '—';
  const code = `\`${label.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
  return compare && expected !== undefined && label !== expected ? `${code} ⚠` : code;
}

export function enumTypeMarkdown(type: EnumTypeModel, analysis: Analysis): string {
  const table = buildEnumTable(type);
  const lines: string[] = [];
  const ormNote = table.orm
    ? table.orm.persisted.ok ? `ORM \`${table.orm.binding.attribute}\`` : `ORM \`${table.orm.binding.attribute}\`: ${table.orm.persisted.error}`
    : 'no ORM column';
  const migrationNote = type.migrations ? `migrations${type.migrations.createdAt ? ` \`${type.migrations.createdAt.file}:${type.migrations.createdAt.range.line + 1}\`` : ''}` : 'no migration creates it';
  const databaseNote = type.database ? `database (${analysis.database?.description ?? 'connected'})` : analysis.database ? 'missing from the database' : 'database not connected';
  lines.push(`**EnumGuard · ${type.key}** — ${ormNote} · ${migrationNote} · ${databaseNote}`, '');
  const headers = ['member'];
  if (table.hasOrm) headers.push('ORM');
  if (table.hasMigrations) headers.push('migrations');
  if (table.hasDatabase) headers.push('database');
  if (type.labelCounts.length > 0) headers.push('rows');
  headers.push('');
  lines.push(`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`);
  for (const row of table.rows) {
    const reference = row.orm ?? row.migrations ?? row.database;
    const cells = [row.member ?? '—'];
    if (table.hasOrm) cells.push(cell(row.orm, reference, true));
    if (table.hasMigrations) cells.push(cell(row.migrations, reference, true));
    if (table.hasDatabase) cells.push(cell(row.database, reference, true));
    if (type.labelCounts.length > 0) cells.push(row.rows === undefined ? '0' : String(row.rows));
    cells.push(row.mismatch ? '**mismatch**' : '');
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const findings = analysis.findings.filter((finding) => finding.enumType === type.key);
  if (findings.length > 0) {
    lines.push('');
    for (const finding of findings.slice(0, 3)) lines.push(`- **${finding.rule}**: ${finding.message}`);
    if (findings.length > 3) lines.push(`- … and ${findings.length - 3} more`);
  }
  return lines.join('\n');
}

export function hover(analysis: Analysis | undefined, file: string, position: Position, lineText?: string): Hover | null {
  if (!analysis) return null;
  const site = typeAtPosition(analysis, file, position, lineText);
  if (!site) return null;
  return { contents: { kind: MarkupKind.Markdown, value: enumTypeMarkdown(site.type, analysis) }, range: toRange(site.location.range) };
}
