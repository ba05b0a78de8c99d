/**
 * A Content-Disposition for a download named `filename`. The plain filename is for clients that
 * ignore filename*: it keeps only characters every file system and header parser takes (ASCII
 * letters, digits, space, ".", "_", "-", "(", ")"), every other one becomes "_", and it never
 * starts with "." (a hidden file). filename* carries the real name, percent-encoded.
 */
export function attachment(filename: string): string {
  const plain = filename.replace(/[^A-Za-z0-9 ._()-]/g, "_").replace(/^\./, "_");
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
