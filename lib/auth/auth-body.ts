// What Auth.js (next-auth v4) may be handed as a POST body. Its router parses JSON and forms
// itself and trusts what it gets: malformed JSON, a field that is not a string, or deep nesting
// was a 500 from inside next-auth, reachable by anyone without signing in (found by the fuzzer).
// So the body is checked here first, with the limits every other route has, and refused in the
// DRF dialect of /api/auth/token. Its forms are flat maps of strings; the one JSON body next-auth's
// client sends, a session update, is {csrfToken, data} with data an object.
import { invalid } from "@/lib/domain/errors";
import { readBodyText, readJsonBody } from "@/lib/api/body";
import { RequestRefused } from "@/lib/api/refusal";

export async function checkAuthBody(req: Request, action: string): Promise<void> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.includes("application/json")) {
    const body = await readJsonBody(req.clone());
    if (!body || typeof body !== "object" || Array.isArray(body)) throw invalid("Expected a JSON object.", null);
    for (const [key, value] of Object.entries(body)) {
      const ok = typeof value === "string" || (action === "session" && key === "data" && value !== null && typeof value === "object");
      if (!ok) throw invalid("Expected a string.", key);
    }
    return;
  }
  const text = await readBodyText(req.clone());
  if (text.trim() === "" || type.includes("application/x-www-form-urlencoded")) return;
  throw new RequestRefused(415, "unsupported_media_type", `Unsupported media type "${type.split(";")[0] || "none"}" in request.`);
}
