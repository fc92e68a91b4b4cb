// The incremental workspace index: FileFacts per file, replaced one file at a time on edit. Analysis over the
// index is cheap (no parsing), so an edit costs one file's extraction plus one pass over the facts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { EnumGuardConfig } from '../config/config';
import type { FileFacts } from '../model/types';
import { extractFile, fileKindOf } from './extractFile';
import { readAndExtract } from './readFacts';

export class WorkspaceIndex {
  private readonly byFile = new Map<string, FileFacts>();
  private enumNameCache?: Set<string>;
  private isExcluded!: (rel: string) => boolean;
  private isIncluded!: (rel: string) => boolean;

  constructor(readonly root: string, private config: EnumGuardConfig) {
    this.setConfig(config);
  }

  setConfig(config: EnumGuardConfig): void {
    this.config = config;
    this.isExcluded = picomatch(config.exclude, { dot: true });
    this.isIncluded = config.include.length > 0 ? picomatch(config.include, { dot: true }) : () => true;
  }

  /** Whether `rel` (workspace-relative POSIX path) is a file the index reads. */
  isCandidate(rel: string): boolean {
    return fileKindOf(rel) !== undefined && !this.isExcluded(rel) && this.isIncluded(rel);
  }

  /** Walks the root and extracts every candidate file. */
  async indexAll(onProgress?: (done: number, total: number) => void): Promise<void> {
    const files = this.listCandidates();
    this.byFile.clear();
    let done = 0;
    for (const rel of files) {
      this.byFile.set(rel, readAndExtract(this.root, rel));
      done += 1;
      // Yield now and then so a language server keeps answering while a large workspace indexes.
      if (done % 200 === 0) {
        onProgress?.(done, files.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.enumNameCache = undefined;
    this.parseDeferredEnumUsers();
    onProgress?.(done, files.length);
  }

  /** Every enum class name in the workspace. */
  private enumNames(): Set<string> {
    if (this.enumNameCache) return this.enumNameCache;
    const names = new Set<string>();
    for (const facts of this.byFile.values()) for (const cls of facts.enums) names.add(cls.name);
    return (this.enumNameCache = names);
  }

  /**
   * Files the pre-filter skipped whose Mapped[...] names an enum class hold bare `Mapped[Role]` enum columns:
   * parse them now. Returns the files whose facts changed.
   */
  private parseDeferredEnumUsers(only?: Set<string>): string[] {
    const names = only ?? this.enumNames();
    const changed: string[] = [];
    for (const [rel, facts] of this.byFile) {
      if (!facts.deferredMappedNames?.some((name) => names.has(name))) continue;
      this.byFile.set(rel, readAndExtract(this.root, rel, { force: true }));
      changed.push(rel);
    }
    return changed;
  }

  listCandidates(): string[] {
    const found: string[] = [];
    const walk = (dirRel: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path.join(this.root, dirRel), { withFileTypes: true });
      } catch {
        return; // unreadable folder: skip it, keep the rest of the workspace
      }
      for (const entry of entries) {
        const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!this.isExcluded(`${rel}/`) && !this.isExcluded(`${rel}/x`)) walk(rel);
        } else if (entry.isFile() && this.isCandidate(rel)) {
          found.push(rel);
        }
      }
    };
    walk('');
    return found.sort();
  }

  /** Re-extracts one file from text (an editor buffer); returns its new facts. */
  update(rel: string, text: string): FileFacts {
    let facts = extractFile(rel, text);
    if (facts.deferredMappedNames?.some((name) => this.enumNames().has(name))) facts = extractFile(rel, text, { force: true });
    this.replace(rel, facts);
    return facts;
  }

  /** Stores new facts; a file that now defines new enum class names may turn skipped files into enum users. */
  private replace(rel: string, facts: FileFacts): void {
    const before = new Set(this.byFile.get(rel)?.enums.map((cls) => cls.name));
    this.byFile.set(rel, facts);
    if (before.size > 0 || facts.enums.length > 0) this.enumNameCache = undefined;
    const added = new Set(facts.enums.map((cls) => cls.name).filter((name) => !before.has(name)));
    if (added.size > 0) this.parseDeferredEnumUsers(added);
  }

  /** Re-reads one file from disk (a watched-file change). */
  refreshFromDisk(rel: string): FileFacts | undefined {
    if (!this.isCandidate(rel) || !fs.existsSync(path.join(this.root, rel))) {
      this.remove(rel);
      return undefined;
    }
    let facts = readAndExtract(this.root, rel);
    if (facts.deferredMappedNames?.some((name) => this.enumNames().has(name))) facts = readAndExtract(this.root, rel, { force: true });
    this.replace(rel, facts);
    return facts;
  }

  remove(rel: string): void {
    if (this.byFile.get(rel)?.enums.length) this.enumNameCache = undefined;
    this.byFile.delete(rel);
  }

  fileFacts(rel: string): FileFacts | undefined {
    return this.byFile.get(rel);
  }

  facts(): FileFacts[] {
    return [...this.byFile.values()];
  }
}
