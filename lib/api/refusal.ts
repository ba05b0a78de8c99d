// A request refused before any rule of the domain is asked: its body cannot be read (400, 413,
// 415) or its method is not one the path serves (405). Each dialect words it in its own shape,
// keeping the status, a machine-readable code and any header (Allow) given here.
export type RefusalCode =
  | "parse_error" // not JSON
  | "too_deep" // JSON nested deeper than MAX_JSON_DEPTH
  | "request_too_large" // over MAX_BODY_BYTES
  | "unsupported_media_type" // a body that is not declared as JSON
  | "method_not_allowed"; // the path exists, the method does not

export class RequestRefused extends Error {
  constructor(
    readonly status: 400 | 405 | 413 | 415,
    readonly code: RefusalCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "RequestRefused";
  }
}
