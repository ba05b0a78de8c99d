// The console's own /api/v1 routes (and POST /api/auth/token) answer errors in §1's dialect:
// {"type", "errors": [{code, detail, attr}]}, so a script reads every /api/v1 error one way.
export { v1Dialect, v1Error } from "../unstract/dialect";
