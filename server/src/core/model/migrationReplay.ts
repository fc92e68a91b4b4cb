// The migrations' truth: the Alembic revision graph (order, heads, broken links) and the enum types that
// replaying the upgrade ops in order produces — with the errors PostgreSQL would raise on the way
// (`type "x" already exists`, `enum label "y" already exists`, ...).
import type { AlembicRevision, EnumOp, ParseProblem, QualifiedName, SourceLocation } from './types';

export interface RevisionGraph {
  /** Revisions no other revision builds on. */
  heads: string[];
  /** Every revision, parents before children (roots first). Revisions in a cycle are left out. */
  order: string[];
  problems: ParseProblem[];
}

export interface ReplayedType {
  type: QualifiedName & { schema: string };
  labels: string[];
  /** False when the labels come from a Python enum class the resolver could not read. */
  labelsKnown: boolean;
  createdAt: SourceLocation;
  /** The last op that created, renamed or added labels. */
  lastChangedAt: SourceLocation;
  /** The revision of lastChangedAt; undefined for plain SQL replays. */
  revision?: string;
  uses: { table: string; column: string; location: SourceLocation }[];
}

export interface ReplayResult {
  /** Keyed "schema.name" (schema "public" when the migration did not say). */
  types: Map<string, ReplayedType>;
  /** Errors the replay would hit on a real database. Graph problems come from buildRevisionGraph. */
  problems: ParseProblem[];
}

export type ClassLabelResolver = (op: Extract<EnumOp, { kind: 'create' }>) => string[] | undefined;

export function buildRevisionGraph(revisions: AlembicRevision[]): RevisionGraph {
  const problems: ParseProblem[] = [];
  const byId = new Map<string, AlembicRevision>();
  for (const revision of revisions) {
    const earlier = byId.get(revision.revision);
    if (earlier) {
      problems.push(problemAt(revision.location, `Revision ${revision.revision} is defined twice (${earlier.file} and ${revision.file}); Alembic refuses to load the scripts`, 'error'));
      continue;
    }
    byId.set(revision.revision, revision);
  }

  const children = new Map<string, string[]>();
  const pendingParents = new Map<string, number>();
  for (const revision of byId.values()) {
    let parents = 0;
    for (const down of revision.downRevisions) {
      if (!byId.has(down)) {
        problems.push(problemAt(revision.location, `Revision ${down} referenced from ${revision.revision} (down_revision) is not present`, 'error'));
        continue;
      }
      parents++;
      children.set(down, [...(children.get(down) ?? []), revision.revision]);
    }
    pendingParents.set(revision.revision, parents);
  }

  // Kahn's algorithm; ties keep the input order so the result is stable across runs.
  const order: string[] = [];
  const ready = [...byId.keys()].filter((id) => pendingParents.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const child of children.get(id) ?? []) {
      const left = pendingParents.get(child)! - 1;
      pendingParents.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  const ordered = new Set(order);
  const inCycle = [...byId.keys()].filter((id) => !ordered.has(id));
  for (const id of inCycle) {
    problems.push(problemAt(byId.get(id)!.location, `Revision ${id} is part of a cycle in down_revision links (${inCycle.join(', ')})`, 'error'));
  }

  const heads = [...byId.keys()].filter((id) => !children.has(id));
  if (heads.length > 1) {
    const named = heads.map((id) => `${id} (${byId.get(id)!.file})`).join(', ');
    for (const id of heads) {
      problems.push(problemAt(byId.get(id)!.location,
        `Multiple head revisions are present: ${named}. \`alembic upgrade head\` fails; merge them with \`alembic merge heads\``, 'warning'));
    }
  }
  return { heads, order, problems };
}

/**
 * Replays the upgrade ops of every revision that is an ancestor of (or equal to) the targets, parents first.
 * Unknown target ids are reported and ignored.
 */
export function replayMigrations(revisions: AlembicRevision[], target: 'heads' | string[], resolveClassLabels?: ClassLabelResolver): ReplayResult {
  const graph = buildRevisionGraph(revisions);
  const byId = new Map<string, AlembicRevision>();
  for (const revision of revisions) if (!byId.has(revision.revision)) byId.set(revision.revision, revision);
  const replay = new EnumReplay(resolveClassLabels);

  const targets = target === 'heads' ? graph.heads : target;
  const included = new Set<string>();
  const stack = [...targets];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (included.has(id)) continue;
    const revision = byId.get(id);
    if (!revision) {
      if (targets.includes(id)) replay.problems.push(problemAt(undefined, `Revision ${id} is not among the migration scripts`, 'warning'));
      continue;
    }
    included.add(id);
    stack.push(...revision.downRevisions);
  }
  for (const id of graph.order) {
    if (included.has(id)) replay.apply(byId.get(id)!.upgrade, id);
  }
  return { types: replay.types, problems: replay.problems };
}

