// enumguard/enumMap: every enum type of one folder (or all) with its three truths, for the Show Enum Map webview.
import type { EnumMapType } from '../protocol';
import { rowsPerLabel } from '../lsp/enumTable';
import { compareImpact } from '../core/rules/impact';
import type { WorkspaceSession } from '../session/workspaceSession';

export function enumMapTypes(session: WorkspaceSession): EnumMapType[] {
  const analysis = session.analysis;
  if (!analysis) return [];
  const findingsOf = (key: string) => analysis.findings.filter((f) => f.enumType === key);
  // The worst types first, as in the CLI report.
  const types = [...analysis.types].sort((a, b) => compareImpact(findingsOf(a.key), findingsOf(b.key)) || a.key.localeCompare(b.key));
  return types.map((type) => ({
    folderUri: session.folderUri,
    key: type.key,
    orm: type.orm.map((use) => ({
      attribute: use.binding.attribute,
      file: use.binding.location.file,
      line: use.binding.location.range.line + 1,
      persisted: use.persisted.ok ? use.persisted.labels : { error: use.persisted.error },
      members: (use.enumClass?.members ?? []).map((member) => ({
        name: member.name,
        value: member.value.kind === 'str' ? member.value.value : member.value.kind === 'int' ? String(member.value.value) : member.value.kind === 'auto' ? 'auto()' : member.value.text,
      })),
    })),
    migrations: type.migrations ? {
      labels: type.migrations.labels,
      file: type.migrations.createdAt?.file,
      line: type.migrations.createdAt ? type.migrations.createdAt.range.line + 1 : undefined,
      revision: type.migrations.revision,
    } : undefined,
    database: type.database ? { labels: type.database.labels } : undefined,
    rows: Object.fromEntries(rowsPerLabel(type)),
    findings: analysis.findings.filter((f) => f.enumType === type.key).map((f) => ({
      rule: f.rule, severity: f.severity, message: f.message, file: f.location.file, line: f.location.range.line + 1,
    })),
  }));
}
