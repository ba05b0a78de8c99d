// The limits of every JSON body we read, and the one check of nesting. Kept free of zod and the
// domain so the proxy (which answers an oversized Content-Length before Next.js buffers the
// body) can import them.

/** 10 MiB: Next.js buffers at most about this much of a body behind the proxy (next.config.js). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * 64 levels: our deepest real body (a pipeline's jobs with their connector config) is under 10,
 * so 64 leaves room for any config while staying far below the depth at which recursive code
 * (zod, the NUL check, JSON.stringify into jsonb) runs out of stack: a 4 KB body of 2,000
 * brackets used to be a 500 with a RangeError.
 */
export const MAX_JSON_DEPTH = 64;

export const TOO_LARGE = `Request body too large: the limit is ${MAX_BODY_BYTES / 1024 / 1024} MiB (${MAX_BODY_BYTES} bytes).`;
export const TOO_DEEP = `JSON parse error - nesting deeper than ${MAX_JSON_DEPTH} levels.`;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, counted in one pass without
 * recursion (so the check itself cannot overflow); brackets inside strings are text.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