/** The same replay over a plain ordered list of ops (SQL migration folders, schema dumps). */
export function replaySqlOps(ops: EnumOp[], resolveClassLabels?: ClassLabelResolver): ReplayResult {
  const replay = new EnumReplay(resolveClassLabels);
  replay.apply(ops, undefined);
  return { types: replay.types, problems: replay.problems };
}

/** "public.userrole" for { name: "userrole" }. */
export function replayKey(type: QualifiedName): string {
  return `${type.schema ?? 'public'}.${type.name}`;
}

class EnumReplay {
  readonly types = new Map<string, ReplayedType>();
  readonly problems: ParseProblem[] = [];

  constructor(private readonly resolveClassLabels?: ClassLabelResolver) {}

  apply(ops: EnumOp[], revision: string | undefined): void {
    for (const op of ops) this.applyOne(op, revision);
  }

  private applyOne(op: EnumOp, revision: string | undefined): void {
    const key = replayKey(op.type);
    const existing = this.types.get(key);
    const typeName = `"${op.type.name}"`;
    switch (op.kind) {
      case 'create': {
        if (existing) {
          if (!op.checkFirst) this.fail(op.location, `type ${typeName} already exists (created at ${describe(existing.createdAt)}); this create fails with DuplicateObject`);
          return;
        }
        const fromClass = op.enumClass ? this.resolveClassLabels?.(op) : undefined;
        this.types.set(key, {
          type: { schema: op.type.schema ?? 'public', name: op.type.name },
          labels: op.enumClass ? [...(fromClass ?? [])] : [...op.labels],
          labelsKnown: !op.enumClass || fromClass !== undefined,
          createdAt: op.location,
          lastChangedAt: op.location,
          revision,
          uses: [],
        });
        return;
      }
      case 'add-value': {
        if (!existing) return this.unknownType(op, typeName);
        if (existing.labels.includes(op.label)) {
          if (!op.ifNotExists) this.fail(op.location, `enum label "${op.label}" already exists in type ${typeName}`);
          return;
        }
        const neighbour = op.before ?? op.after;
        let index = existing.labels.length;
        if (neighbour !== undefined) {
          const at = existing.labels.indexOf(neighbour);
          if (at < 0) {
            if (existing.labelsKnown) this.fail(op.location, `"${neighbour}" is not an existing enum label of type ${typeName}`);
          } else {
            index = op.before !== undefined ? at : at + 1;
          }
        }
        existing.labels.splice(index, 0, op.label);
        return this.changed(existing, op.location, revision);
      }
      case 'rename-value': {
        if (!existing) return this.unknownType(op, typeName);
        const at = existing.labels.indexOf(op.from);
        if (at < 0) {
          if (existing.labelsKnown) this.fail(op.location, `"${op.from}" is not an existing enum label of type ${typeName}`);
          return;
        }
        if (existing.labels.includes(op.to)) return this.fail(op.location, `enum label "${op.to}" already exists in type ${typeName}`);
        existing.labels[at] = op.to;
        return this.changed(existing, op.location, revision);
      }
      case 'rename-type': {
        if (!existing) return this.unknownType(op, typeName);
        const renamed = { schema: existing.type.schema, name: op.newName };
        const newKey = replayKey(renamed);
        if (this.types.has(newKey)) return this.fail(op.location, `type "${op.newName}" already exists`);
        this.types.delete(key);
        existing.type = renamed;
        this.types.set(newKey, existing);
        return this.changed(existing, op.location, revision);
      }
      case 'drop': {
        if (!existing) {
          if (!op.ifExists) this.unknownType(op, typeName);
          return;
        }
        this.types.delete(key);
        return;
      }
      case 'use': {
        if (!existing) return; // a builtin, extension or externally created type: not ours to judge
        existing.uses = existing.uses.filter((use) => use.table !== op.table || use.column !== op.column);
        existing.uses.push({ table: op.table, column: op.column, location: op.location });
        return;
      }
    }
  }

  private changed(type: ReplayedType, location: SourceLocation, revision: string | undefined): void {
    type.lastChangedAt = location;
    type.revision = revision;
  }

  private fail(location: SourceLocation, message: string): void {
    this.problems.push(problemAt(location, message, 'error'));
  }

  /** The type may come from outside the repository (enum-facts: the database is then the truth): only note it. */
  private unknownType(op: EnumOp, typeName: string): void {
    this.problems.push(problemAt(op.location, `type ${typeName} is not created by any earlier migration (created outside the repository?)`, 'info'));
  }
}

function describe(location: SourceLocation): string {
  return `${location.file}:${location.range.line + 1}`;
}

const nowhere = { line: 0, column: 0, endLine: 0, endColumn: 0 };

function problemAt(location: SourceLocation | undefined, message: string, severity: ParseProblem['severity']): ParseProblem {
  return { file: location?.file ?? '', range: location?.range ?? nowhere, message, severity };
}
