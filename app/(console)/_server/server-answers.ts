// Answers of the API computed while a console page renders on the server, so its first HTML
// already holds them (no wait for the scripts and then a round trip per query). They come
// from the API's own route handlers, called in-process with this request's cookie: exactly
// what the browser would have fetched, with the same authorization and the same JSON. They live
// in the app layer (a private `_server` folder), beside the route handlers they call: components
// never import from app/.
import "server-only";
import { dehydrate, QueryClient, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import { headers } from "next/headers";
import { NextRequest } from "next/server";
import { cache } from "react";
import { GET as getMe } from "@/app/api/v1/me/route";
import { publicUrl } from "@/lib/api/public-origin";
import { meKey, type Me } from "@/components/console/use-me";

type Handler<P> = (req: NextRequest, context: { params?: Promise<P> }) => Promise<Response>;

/** GET `path` through `handler` as this request's user; null unless it answers 2xx. */
export async function askApi<T, P extends Record<string, string> = Record<string, string>>(
  handler: Handler<P>,
  path: string,
  params: P = {} as P,
): Promise<T | null> {
  const incoming = await headers();
  // The headers that say where the browser reached us go along, so absolute links in the answer
  // (a list's next page) are the ones the browser would have got.
  const forwarded = new Headers({ cookie: incoming.get("cookie") ?? "" });
  for (const name of ["host", "x-forwarded-host", "x-forwarded-proto"]) {
    const value = incoming.get(name);
    if (value) forwarded.set(name, value);
  }
  const url = publicUrl({ headers: forwarded, url: "http://localhost/" }, path);
  const req = new NextRequest(url, { headers: forwarded });
  const res = await handler(req, { params: Promise.resolve(params) });
  return res.ok ? ((await res.json()) as T) : null;
}

export function cacheState(entries: [QueryKey, unknown][]): DehydratedState {
  const client = new QueryClient();
  for (const [key, data] of entries) client.setQueryData(key, data);
  return dehydrate(client);
}

/**
 * Who is signed in, for the console's layout (the org switcher and every page read it).
 * Cached per request: the layout and a page that needs the org both ask, one query answers.
 */
export const askMe = cache(async (): Promise<Me | null> => askApi<Me>(getMe, "/api/v1/me"));

export function meState(me: Me): DehydratedState {
  return cacheState([[meKey, me]]);
}
