// Removes passwords from anything the CLI prints: a database URL given on the command line may come back in an
// error message (ours or a library's), and the password must never reach a terminal or a CI log.

/**
 * Replaces the password in every `scheme://user:password@` with `***` (up to the last `@`, since users paste
 * passwords with an unescaped `@`), and `password=` URL/DSN parameters.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):\S*@/gi, '$1:***@')
    .replace(/((?:^|[?&\s])password=)[^&\s]*/gi, '$1***');
}

/** The password inside a database URL, when it has one, so callers can scrub that literal text too. */
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

/** redactSecrets plus every literal occurrence of the given passwords (raw and URL-encoded). */
export function scrub(text: string, passwords: readonly (string | undefined)[] = []): string {
  let out = redactSecrets(text);
  for (const password of passwords) {
    // Short passwords would blank out ordinary words; the URL pattern above already covers them in URLs.
    if (!password || password.length < 4) continue;
    for (const form of new Set([password, encodeURIComponent(password)])) out = out.split(form).join('***');
  }
  return out;
}
