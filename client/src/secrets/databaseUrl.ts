// The one SecretStorage wrapper: a database URL per workspace folder. Nothing else in the extension stores or
// caches the URL; it leaves this file only in the answer to the server's enumguard/databaseUrl request.
import type * as vscode from 'vscode';

export class DatabaseUrlSecrets {
  /** URLs read or stored in this session, so the trace/output channels can redact them. */
  private readonly known = new Set<string>();

  constructor(private readonly storage: vscode.SecretStorage) {}

  private key(folderUri: string): string {
    return `enumguard.databaseUrl:${folderUri}`;
  }

  async get(folderUri: string): Promise<string | undefined> {
    const url = await this.storage.get(this.key(folderUri));
    if (url) this.known.add(url);
    return url;
  }

  async set(folderUri: string, url: string): Promise<void> {
    this.known.add(url);
    await this.storage.store(this.key(folderUri), url);
  }

  async delete(folderUri: string): Promise<void> {
    await this.storage.delete(this.key(folderUri));
  }

  /** Every URL this session has seen (for redaction only). */
  knownUrls(): string[] {
    return [...this.known];
  }

  remember(url: string): void {
    this.known.add(url);
  }
}
