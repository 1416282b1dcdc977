import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER } from "@/lib/client-address";

const recording = Symbol.for("csm.peer-address");

/**
 * Puts the address of the socket each request arrived on into a header of that request, before
 * the app sees it: whatever a client sends under that name is replaced. Next itself only adds
 * the socket's address to X-Forwarded-For when the client sent none.
 */
export function recordPeerAddresses(): void {
  const state = globalThis as { [recording]?: true };
  if (state[recording]) return;
  state[recording] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
}
