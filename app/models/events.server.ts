import cluster from "node:cluster";
import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseProvider, getDb } from "../db.server";
import { parseDatabaseUrl } from "../lib/database-url";
import { openEventStreams } from "../observability/metrics.server";

/** What changed in a project; clients reload what they show when they hear of it. */
export type ProjectEvent =
  | { type: "claims-changed"; projectId: number; claimIds: number[]; more?: boolean; actorId: number | null; summary: string }
  | { type: "presence"; projectId: number; claimId: number };

/** Something for one user only (a notification): delivered to that user's open pages, whatever the project. */
export type UserEvent = { type: "notification"; userId: number };

type LiveEvent = ProjectEvent | UserEvent;

const CHANNEL = "claimdesk_events";
// NOTIFY payloads are limited to 8000 bytes; long id lists are cut (and marked so).
const MAX_IDS_IN_PAYLOAD = 200;

const local = new EventEmitter();
local.setMaxListeners(0);

const userKey = (userId: number) => `user:${userId}`;

function deliverLocally(event: LiveEvent) {
  local.emit("any", event);
  if (event.type === "notification") local.emit(userKey(event.userId), event);
  else local.emit(String(event.projectId), event);
}

// The server's processes (scripts/server-processes.mjs) relay SQLite events to each
// other through their primary process; the type must match RELAY_MESSAGE_TYPE there.
const RELAY_MESSAGE_TYPE = "claimdesk:project-event";
interface RelayMessage {
  type: typeof RELAY_MESSAGE_TYPE;
  event: LiveEvent;
}
const isRelayMessage = (message: unknown): message is RelayMessage =>
  typeof message === "object" && message !== null && (message as { type?: unknown }).type === RELAY_MESSAGE_TYPE;
if (cluster.isWorker) {
  process.on("message", (message: unknown) => {
    if (isRelayMessage(message)) deliverLocally(message.event);
  });
}
let listener: Promise<pg.Client> | undefined;

// Bumped whenever a project's claims change, on this instance or (via NOTIFY) another.
const generations = new Map<number, number>();
function noteEvent(event: LiveEvent) {
  if (event.type === "claims-changed") generations.set(event.projectId, (generations.get(event.projectId) ?? 0) + 1);
}
local.on("any", noteEvent);

/**
 * A number that changes whenever the project's claims change anywhere: caches keyed
 * on it are never stale. On PostgreSQL it makes sure this instance is listening.
 */
export async function claimsGeneration(projectId: number): Promise<number> {
  if (databaseProvider() === "postgresql") await ensurePostgresListener();
  return generations.get(projectId) ?? 0;
}

/**
 * Tells every connected client of the project, on every app instance. On SQLite
 * (one machine) the event goes straight to this process's subscribers and, through
 * the primary process, to the server's other processes; on PostgreSQL it goes
 * through NOTIFY, and each instance's LISTEN connection hands it to its own
 * subscribers. Call after the change has committed.
 */
export async function publishProjectEvent(event: ProjectEvent): Promise<void> {
  // A cut list says so (`more`), so that a page showing a claim left out of it reloads that claim too.
  const payload =
    event.type === "claims-changed" && event.claimIds.length > MAX_IDS_IN_PAYLOAD
      ? { ...event, claimIds: event.claimIds.slice(0, MAX_IDS_IN_PAYLOAD), more: true }
      : event;
  await publish(payload);
}

/** Tells one user's open pages, on every app instance, the same way as project events travel. Call after commit. */
export async function publishUserEvent(event: UserEvent): Promise<void> {
  await publish(event);
}

async function publish(payload: LiveEvent): Promise<void> {
  if (databaseProvider() === "postgresql") {
    await getDb().$executeRawUnsafe("SELECT pg_notify($1, $2)", CHANNEL, JSON.stringify(payload));
  } else {
    deliverLocally(payload);
    if (cluster.isWorker) process.send?.({ type: RELAY_MESSAGE_TYPE, event: payload } satisfies RelayMessage);
  }
}

function ensurePostgresListener(): Promise<pg.Client> {
  listener ??= (async () => {
    const target = parseDatabaseUrl(process.env.DATABASE_URL);
    if (target.provider !== "postgresql") throw new Error("not PostgreSQL");
    const client = new pg.Client({ connectionString: target.connectionString });
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        deliverLocally(JSON.parse(message.payload) as LiveEvent);
      } catch {
        /* a malformed payload is not ours */
      }
    });
    client.on("error", () => {
      // Reconnect on the next subscription.
      listener = undefined;
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    return client;
  })();
  return listener;
}

// How each open stream is ended when this server process stops (see endEventStreams).
const streamEnders = new Set<() => void>();

/**
 * Subscribes an event stream to the project's events. `onServerStopping` ends the stream when
 * this process shuts down, so the browser reconnects (to another process or instance) at once.
 */
export async function subscribeToProject(
  projectId: number,
  handler: (event: ProjectEvent) => void,
  onServerStopping?: () => void,
): Promise<() => void> {
  return subscribe(String(projectId), handler as (event: LiveEvent) => void, onServerStopping);
}

/** One open stream: listening on `key`, counted, and ended with the others when this process stops. */
async function subscribe(key: string, handler: (event: LiveEvent) => void, onServerStopping?: () => void): Promise<() => void> {
  if (databaseProvider() === "postgresql") await ensurePostgresListener();
  local.on(key, handler);
  openEventStreams.inc();
  if (onServerStopping) streamEnders.add(onServerStopping);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    local.off(key, handler);
    if (onServerStopping) streamEnders.delete(onServerStopping);
    openEventStreams.dec();
  };
}

/** Ends every open event stream of this process (graceful shutdown); returns how many there were. */
export function endEventStreams(): number {
  const enders = [...streamEnders];
  streamEnders.clear();
  for (const end of enders) end();
  return enders.length;
}

/** Subscribes to one user's events (their notifications); `onServerStopping` as for projects. */
export async function subscribeToUser(
  userId: number,
  handler: (event: UserEvent) => void,
  onServerStopping?: () => void,
): Promise<() => void> {
  return subscribe(userKey(userId), handler as (event: LiveEvent) => void, onServerStopping);
}

export async function closeEventListener(): Promise<void> {
  const client = await listener?.catch(() => undefined);
  listener = undefined;
  await client?.end().catch(() => undefined);
}
