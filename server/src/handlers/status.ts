// Builds the enumguard/status notification from every folder: the worst connection state wins (an error in one
// folder must be visible), and error/warning counts are what the Problems panel shows.
import type { Connection } from 'vscode-languageserver';
import { type StatusParams, StatusNotification } from '../protocol';
import type { SessionRegistry } from '../session/sessionRegistry';
import type { DiagnosticsPublisher } from './diagnostics';

export function currentStatus(sessions: SessionRegistry, diagnostics: DiagnosticsPublisher): StatusParams {
  const all = sessions.all();
  const { errors, warnings } = diagnostics.totals();
  const failing = all.find((s) => s.databaseStatus.state === 'error');
  if (failing) {
    return { connected: 'error', description: failing.databaseStatus.description, databaseError: failing.databaseStatus.error, errors, warnings };
  }
  const connected = all.find((s) => s.databaseStatus.state === 'live') ?? all.find((s) => s.databaseStatus.state === 'embedded');
  if (connected) return { connected: connected.databaseStatus.state, description: connected.databaseStatus.description, errors, warnings };
  return { connected: 'none', description: 'no database', errors, warnings };
}

export function sendStatus(connection: Connection, sessions: SessionRegistry, diagnostics: DiagnosticsPublisher): void {
  void connection.sendNotification(StatusNotification, currentStatus(sessions, diagnostics)).catch(() => undefined);
}
