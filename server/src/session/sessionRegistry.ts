// One WorkspaceSession per workspace folder; finds the folder a document belongs to (the deepest root wins,
// so nested folders work) and restarts a folder when its configuration changes.
import { relativeToRoot, uriToFsPath } from '../lsp/uris';
import { type SessionHost, WorkspaceSession } from './workspaceSession';

export class SessionRegistry {
  private readonly sessions = new Map<string, WorkspaceSession>();

  constructor(private readonly host: SessionHost) {}

  all(): WorkspaceSession[] {
    return [...this.sessions.values()];
  }

  get(folderUri: string): WorkspaceSession | undefined {
    return this.sessions.get(folderUri);
  }

  /**
   * Creates and starts the session for a folder; errors stay inside that folder. `prime` runs before indexing
   * (the server feeds it the open buffers, whose text wins over the disk).
   */
  async add(folderUri: string, prime?: (session: WorkspaceSession) => void): Promise<WorkspaceSession | undefined> {
    const root = uriToFsPath(folderUri);
    if (!root) return undefined;
    this.sessions.get(folderUri)?.dispose();
    const session = new WorkspaceSession(folderUri, root, this.host);
    this.sessions.set(folderUri, session);
    try {
      prime?.(session);
      await session.start();
    } catch (error) {
      this.host.log(`[${folderUri}] could not start: ${(error as Error).stack ?? error}`);
    }
    return session;
  }

  remove(folderUri: string): WorkspaceSession | undefined {
    const session = this.sessions.get(folderUri);
    session?.dispose();
    this.sessions.delete(folderUri);
    return session;
  }

  /** The session owning `uri` and the file's path relative to its root. */
  locate(uri: string): { session: WorkspaceSession; relPath: string } | undefined {
    const fsPath = uriToFsPath(uri);
    if (!fsPath) return undefined;
    let best: { session: WorkspaceSession; relPath: string } | undefined;
    for (const session of this.sessions.values()) {
      const relPath = relativeToRoot(session.root, fsPath);
      if (relPath !== undefined && (!best || session.root.length > best.session.root.length)) best = { session, relPath };
    }
    return best;
  }
}
