// The one place that removes secrets from text before it reaches a log, a message, a trace or a test's output:
// known secrets (a URL or password the process holds, raw, URL-encoded or JSON-escaped), URL passwords
// (scheme://user:secret@host, also with JSON-escaped slashes) and key=value forms (password=secret).
// Pure text functions: the CLI, the language server and the VS Code client all use them.

const urlPassword = /\b([a-z][a-z0-9+.-]*:(?:\\?\/){2}[^\s/:@?#"\\]*):(\S*?)@(?=[^\s@]*(?:\s|$|"))/gi;
const keyValuePassword = /\b(password|passwd|pwd|sslpassword)=("[^"]*"|'[^']*'|[^\s&;"]+)/gi;

/**
 * Replaces every known secret (at least 4 characters, so ordinary words survive), every URL password and every
 * password=... value in `text` with `***`.
 */
export function redactSecrets(text: string, knownSecrets: readonly (string | undefined)[] = []): string {
  let safe = text;
  for (const secret of knownSecrets) {
    if (!secret || secret.length < 4) continue;
    const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
    for (const form of forms) safe = safe.split(form).join('***');
  }
  // The password runs to the last '@' of the token, so a password holding a raw '@' is hidden whole.
  return safe.replace(urlPassword, '$1:***@').replace(keyValuePassword, '$1=***');
}

/** The password inside a database URL, when it has one, so callers can pass it to redactSecrets as known. */
export function passwordInUrl(spec: string | undefined): string | undefined {
  if (!spec) return undefined;
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:(\S*)@/i.exec(spec);
  if (!match || match[1] === '') return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
