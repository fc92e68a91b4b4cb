// Removes passwords from any text before it can reach a log, a message or a test's output: URL passwords
// (scheme://user:secret@host) and key=value forms (password=secret in a query string or a conninfo string).

const urlPassword = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@?#]*):(\S*)@/gi;
const keyValuePassword = /\b(password|passwd|pwd|sslpassword)=("[^"]*"|'[^']*'|[^\s&;]+)/gi;

/** Replaces every URL password and every password=... value in `text` with `***`. */
export function redactSecrets(text: string): string {
  // The greedy \S* reaches the last '@' of the token, so a password holding a raw '@' is hidden whole.
  return text.replace(urlPassword, '$1:***@').replace(keyValuePassword, '$1=***');
}
