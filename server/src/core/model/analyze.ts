// analyze(): facts (+ an optional database snapshot) -> the three truths per type and the findings. Pure and
// cheap (no parsing), so the language server can run it on every debounced edit.
import type { Analysis, AnalysisInput } from './analysis';
import { buildModel } from './buildModel';
import type { Finding } from './types';
import { rules } from '../rules';
import { ColumnIndex } from '../rules/columnIndex';

export function analyze(input: AnalysisInput): Analysis {
  const model = buildModel(input.facts, input.database, input.config);
  const columns = new ColumnIndex(model, input.database);
  const findings: Finding[] = [];
  for (const type of model.types) {
    for (const rule of rules) {
      const setting = input.config.rules[rule.id] ?? rule.severity;
      if (setting === 'off') continue;
      let produced;
      try {
        produced = rule.check({ type, model, database: input.database, columns });
      } catch (error) {
        // A rule bug must not hide every other finding; report it where the type is declared.
        const where = type.orm[0]?.binding.location ?? type.migrations?.createdAt;
        if (where) model.problems.push({ file: where.file, range: where.range, message: `EnumGuard rule ${rule.id} failed on ${type.key}: ${(error as Error).message}`, severity: 'warning' });
        continue;
      }
      for (const finding of produced) findings.push({ rule: rule.id, severity: setting, ...finding });
    }
  }
  findings.sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.range.line - b.location.range.line || a.rule.localeCompare(b.rule));
  return { types: model.types, findings, problems: model.problems, alembic: model.alembic, database: input.database };
}
