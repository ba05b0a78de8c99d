/**
 * A Content-Disposition for a download named `filename`. The plain filename must be ASCII (a
 * header is bytes) and names no path: characters outside the printable range, quotes, slashes
 * and angle brackets become "_"; filename* carries the real name.
 */
export function attachment(filename: string): string {
  const plain = filename.replace(/[^\x20-\x7e]|["\\/<>]/g, "_");
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
