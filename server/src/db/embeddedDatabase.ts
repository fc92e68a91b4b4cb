// Loads a schema file (pg_dump plain output or hand-written DDL + INSERTs) into PGlite, an embedded real
// PostgreSQL, and keeps the loaded data folder in a cache keyed by the file's content and the PGlite version,
// so only the first run pays for the load (and the very first one for initdb); later runs start from the kept
// copy (~1 s).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { lineCounter, splitSqlScript } from '../core/parse/sqlSplit';
import { DatabaseError } from './errors';
import type { Queryable } from './queryable';

/** Must match node_modules/@electric-sql/pglite (a test checks it): a new PGlite means new data folders. */
export const pgliteVersion = '0.5.14';
/** Bump when the way a schema file is loaded changes, so old cached folders are not reused. */
const loaderVersion = 1;
/** Cached folders kept; older ones are deleted (each is ~40 MB). */
const cacheEntriesKept = 4;

export interface EmbeddedDatabase {
  db: Queryable;
  /** "schema.sql (embedded)". */
  description: string;
  /** Statements skipped or adapted while loading (extensions, roles, meta-commands). */
  notes: string[];
  /** True when the data folder came from the cache (no initdb, no load). */
  fromCache: boolean;
  close(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Name used in messages ("schema.sql:12: ..."); defaults to the file's base name. */
  displayName?: string;
  /** Overrides $ENUMGUARD_CACHE_DIR / $XDG_CACHE_HOME/enumguard / ~/.cache/enumguard. */
  cacheDir?: string;
}

export function enumguardCacheDir(): string {
  if (process.env.ENUMGUARD_CACHE_DIR) return process.env.ENUMGUARD_CACHE_DIR;
  if (process.env.XDG_CACHE_HOME) return path.join(process.env.XDG_CACHE_HOME, 'enumguard');
  return path.join(os.homedir(), '.cache', 'enumguard');
}

export async function openEmbeddedDatabase(schemaFile: string, options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  const displayName = options.displayName ?? path.basename(schemaFile);
  let content: string;
  try {
    content = fs.readFileSync(schemaFile, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read it';
    throw new DatabaseError('schema-file', `${displayName}: ${reason}`);
  }
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const key = createHash('sha256').update(`${pgliteVersion}\0${loaderVersion}\0`).update(content).digest('hex').slice(0, 24);
  const cacheDir = path.join(options.cacheDir ?? enumguardCacheDir(), 'pglite');
  const tarFile = path.join(cacheDir, `${key}.tar`);
  const notesFile = path.join(cacheDir, `${key}.json`);
  const description = `${displayName} (embedded)`;

  // The cache holds a tarball of the data folder, opened into memory: the kept copy is never written to, so
  // the CLI and the language server can start from it at the same time.
  const cached = readCached(tarFile, notesFile);
  if (cached) {
    const pg = await PGliteClass.create({ loadDataDir: new Blob([cached.tar]) });
    return { db: pg, description, notes: cached.notes, fromCache: true, close: () => pg.close() };
  }

  const pg = await startFromPristineCluster(PGliteClass, cacheDir);
  try {
    const notes = await loadScript(pg, content, displayName);
    await resetSession(pg);
    const cacheProblem = await writeCache(pg, cacheDir, tarFile, notesFile, notes);
    if (cacheProblem) notes.push(cacheProblem);
    return { db: pg, description, notes, fromCache: false, close: () => pg.close() };
  } catch (error) {
    await pg.close().catch(() => undefined);
    throw error;
  }
}

/**
 * A schema file not seen before still skips initdb when an empty cluster of this PGlite version was kept:
 * editing schema.sql then costs a load, not initdb + load. The first ever run makes that empty cluster.
 */
async function startFromPristineCluster(PGliteClass: typeof PGlite, cacheDir: string): Promise<PGlite> {
  const pristineFile = path.join(cacheDir, `pristine-${pgliteVersion}-${loaderVersion}.tar`);
  try {
    const tar = fs.readFileSync(pristineFile);
    return await PGliteClass.create({ loadDataDir: new Blob([tar]) });
  } catch {
    // No kept empty cluster (or an unreadable one): run initdb, and keep the result for next time.
  }
  const pg = await PGliteClass.create();
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    writeAtomically(pristineFile, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  } catch {
    // A cache that cannot be written only costs time.
  }
  return pg;
}

function writeAtomically(file: string, content: Buffer | string): void {
  // Write under a temporary name, then rename: a concurrent reader sees a whole file or none.
  const temporary = `${file}.tmp-${process.pid}-${Date.now()}`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

function readCached(tarFile: string, notesFile: string): { tar: Buffer; notes: string[] } | undefined {
  try {
    const tar = fs.readFileSync(tarFile);
    const notes = JSON.parse(fs.readFileSync(notesFile, 'utf8')) as string[];
    const now = new Date();
    // Mark as recently used, so pruning keeps it.
    fs.utimesSync(tarFile, now, now);
    return { tar, notes: Array.isArray(notes) ? notes.map(String) : [] };
  } catch {
    return undefined;
  }
}

/** Runs the script statement by statement, so a failure names its line. Returns notes on what was adapted. */
async function loadScript(pg: PGlite, content: string, displayName: string): Promise<string[]> {
  const notes: string[] = [];
  const createdRoles: string[] = [];
  const skippedExtensions = new Set<string>();
  const metaLines: string[] = [];

  const lineAt = lineCounter(content);
  for (const part of splitSqlScript(content)) {
    const line = lineAt(part.start);
    if (part.kind === 'meta') {
      // \restrict / \unrestrict (pg_dump's guard) mean nothing here; others are worth a mention.
      const command = content.slice(part.start, part.end).trim();
      if (!/^\\(un)?restrict\b/.test(command)) metaLines.push(`${command.split(/\s/)[0]} (line ${line})`);
      continue;
    }
    // The statement without its `;` (PostgreSQL's error positions count from its first character).
    const item = { sql: content.slice(part.start, part.end).replace(/;$/, '').trim(), line };
    for (let attempt = 0; ; attempt++) {
      try {
        if (part.kind === 'copy') {
          // PGlite cannot stream stdin; it reads COPY data from the virtual file /dev/blob instead.
          const sql = item.sql.replace(/\bFROM\s+stdin\b/i, "FROM '/dev/blob'");
          await pg.query(sql, [], { blob: new Blob([content.slice(part.data.start, part.data.end)]) });
        } else {
          await pg.exec(item.sql);
        }
        break;
      } catch (error) {
        const err = error as { code?: string; message?: string; position?: string | number; where?: string };
        const message = String(err.message ?? error);
        const missingRole = /^role "(.+)" does not exist$/.exec(message);
        if (err.code === '42704' && missingRole && attempt < 8) {
          // pg_dump's OWNER TO / GRANT name roles of the source server: create them (without login) and retry.
          await pg.exec(`CREATE ROLE "${missingRole[1].replace(/"/g, '""')}" NOLOGIN`);
          createdRoles.push(missingRole[1]);
          continue;
        }
        const extension = part.kind === 'statement' ? /^CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("?)([^\s";]+)\1/i.exec(item.sql) : null;
        if (extension && (err.code === '0A000' || err.code === '58P01')) {
          skippedExtensions.add(extension[2]);
          notes.push(`${displayName}:${item.line}: extension "${extension[2]}" is not available in the embedded PostgreSQL; skipped`);
          break;
        }
        const commentOnSkipped = part.kind === 'statement' ? /^COMMENT\s+ON\s+EXTENSION\s+("?)([^\s"]+)\1/i.exec(item.sql) : null;
        if (commentOnSkipped && skippedExtensions.has(commentOnSkipped[2])) break;
        if (err.code === '42P06' && /^CREATE\s+SCHEMA\s+"?public"?\s*$/i.test(item.sql)) break;
        throw new DatabaseError('schema-file', `${displayName}:${errorLine(item, err.position)}: ${firstLine(message)}${copyWhere(err.where)}`);
      }
    }
  }
  if (createdRoles.length > 0) notes.push(`${displayName}: created roles missing from the embedded PostgreSQL: ${[...new Set(createdRoles)].join(', ')}`);
  if (metaLines.length > 0) notes.push(`${displayName}: psql meta-commands skipped: ${metaLines.join(', ')}`);
  return notes;
}

/** The script may have changed the search_path (pg_dump empties it) or the role; introspection needs defaults. */
async function resetSession(pg: PGlite): Promise<void> {
  // psql would roll back a transaction the script left open.
  if (pg.isInTransaction()) await pg.exec('ROLLBACK');
  await pg.exec('SET SESSION AUTHORIZATION DEFAULT; RESET ROLE; RESET ALL;');
}

async function writeCache(pg: PGlite, cacheDir: string, tarFile: string, notesFile: string, notes: string[]): Promise<string | undefined> {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tar = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
    // The notes first: the tarball's presence is what marks the entry complete.
    writeAtomically(notesFile, JSON.stringify(notes));
    writeAtomically(tarFile, tar);
    pruneCache(cacheDir);
    return undefined;
  } catch (error) {
    return `the embedded database could not be kept in ${cacheDir} (${(error as Error).message}); the next run loads the file again`;
  }
}

function pruneCache(cacheDir: string): void {
  const tars = fs.readdirSync(cacheDir)
    .filter((name) => name.endsWith('.tar') && !name.startsWith('pristine-'))
    .map((name) => ({ name, used: fs.statSync(path.join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { name } of tars.slice(cacheEntriesKept)) {
    fs.rmSync(path.join(cacheDir, name), { force: true });
    fs.rmSync(path.join(cacheDir, name.replace(/\.tar$/, '.json')), { force: true });
  }
}

function errorLine(item: { sql: string; line: number }, position: string | number | undefined): number {
  // PostgreSQL's position is a 1-based character offset into the statement: turn it into a file line.
  const offset = Number(position);
  if (!Number.isInteger(offset) || offset < 1) return item.line;
  return item.line + (item.sql.slice(0, offset - 1).match(/\n/g)?.length ?? 0);
}

function copyWhere(where: string | undefined): string {
  // For COPY, PostgreSQL says which data row failed ("COPY users, line 3").
  const match = where ? /COPY [^,]+, line \d+/.exec(where) : null;
  return match ? ` (${match[0]})` : '';
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
