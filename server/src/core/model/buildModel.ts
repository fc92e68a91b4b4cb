// Assembles the three truths per PostgreSQL enum type: what the ORM persists (per binding), what the Alembic
// migrations create (replayed to head and to the database's revision), and what the database holds.
import type { EnumGuardConfig } from '../config/config';
import type { AlembicState, EnumTypeModel, MigrationTruth, OrmUse } from './analysis';
import { EnumClassTable } from './enumClassTable';
import { moduleAliasesFor } from '../extract/moduleName';
import { buildRevisionGraph, type ReplayedType } from './migrationReplay';
import { cachedReplay } from './replayCache';
import { ormTypeName, persistedLabels } from './ormLabels';
import type {
  AlembicRevision, DatabaseSnapshot, EnumOp, FileFacts, OrmEnumBinding, ParseProblem, TypeAnnotationMapEntry,
} from './types';

export interface EnumModel {
  types: EnumTypeModel[];
  alembic: AlembicState;
  problems: ParseProblem[];
}

export function typeKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}

/** How findings and reports name a type: schema-qualified only outside public. */
export function displayTypeName(schema: string, name: string): string {
  return schema === 'public' ? name : `${schema}.${name}`;
}

export function buildModel(facts: FileFacts[], database: DatabaseSnapshot | undefined, config: EnumGuardConfig): EnumModel {
  const classes = new EnumClassTable(facts);
  const byFile = new Map(facts.map((f) => [f.file, f]));
  const problems: ParseProblem[] = facts.flatMap((f) => [...f.problems, ...(f.revision?.problems ?? [])]);
  const types = new Map<string, EnumTypeModel>();
  const typeFor = (schema: string, name: string): EnumTypeModel => {
    const key = typeKey(schema, name);
    let model = types.get(key);
    if (!model) {
      model = { key: displayTypeName(schema, name), type: { schema, name }, orm: [], dbColumns: [], labelCounts: [] };
      types.set(key, model);
    }
    return model;
  };

  // ORM truth.
  const annotationMaps = new AnnotationMapScopes(facts);
  for (const file of facts) {
    for (const binding of file.bindings) {
      const use = ormUseOf(binding, file, classes, annotationMaps.visibleFrom(file));
      if (use) typeFor(use.typeName.schema, use.typeName.name).orm.push(use);
    }
  }

  // Migration truth.
  const revisions = facts.map((f) => f.revision).filter((r): r is AlembicRevision => r !== undefined);
  const graph = buildRevisionGraph(revisions);
  problems.push(...graph.problems);
  const resolveClassLabels = (op: Extract<EnumOp, { kind: 'create' }>): string[] | undefined => {
    const file = byFile.get(op.location.file);
    const cls = op.enumClass && file ? classes.resolve(file, op.enumClass.localName) : undefined;
    if (!cls) return undefined;
    const persisted = persistedLabels({ enumClass: cls, valuesCallable: op.enumClass?.valuesCallable, omitAliases: true });
    return persisted.ok ? persisted.labels : undefined;
  };
  if (revisions.length > 0) {
    const atHead = cachedReplay(revisions, 'heads', resolveClassLabels);
    problems.push(...atHead.problems);
    for (const replayed of atHead.types.values()) {
      typeFor(replayed.type.schema, replayed.type.name).migrations = migrationTruth(replayed);
    }
    const dbRevisions = database?.alembicVersions;
    const known = new Set(revisions.map((r) => r.revision));
    if (dbRevisions && dbRevisions.length > 0 && dbRevisions.every((r) => known.has(r)) && !sameSet(dbRevisions, graph.heads)) {
      const atDatabase = cachedReplay(revisions, dbRevisions, resolveClassLabels);
      for (const replayed of atDatabase.types.values()) {
        typeFor(replayed.type.schema, replayed.type.name).migrationsAtDatabaseRevision = migrationTruth(replayed);
      }
    }
  }

  // Database truth, limited to the configured schemas.
  if (database) {
    const schemas = new Set(config.schemas);
    for (const dbType of database.enumTypes) {
      if (!schemas.has(dbType.schema)) continue;
      typeFor(dbType.schema, dbType.name).database = dbType;
    }
    for (const column of database.columns) {
      if (!column.enumType) continue;
      const model = types.get(typeKey(column.enumType.schema, column.enumType.name));
      if (!model) continue;
      model.dbColumns.push(column);
      const counts = database.labelCounts.find((c) => c.schema === column.schema && c.table === column.table && c.column === column.column);
      if (counts) model.labelCounts.push(counts);
    }
  }

  const scriptLocations = facts.map((f) => f.alembicScriptLocation).filter((s): s is string => s !== undefined);
  return {
    types: [...types.values()].sort((a, b) => a.key.localeCompare(b.key)),
    alembic: { scriptLocations, revisions, heads: graph.heads, problems: graph.problems },
    problems,
  };
}

function migrationTruth(replayed: ReplayedType): MigrationTruth {
  return { labels: replayed.labels, createdAt: replayed.createdAt, lastChangedAt: replayed.lastChangedAt, revision: replayed.revision, uses: replayed.uses };
}

function ormUseOf(
  binding: OrmEnumBinding, file: FileFacts, classes: EnumClassTable, annotationMaps: TypeAnnotationMapEntry[],
): OrmUse | undefined {
  const localName = binding.source.kind === 'class' ? binding.source.localName : undefined;
  const enumClass = localName ? classes.resolve(file, localName) : undefined;
  let effective = binding;
  if (binding.via === 'Mapped-annotation') {
    // A bare Mapped[X] is an enum binding only when X really is an enum class.
    if (!enumClass) return undefined;
    const entry = annotationMaps.find((m) => m.key === enumClass.name || m.key.endsWith(`.${enumClass.name}`))
      ?? annotationMaps.find((m) => m.key === 'enum.Enum' || m.key === 'Enum' || m.key.endsWith('.Enum'));
    if (entry) {
      const { location: _entryLocation, ...entryKeywords } = entry.binding;
      effective = { ...binding, ...entryKeywords, via: 'type_annotation_map' };
    }
  }
  const name = ormTypeName(effective.explicitName, enumClass, localName);
  if (!name) return undefined; // Enum('a', 'b') with no name= cannot be a PostgreSQL type
  const persisted = persistedLabels({
    enumClass,
    literals: effective.source.kind === 'literals' ? effective.source.labels : undefined,
    valuesCallable: effective.valuesCallable,
    omitAliases: effective.omitAliases,
  });
  return { binding: effective, enumClass, typeName: { schema: effective.schema ?? 'public', name }, persisted };
}

/**
 * type_annotation_map belongs to one declarative Base: a model sees the maps of its own file and of the modules it
 * imports (where its Base lives), never those of an unrelated service in the same repository.
 */
class AnnotationMapScopes {
  private readonly byModule = new Map<string, TypeAnnotationMapEntry[]>();

  constructor(facts: FileFacts[]) {
    for (const file of facts) {
      if (file.typeAnnotationMaps.length === 0) continue;
      for (const alias of moduleAliasesFor(file.file)) this.byModule.set(alias, file.typeAnnotationMaps);
    }
  }

  visibleFrom(file: FileFacts): TypeAnnotationMapEntry[] {
    if (file.typeAnnotationMaps.length > 0) return file.typeAnnotationMaps;
    if (this.byModule.size === 0) return [];
    for (const imp of file.imports) {
      const maps = this.byModule.get(imp.module) ?? (imp.name ? this.byModule.get(`${imp.module}.${imp.name}`) : undefined);
      if (maps) return maps;
    }
    return [];
  }
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
