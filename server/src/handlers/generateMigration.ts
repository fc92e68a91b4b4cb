// enumguard/generateMigration: an Alembic revision that renames and adds database labels so one type (or every
// drifting type) holds what the ORM persists. Labels PostgreSQL cannot drop are named in the message instead.
import * as path from 'node:path';
import type { EnumTypeModel } from '../core/model/analysis';
import { alembicRevisionFix, sqlLiteral, sqlTypeName } from '../core/fixes/alembicRevision';
import { pairUnmatched } from '../core/fixes/alignFixes';
import type { GenerateMigrationResult } from '../protocol';
import type { WorkspaceSession } from '../session/workspaceSession';

interface TypePlan {
  upgrade: string[];
  downgrade: string[];
  notes: string[];
}

/** What the ORM persists vs what the database (or, without one, the migrations at head) holds. */
function planForType(type: EnumTypeModel): TypePlan | undefined {
  const use = type.orm.find((candidate) => candidate.persisted.ok);
  const current = type.database?.labels ?? type.migrations?.labels;
  if (!use || !use.persisted.ok || !current) return undefined;
  const wanted = use.persisted.labels;
  const typeSql = sqlTypeName(type.type.schema, type.type.name);
  const notes: string[] = [];
  const onlyCurrent = current.filter((label) => !wanted.includes(label));
  const onlyWanted = wanted.filter((label) => !current.includes(label));
  // Pair leftovers in order when they match one-for-one (admin -> ADMIN); otherwise only add.
  const renames = pairUnmatched(current, wanted) ?? new Map<string, string>();
  const additions = onlyWanted.filter((label) => ![...renames.values()].includes(label));
  const leftovers = onlyCurrent.filter((label) => !renames.has(label));
  if (renames.size === 0 && additions.length === 0) return undefined;
  if (leftovers.length > 0) {
    notes.push(`${type.key}: ${leftovers.map((l) => `'${l}'`).join(', ')} stay (PostgreSQL cannot drop an enum label without recreating the type)`);
  }
  return {
    upgrade: [
      ...[...renames].map(([from, to]) => `ALTER TYPE ${typeSql} RENAME VALUE ${sqlLiteral(from)} TO ${sqlLiteral(to)}`),
      ...additions.map((label) => `ALTER TYPE ${typeSql} ADD VALUE IF NOT EXISTS ${sqlLiteral(label)}`),
    ],
    downgrade: [...renames].map(([from, to]) => `ALTER TYPE ${typeSql} RENAME VALUE ${sqlLiteral(to)} TO ${sqlLiteral(from)}`),
    notes,
  };
}

export function generateMigration(session: WorkspaceSession, enumType?: string): GenerateMigrationResult {
  const analysis = session.analysis;
  if (!analysis) return { message: 'EnumGuard is still indexing this folder.' };
  const types = analysis.types.filter((type) => !enumType || type.key === enumType);
  if (types.length === 0) return { message: enumType ? `No enum type ${enumType} in this folder.` : 'No enum types in this folder.' };
  const plans = types.map((type) => ({ type, plan: planForType(type) })).filter((entry) => entry.plan);
  if (plans.length === 0) return { message: `Nothing to sync: the labels already match what the ORM persists${enumType ? ` for ${enumType}` : ''}.` };
  const names = plans.map((entry) => entry.type.type.name);
  const fix = alembicRevisionFix(analysis, {
    title: `Sync enum labels of ${names.join(', ')} with the ORM`,
    slug: `enumguard sync ${names.length === 1 ? names[0] : 'enums'}`,
    upgrade: plans.flatMap((entry) => entry.plan!.upgrade),
    downgrade: plans.flatMap((entry) => entry.plan!.downgrade).reverse(),
  });
  if (!fix?.newFile) {
    return { message: analysis.alembic.heads.length > 1 ? 'The Alembic history has several heads: merge them first.' : 'No Alembic revisions found in this folder to build on.' };
  }
  const notes = plans.flatMap((entry) => entry.plan!.notes);
  return {
    file: path.join(session.root, ...fix.newFile.file.split('/')),
    content: fix.newFile.content,
    message: [`Generated ${fix.newFile.file}.`, ...notes].join(' '),
  };
}
