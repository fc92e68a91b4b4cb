// The incremental workspace index: FileFacts per file, replaced one file at a time on edit. Analysis over the
// index is cheap (no parsing), so an edit costs one file's extraction plus one pass over the facts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { EnumGuardConfig } from '../config/config';
import type { FileFacts } from '../model/types';
import { emptyFacts, extractFile, fileKindOf, fileProblem, maxFileBytes } from './extractFile';

export class WorkspaceIndex {
  private readonly byFile = new Map<string, FileFacts>();
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
    onProgress?.(done, files.length);
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
    const facts = extractFile(rel, text);
    this.byFile.set(rel, facts);
    return facts;
  }

  /** Re-reads one file from disk (a watched-file change). */
  refreshFromDisk(rel: string): FileFacts | undefined {
    if (!this.isCandidate(rel) || !fs.existsSync(path.join(this.root, rel))) {
      this.remove(rel);
      return undefined;
    }
    const facts = readAndExtract(this.root, rel);
    this.byFile.set(rel, facts);
    return facts;
  }

  remove(rel: string): void {
    this.byFile.delete(rel);
  }

  fileFacts(rel: string): FileFacts | undefined {
    return this.byFile.get(rel);
  }

  facts(): FileFacts[] {
    return [...this.byFile.values()];
  }
}

function readAndExtract(root: string, rel: string): FileFacts {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(path.join(root, rel));
    if (stat.size > maxFileBytes) {
      return withProblem(rel, `skipped: ${(stat.size / 1024 / 1024).toFixed(1)} MB is over EnumGuard's ${maxFileBytes / 1024 / 1024} MB limit per file`);
    }
    bytes = fs.readFileSync(path.join(root, rel));
  } catch (error) {
    return withProblem(rel, `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (looksBinary(bytes)) return withProblem(rel, 'skipped: binary content');
  // Invalid UTF-8 becomes U+FFFD: the rest of the file still yields facts.
  return extractFile(rel, bytes.toString('utf8'));
}

function withProblem(rel: string, message: string): FileFacts {
  const facts = emptyFacts(rel);
  facts.problems.push(fileProblem(rel, message));
  return facts;
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8000);
  return head.includes(0);
}
