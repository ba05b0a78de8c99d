// A connection left idle between two requests stays open well past Node's default 5 s: clients
// that pool connections (Playwright's request context, proxies such as haproxy, SDKs) send the
// next request on it, and one the server has just closed answers them with ECONNRESET.
import net from "node:net";
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";

/** Sends one keep-alive GET on the socket and resolves with the status line of its answer. */
function get(socket: net.Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString("latin1");
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return;
      const head = received.slice(0, end);
      if (/transfer-encoding: *chunked/i.test(head)) {
        if (!received.endsWith("0\r\n\r\n")) return;
      } else if (received.length - end - 4 < Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? "0")) return;
      socket.off("data", onData);
      socket.off("close", onClose);
      resolve(received.slice(0, received.indexOf("\r\n")));
    };
    const onClose = () => reject(new Error(`the server closed the connection; received: ${JSON.stringify(received)}`));
    socket.on("data", onData);
    socket.once("close", onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${new URL(BASE_URL).host}\r\nConnection: keep-alive\r\n\r\n`);
  });
}

test("a connection idle for 8 s still carries the next request", async () => {
  const { hostname, port } = new URL(BASE_URL);
  const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let closedAt: number | null = null;
  socket.once("close", () => (closedAt = Date.now()));
  try {
    expect(await get(socket, "/api/health")).toBe("HTTP/1.1 200 OK");
    const idleFrom = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(closedAt === null ? "still open" : `closed after ${closedAt - idleFrom} ms idle`).toBe("still open");
    expect(await get(socket, "/api/health")).toBe("HTTP/1.1 200 OK");
  } finally {
    socket.destroy();
  }
});
