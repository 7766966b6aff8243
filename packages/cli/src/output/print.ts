/** The API's JSON as it came, indented, for `jq` and for eyes. */
export function printJson(value: unknown, out: NodeJS.WritableStream = process.stdout): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A text answer, with exactly one final newline. */
export function printText(text: string, out: NodeJS.WritableStream = process.stdout): void {
  out.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Either form of a read command's answer. */
export function printRead(json: boolean, data: unknown): void {
  if (json || typeof data !== 'string') printJson(data);
  else printText(data);
}
