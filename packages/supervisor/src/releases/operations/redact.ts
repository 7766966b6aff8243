/** Names whose values are secrets by convention. */
const SECRET_NAME =
  /SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API_?KEY|_KEY$|DSN|DATABASE_URL/i;
/** Shorter values would blank out ordinary words in the output. */
const MIN_LENGTH = 6;

/**
 * A filter for an operation's output lines that blanks the values of secret-looking variables
 * (a build that runs `env` must not put them in the deploy log), and the password of any URL.
 */
export function secretRedactor(environment: Readonly<Record<string, string>>) {
  const secrets = Object.entries(environment)
    .filter(([name, value]) => SECRET_NAME.test(name) && value.length >= MIN_LENGTH)
    .map(([, value]) => value)
    .sort((a, b) => b.length - a.length);
  return (line: string): string => {
    let out = line;
    for (const s of secrets) out = out.split(s).join('[redacted]');
    return redactUrlCredentials(out);
  };
}

/** `https://user:token@host/…` → `https://user:[redacted]@host/…`. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):[^\s/@]+@/gi, '$1:[redacted]@');
}
