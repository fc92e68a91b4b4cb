// Generates the benchmark workspace: SQLAlchemy model packages (an enums module each), an Alembic chain and
// alembic.ini, deterministically and in proportion to a scale factor, plus a manifest the harness reads.
// Usage: node test/bench/generateWorkspace.mjs [--scale 1] [--out bench-out/ws-1x]
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { domainNames, entityNames, enumKinds, modelShapes, plainColumns } from './workspaceVocabulary.mjs';

/** At scale 1: what issue #2 asks for. Every count scales linearly; packages keep a fixed size. */
export const baseCounts = { modelFiles: 2000, enumModelFiles: 400, revisions: 300 };
const modelFilesPerPackage = 50;
/** Share of enum columns written with a deliberate mistake (the rest agree with the migrations). */
const mistakeRate = 0.04;
const canonicalValuesCallable = 'values_callable=lambda x: [e.value for e in x]';

/** Small seeded PRNG (mulberry32): the same seed gives the same workspace on every machine. */
function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    shuffle: (list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

const pascal = (snake) => snake.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const revisionId = (seed) => createHash('sha1').update(`enumguard-bench-${seed}`).digest('hex').slice(0, 12);
/** Splits `total` over `parts` as evenly as integers allow (the first parts get the remainder). */
const share = (total, parts, index) => Math.floor(((index + 1) * total) / parts) - Math.floor((index * total) / parts);

/** One package's enum classes: flavour, members and how the models persist them. */
function packageEnums(domain) {
  return enumKinds.map((kind, index) => {
    const className = `${pascal(domain)}${kind.noun}`;
    const persists = kind.persists; // 'values' (values_callable) or 'names' (SQLAlchemy's default)
    const typeName = kind.explicitName ? `${domain}_${kind.column}` : className.toLowerCase();
    const labels = kind.members.map((m) => (persists === 'values' ? m.toLowerCase() : m));
    return { index, kind, className, typeName, persists, labels, column: kind.column };
  });
}

/** How one enum column is written in a model, and the mistake it carries (if any). */
function enumColumnSource(enumClass, mistake) {
  const { kind, className, typeName } = enumClass;
  const def = `default=${className}.${kind.members[0]}`;
  let valuesCallable = canonicalValuesCallable;
  if (mistake === 'missing-values-callable') valuesCallable = undefined;
  if (mistake === 'not-a-list') valuesCallable = 'values_callable=lambda x: x.value';
  const args = (head) => [head, ...(kind.explicitName ? [`name="${typeName}"`] : []), ...(kind.persists === 'values' && valuesCallable ? [valuesCallable] : [])];
  switch (kind.spelling) {
    case 'Mapped-bare':
      return { lines: [`    ${enumClass.column}: Mapped[${className}] = mapped_column(${def})`], toggle: undefined };
    case 'sa.Enum':
      return { lines: [`    ${enumClass.column}: Mapped[${className}] = mapped_column(sa.Enum(${args(className).join(', ')}), ${def})`] };
    case 'postgresql.ENUM': {
      const call = `postgresql.ENUM(${[...args(className), 'create_type=False'].join(', ')})`;
      return { lines: [`    ${enumClass.column}: Mapped[${className}] = mapped_column(`, `        ${call},`, '        nullable=False,', `        ${def},`, '    )'] };
    }
    case 'SAEnum':
      return { lines: [`    ${enumClass.column}: Mapped[Optional[${className}]] = mapped_column(SAEnum(${args(className).join(', ')}), nullable=True)`] };
    default:
      return { lines: [`    ${enumClass.column}: Mapped[${className}] = mapped_column(`, `        Enum(${args(className).join(', ')}),`, '        nullable=False,', `        ${def},`, '    )'] };
  }
}

function enumsModule(domain, enums) {
  const lines = [
    `"""Enumerations of the ${domain} domain, shared by the models, the API schemas and the workers.`,
    '',
    'Member names are upper case; the values are what the public API exchanges.',
    '"""',
    'import enum',
    'from enum import StrEnum, auto',
    '',
  ];
  for (const e of enums) {
    const { kind, className } = e;
    lines.push('', '', `class ${className}(${kind.bases}):`, `    """${kind.doc} of ${domain} records."""`, '');
    kind.members.forEach((member, i) => {
      if (kind.flavor === 'strenum-auto') lines.push(`    ${member} = auto()`);
      else if (kind.flavor === 'int') lines.push(`    ${member} = ${i + 1}`);
      else lines.push(`    ${member} = "${member.toLowerCase()}"`);
    });
    if (kind.flavor === 'str-mixin') {
      lines.push('', '    @classmethod', '    def parse(cls, text: str) -> "' + className + '":', '        return cls(text.strip().lower())');
    }
  }
  return lines.join('\n') + '\n';
}

/** Lines of one model class; `enumColumns` are pre-rendered. Returns the lines and where each enum column starts. */
function modelClass(domain, entity, shape, enumColumns, random) {
  const className = `${pascal(domain)}${pascal(entity)}${shape.suffix}`;
  const table = `${domain}_${entity}${shape.tableSuffix}`;
  const lines = ['', '', `class ${className}(Base):`, `    """${shape.doc(entity.replace(/_/g, ' '), domain)}"""`, '', `    __tablename__ = "${table}"`, ''];
  const columns = [];
  lines.push('    id: Mapped[int] = mapped_column(Integer, primary_key=True)');
  columns.push({ name: 'id', migration: 'sa.Integer()', nullable: false, primaryKey: true });
  if (shape.parent) {
    lines.push(`    ${entity}_id: Mapped[int] = mapped_column(ForeignKey("${domain}_${entity}.id", ondelete="CASCADE"), index=True)`);
    columns.push({ name: `${entity}_id`, migration: 'sa.Integer()', nullable: false, foreignKey: `${domain}_${entity}.id`, index: true });
  }
  const plain = random.shuffle(plainColumns).slice(0, 5 + random.int(4));
  const enumAt = 1 + random.int(Math.max(1, plain.length - 1));
  const enumLines = [];
  plain.forEach((column, i) => {
    if (i === enumAt) {
      for (const rendered of enumColumns) {
        enumLines.push({ line: lines.length, rendered });
        lines.push(...rendered.lines);
        columns.push({ name: rendered.enumClass.column, enumClass: rendered.enumClass, nullable: rendered.nullable });
      }
    }
    lines.push(`    ${column.name}: Mapped[${column.pyType}] = mapped_column(${column.model})`);
    columns.push({ name: column.name, migration: column.migration, nullable: column.pyType.startsWith('Optional'), index: column.index });
  });
  lines.push('    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())');
  lines.push('    updated_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), onupdate=func.now())');
  columns.push({ name: 'created_at', migration: 'sa.DateTime(timezone=True)', nullable: false, serverDefault: true });
  columns.push({ name: 'updated_at', migration: 'sa.DateTime(timezone=True)', nullable: true });
  lines.push('', `    def __repr__(self) -> str:`, `        return f"<${className} id={self.id}>"`);
  lines.push('', '    @property', '    def age_seconds(self) -> float:', '        """Seconds since the row was created (naive clocks are treated as UTC)."""',
    '        now = datetime.now(tz=self.created_at.tzinfo)', '        return (now - self.created_at).total_seconds()');
  if (shape.suffix === '') {
    lines.push('', '    def touch(self) -> None:', '        """Marks the row as changed so the next flush bumps updated_at."""', '        self.updated_at = datetime.now()');
  }
  return { lines, enumLines, table, className, columns };
}

function modelFileHeader(domain, entity, enumImports, withEnums, relativeImport) {
  const lines = [
    `"""Models for ${domain} ${entity.replace(/_/g, ' ')} records: the record itself, its history and its links.`,
    '',
    'Kept in one module so the relationships below resolve without string lookups across packages.',
    '"""',
    'from __future__ import annotations',
    '',
    'from datetime import datetime',
    'from decimal import Decimal',
    'from typing import Optional',
    '',
  ];
  if (withEnums) lines.push('import sqlalchemy as sa');
  const saNames = ['Boolean', 'DateTime', ...(withEnums ? ['Enum'] : []), 'ForeignKey', 'Integer', 'Numeric', 'String', 'Text', 'func'];
  lines.push(`from sqlalchemy import ${saNames.join(', ')}`);
  if (withEnums) lines.push('from sqlalchemy import Enum as SAEnum', 'from sqlalchemy.dialects import postgresql');
  lines.push('from sqlalchemy.orm import Mapped, mapped_column, relationship', '', 'from app.core.db import Base');
  if (enumImports.length > 0) {
    const from = relativeImport ? '..enums' : `app.${domain}.enums`;
    lines.push(`from ${from} import ${enumImports.sort().join(', ')}`);
  }
  return lines;
}

/** Relationships between the three classes of a file, so the file reads like a real model module. */
function relationshipLines(classes) {
  const [main, history, link] = classes;
  return {
    main: [`    history: Mapped[list["${history.className}"]] = relationship(back_populates="parent", cascade="all, delete-orphan")`,
      `    links: Mapped[list["${link.className}"]] = relationship(back_populates="parent")`],
    history: [`    parent: Mapped["${main.className}"] = relationship(back_populates="history")`],
    link: [`    parent: Mapped["${main.className}"] = relationship(back_populates="links")`],
  };
}

/**
 * One model file. With `enumClasses` it declares enum columns (recording each column's line and mistake);
 * without, it is a plain model module, some of which mention enums without declaring a column.
 */
function modelFile(domain, entity, enums, withEnums, random, fileIndex) {
  const relativeImport = fileIndex % 3 === 0;
  const perClass = modelShapes.map(() => []);
  const used = new Set();
  const records = [];
  if (withEnums) {
    modelShapes.forEach((shape, shapeIndex) => {
      const count = shapeIndex === 0 ? 2 : random.int(2);
      const candidates = random.shuffle(enums).slice(0, count);
      for (const enumClass of candidates) {
        const canErr = enumClass.persists === 'values' && enumClass.kind.spelling !== 'Mapped-bare';
        const mistake = canErr && random.next() < mistakeRate * 2 ? random.pick(['missing-values-callable', 'not-a-list']) : undefined;
        const rendered = enumColumnSource(enumClass, mistake);
        perClass[shapeIndex].push({ ...rendered, enumClass, mistake, nullable: enumClass.kind.spelling === 'SAEnum' });
        used.add(enumClass.className);
      }
    });
  }
  // A few plain modules import an enum for a helper: they pass the text pre-filter but hold no column.
  const helperEnum = !withEnums && fileIndex % 8 === 5 ? enums[0] : undefined;
  const imports = withEnums ? [...used] : helperEnum ? [helperEnum.className] : [];
  const lines = modelFileHeader(domain, entity, imports, withEnums, relativeImport);
  const classes = modelShapes.map((shape, i) => modelClass(domain, entity, shape, perClass[i], random));
  const rels = relationshipLines(classes);
  classes.forEach((cls, i) => {
    const relLines = [rels.main, rels.history, rels.link][i];
    const offset = lines.length;
    // Relationships go right after the columns (before __repr__).
    const reprAt = cls.lines.findIndex((l) => l.includes('def __repr__'));
    const body = [...cls.lines.slice(0, reprAt - 1), '', ...relLines, ...cls.lines.slice(reprAt - 1)];
    lines.push(...body);
    for (const { line, rendered } of cls.enumLines) {
      records.push({ line: offset + line, table: cls.table, className: cls.className, ...rendered });
    }
  });
  if (helperEnum) {
    lines.push('', '', `def is_initial_state(value: str) -> bool:`, `    """True when an API payload names the first ${helperEnum.kind.noun.toLowerCase()} of the workflow."""`,
      `    return value == ${helperEnum.className}.${helperEnum.kind.members[0]}.value`);
  }
  if (!withEnums && fileIndex % 10 === 7) {
    // enumerate() is common in real helpers and trips a naive "enum" text filter.
    lines.push('', '', 'def numbered(rows: list) -> list[tuple[int, object]]:', '    """Rows with 1-based positions, for CSV exports."""',
      '    return [(position, row) for position, row in enumerate(rows, start=1)]');
  }
  return { text: lines.join('\n') + '\n', records, tables: classes };
}

/** Renders `sa.Column(...)` for a migration; enum columns create their type on first use, reuse it after. */
function migrationColumn(column, typeState, createdHere) {
  let type = column.migration;
  if (column.enumClass) {
    const e = column.enumClass;
    if (!typeState.created.has(e.typeName)) {
      typeState.created.add(e.typeName);
      createdHere.push(e.typeName);
      const labels = typeState.initialLabels.get(e.typeName) ?? e.labels;
      type = `sa.Enum(${labels.map((l) => `"${l}"`).join(', ')}, name="${e.typeName}")`;
    } else {
      type = `postgresql.ENUM(name="${e.typeName}", create_type=False)`;
    }
  }
  const extra = [
    `nullable=${column.nullable ? 'True' : 'False'}`,
    ...(column.serverDefault ? ['server_default=sa.text("now()")'] : []),
  ];
  return `        sa.Column("${column.name}", ${type}, ${extra.join(', ')}),`;
}

function revisionHeader(message, revision, downRevision, date, imports) {
  return [
    `"""${message}`,
    '',
    `Revision ID: ${revision}`,
    `Revises: ${downRevision ?? ''}`,
    `Create Date: ${date}`,
    '',
    '"""',
    'from alembic import op',
    ...imports,
    '',
    '# revision identifiers, used by Alembic.',
    `revision = "${revision}"`,
    `down_revision = ${downRevision ? `"${downRevision}"` : 'None'}`,
    'branch_labels = None',
    'depends_on = None',
    '',
  ];
}

function createTablesRevision(tables, typeState) {
  const up = ['', 'def upgrade() -> None:'];
  const createdHere = [];
  for (const table of tables) {
    up.push('    op.create_table(', `        "${table.table}",`);
    for (const column of table.columns) up.push(migrationColumn(column, typeState, createdHere));
    for (const column of table.columns.filter((c) => c.foreignKey)) {
      const [refTable, refColumn] = column.foreignKey.split('.');
      up.push(`        sa.ForeignKeyConstraint(["${column.name}"], ["${refTable}.${refColumn}"], ondelete="CASCADE"),`);
    }
    up.push('        sa.PrimaryKeyConstraint("id"),', '    )');
    for (const column of table.columns.filter((c) => c.index)) {
      up.push(`    op.create_index(op.f("ix_${table.table}_${column.name}"), "${table.table}", ["${column.name}"], unique=False)`);
    }
  }
  const down = ['', '', 'def downgrade() -> None:'];
  for (const table of [...tables].reverse()) {
    for (const column of table.columns.filter((c) => c.index)) down.push(`    op.drop_index(op.f("ix_${table.table}_${column.name}"), table_name="${table.table}")`);
    down.push(`    op.drop_table("${table.table}")`);
  }
  if (createdHere.length > 0) {
    down.push('    # drop_table leaves enum types behind: drop them, or the next upgrade fails with "already exists".');
    for (const name of createdHere) down.push(`    sa.Enum(name="${name}").drop(op.get_bind(), checkfirst=True)`);
  }
  return [...up, ...down];
}

/** An ALTER TYPE revision: add the label the first create left out, rename a label, or add a stray label. */
function alterTypeRevision(alter) {
  const { enumClass, kind, label, oldLabel } = alter;
  const type = enumClass.typeName;
  if (kind === 'rename-value') {
    return ['', 'def upgrade() -> None:', `    op.execute("ALTER TYPE ${type} RENAME VALUE '${oldLabel}' TO '${label}'")`,
      '', '', 'def downgrade() -> None:', `    op.execute("ALTER TYPE ${type} RENAME VALUE '${label}' TO '${oldLabel}'")`];
  }
  const up = kind === 'add-value-autocommit'
    ? ['', 'def upgrade() -> None:', '    # ADD VALUE cannot be used in the transaction that adds it: commit it on its own.',
      '    with op.get_context().autocommit_block():', `        op.execute("ALTER TYPE ${type} ADD VALUE IF NOT EXISTS '${label}'")`]
    : ['', 'def upgrade() -> None:', `    op.execute("ALTER TYPE ${type} ADD VALUE '${label}'")`];
  return [...up, '', '', 'def downgrade() -> None:', '    # PostgreSQL has no DROP VALUE; recreating the type is left to a manual migration.', '    pass'];
}

/** A revision that touches no enum (indexes, data fixes): most of a real chain looks like this. */
function maintenanceRevision(tables, random) {
  const table = random.pick(tables);
  const column = table.columns.find((c) => !c.enumClass && c.name !== 'id') ?? table.columns[0];
  const index = `ix_${table.table}_${column.name}_maint`;
  return ['', 'def upgrade() -> None:', `    op.create_index("${index}", "${table.table}", ["${column.name}"], unique=False)`,
    `    op.execute("UPDATE ${table.table} SET updated_at = created_at WHERE updated_at IS NULL")`,
    '', '', 'def downgrade() -> None:', `    op.drop_index("${index}", table_name="${table.table}")`];
}

const staticFiles = {
  'alembic.ini': [
    '# Alembic configuration. The database URL comes from DATABASE_URL (see migrations/env.py).',
    '[alembic]', 'script_location = migrations', 'prepend_sys_path = .', 'version_path_separator = os', '',
    '[loggers]', 'keys = root', '', '[handlers]', 'keys = console', '', '[formatters]', 'keys = generic', '',
    '[logger_root]', 'level = WARN', 'handlers = console', '', '[handler_console]', 'class = StreamHandler',
    'args = (sys.stderr,)', 'level = NOTSET', 'formatter = generic', '', '[formatter_generic]',
    'format = %(levelname)-5.5s [%(name)s] %(message)s', '',
  ].join('\n'),
  'migrations/env.py': [
    '"""Alembic environment: runs migrations online against DATABASE_URL."""', 'import os', '', 'from alembic import context',
    'from sqlalchemy import engine_from_config, pool', '', 'from app.core.db import Base', '', 'config = context.config',
    'target_metadata = Base.metadata', '', '', 'def run_migrations_online() -> None:',
    '    section = config.get_section(config.config_ini_section) or {}', '    section["sqlalchemy.url"] = os.environ["DATABASE_URL"]',
    '    connectable = engine_from_config(section, prefix="sqlalchemy.", poolclass=pool.NullPool)',
    '    with connectable.connect() as connection:', '        context.configure(connection=connection, target_metadata=target_metadata)',
    '        with context.begin_transaction():', '            context.run_migrations()', '', '', 'run_migrations_online()', '',
  ].join('\n'),
  'app/__init__.py': '"""The application package."""\n',
  'app/core/__init__.py': '"""Shared infrastructure: the declarative base and sessions."""\n',
  'app/core/db.py': [
    '"""The declarative base every model inherits, with the naming convention Alembic relies on."""',
    'from sqlalchemy import MetaData', 'from sqlalchemy.orm import DeclarativeBase', '', '',
    'class Base(DeclarativeBase):', '    metadata = MetaData(naming_convention={',
    '        "ix": "ix_%(column_0_label)s",', '        "pk": "pk_%(table_name)s",', '    })', '',
  ].join('\n'),
};

/**
 * Writes the workspace into `outDir` (emptied first) and returns its manifest (also written as
 * `.bench-manifest.json`, which EnumGuard ignores: it is neither Python, SQL nor alembic.ini).
 */
export function generateWorkspace({ outDir, scale = 1, modelFiles, enumModelFiles, revisions } = {}) {
  const counts = {
    modelFiles: modelFiles ?? Math.round(baseCounts.modelFiles * scale),
    enumModelFiles: enumModelFiles ?? Math.round(baseCounts.enumModelFiles * scale),
    revisions: revisions ?? Math.round(baseCounts.revisions * scale),
  };
  const packageCount = Math.max(1, Math.ceil(counts.modelFiles / modelFilesPerPackage));
  if (packageCount > domainNames.length * 9) throw new Error(`scale too large: at most ${domainNames.length * 9 * modelFilesPerPackage} model files`);
  fs.rmSync(outDir, { recursive: true, force: true });
  const files = new Map(Object.entries(staticFiles));
  const manifest = {
    generator: 'test/bench/generateWorkspace.mjs', scale, counts: { ...counts, packages: packageCount },
    mistakes: [], strayTypes: [], enumModules: [], modelFilesWithEnums: [], toggleTargets: [], dependants: {},
  };
  const typeState = { created: new Set(), initialLabels: new Map() };
  const revisionPlan = [];
  for (let p = 0; p < packageCount; p += 1) {
    const domain = p < domainNames.length ? domainNames[p] : `${domainNames[p % domainNames.length]}${Math.floor(p / domainNames.length) + 1}`;
    const random = seededRandom(1000 + p);
    const enums = packageEnums(domain);
    const fileCount = share(counts.modelFiles, packageCount, p);
    const enumFileCount = share(counts.enumModelFiles, packageCount, p);
    const revisionCount = share(counts.revisions, packageCount, p);
    files.set(`app/${domain}/__init__.py`, `"""The ${domain} domain."""\n`);
    files.set(`app/${domain}/models/__init__.py`, `"""ORM models of the ${domain} domain."""\n`);
    const enumsFile = `app/${domain}/enums.py`;
    files.set(enumsFile, enumsModule(domain, enums));
    manifest.enumModules.push(enumsFile);
    const entities = random.shuffle(entityNames).slice(0, fileCount);
    if (entities.length < fileCount) throw new Error(`not enough entity names for ${fileCount} files per package`);
    const enumTables = [];
    entities.forEach((entity, i) => {
      const withEnums = i < enumFileCount;
      const file = `app/${domain}/models/${entity}.py`;
      const generated = modelFile(domain, entity, enums, withEnums, random, i);
      files.set(file, generated.text);
      if (!withEnums) return;
      manifest.modelFilesWithEnums.push(file);
      enumTables.push(generated.tables);
      for (const record of generated.records) {
        const e = record.enumClass;
        if (record.mistake) manifest.mistakes.push({ file, line: record.line + 1, kind: record.mistake, enumType: e.typeName, expectedRule: record.mistake === 'not-a-list' ? 'bad-values-callable' : 'persist-mismatch' });
        const key = `${enumsFile}#${e.className}`;
        const dependants = (manifest.dependants[key] ??= { enumsFile, className: e.className, typeName: e.typeName, persists: e.persists, files: [], cleanFiles: [] });
        if (!dependants.files.includes(file)) dependants.files.push(file);
        // Files with a correct column of this class: a change to the class's values changes their findings.
        if (!record.mistake && !dependants.cleanFiles.includes(file)) dependants.cleanFiles.push(file);
        if (!record.mistake && e.persists === 'values' && e.kind.spelling === 'Enum') {
          const lineText = record.lines[1];
          manifest.toggleTargets.push({ file, line0: record.line + 1, character: lineText.indexOf(`, ${canonicalValuesCallable}`), text: `, ${canonicalValuesCallable}`, enumType: e.typeName });
        }
      }
    });
    // Alters per package: every third revision of the package; the rest create its tables (two files each).
    const creates = enumTables.length === 0 ? 0 : Math.min(revisionCount, Math.max(1, Math.ceil(enumTables.length / 2)));
    const alterCount = revisionCount - creates;
    const usedTypes = [...new Map(enumTables.flat().flatMap((t) => t.columns).filter((c) => c.enumClass).map((c) => [c.enumClass.typeName, c.enumClass])).values()];
    const alters = [];
    for (let a = 0; a < alterCount; a += 1) {
      const candidates = usedTypes.filter((e) => !alters.some((x) => x.enumClass === e));
      const enumClass = candidates.length > 0 ? random.pick(candidates) : undefined;
      const roll = random.next();
      const stray = enumClass !== undefined && a === 0 && p % 4 === 1;
      if (!enumClass || (roll < 0.35 && !stray)) {
        alters.push({ kind: 'maintenance' });
        continue;
      }
      const last = enumClass.labels[enumClass.labels.length - 1];
      if (stray) {
        // A label the enum class never had: every column of this type gets a persist-mismatch.
        alters.push({ kind: 'add-value', enumClass, label: 'legacy', stray: true });
      } else if (roll < 0.7) {
        alters.push({ kind: random.next() < 0.5 ? 'add-value' : 'add-value-autocommit', enumClass, label: last });
        typeState.initialLabels.set(enumClass.typeName, enumClass.labels.slice(0, -1));
      } else {
        const first = enumClass.labels[0];
        const oldLabel = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
        alters.push({ kind: 'rename-value', enumClass, label: first, oldLabel });
        typeState.initialLabels.set(enumClass.typeName, [oldLabel, ...enumClass.labels.slice(1)]);
      }
    }
    for (let c = 0; c < creates; c += 1) {
      const group = enumTables.slice(Math.floor((c * enumTables.length) / creates), Math.floor(((c + 1) * enumTables.length) / creates)).flat();
      revisionPlan.push({ domain, message: `create ${domain} tables (part ${c + 1})`, tables: group });
    }
    for (const alter of alters) {
      if (alter.stray) {
        manifest.strayTypes.push(alter.enumClass.typeName);
        for (const [key, dep] of Object.entries(manifest.dependants)) {
          if (dep.typeName === alter.enumClass.typeName) manifest.mistakes.push({ file: null, dependantsOf: key, kind: 'stray-label', enumType: dep.typeName, expectedRule: 'persist-mismatch' });
        }
      }
      const message = alter.kind === 'maintenance' ? `index and backfill ${domain} tables` : `${alter.kind} on ${alter.enumClass.typeName}`;
      revisionPlan.push({ domain, message, alter, tables: enumTables.flat(), random });
    }
  }
  // Write the chain in order: revision k revises k-1.
  let previous;
  const start = Date.UTC(2023, 0, 2, 9, 30);
  revisionPlan.forEach((plan, k) => {
    const revision = revisionId(k);
    const date = new Date(start + k * 86400000 * 1.7).toISOString().replace('T', ' ').replace('Z', '000');
    const body = plan.alter
      ? plan.alter.kind === 'maintenance' ? maintenanceRevision(plan.tables, plan.random) : alterTypeRevision(plan.alter)
      : createTablesRevision(plan.tables, typeState);
    const imports = plan.alter ? [] : ['import sqlalchemy as sa', 'from sqlalchemy.dialects import postgresql'];
    const slug = plan.message.replace(/[^a-z0-9]+/gi, '_').toLowerCase().slice(0, 40);
    files.set(`migrations/versions/${revision}_${slug}.py`, [...revisionHeader(plan.message, revision, previous, date, imports), ...body, ''].join('\n'));
    previous = revision;
  });
  manifest.counts.revisionsWritten = revisionPlan.length;
  manifest.head = previous;

  let bytes = 0;
  let lines = 0;
  for (const [rel, text] of files) {
    const target = path.join(outDir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length - 1;
  }
  manifest.pythonFiles = [...files.keys()].filter((f) => f.endsWith('.py')).sort();
  Object.assign(manifest.counts, { pythonFiles: manifest.pythonFiles.length, files: files.size, bytes, lines });
  fs.writeFileSync(path.join(outDir, '.bench-manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

function parseCliArgs(argv) {
  const options = { scale: 1, outDir: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--scale') options.scale = Number(argv[++i]);
    else if (argv[i] === '--out') options.outDir = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use --scale N --out DIR)`);
  }
  if (!(options.scale > 0)) throw new Error('--scale must be a positive number');
  options.outDir ??= path.join('bench-out', `ws-${options.scale}x`);
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseCliArgs(process.argv.slice(2));
  const started = performance.now();
  const manifest = generateWorkspace(options);
  const c = manifest.counts;
  console.log(`${options.outDir}: ${c.modelFiles} model files (${c.enumModelFiles} with enum columns), ${c.packages} enums modules, ` +
    `${c.revisionsWritten} revisions, ${c.pythonFiles} .py files, ${c.lines} lines, ${(c.bytes / 1e6).toFixed(1)} MB, ` +
    `${manifest.mistakes.length} deliberate mistakes; ${(performance.now() - started).toFixed(0)} ms`);
}
