import { getConfig } from "../config.server";
import { onNotificationsCreated } from "../models/notifications/created-signal.server";
import { deliverDigests, deliverImmediateEmails } from "../models/notifications/email-delivery.server";
import { type MailSender, smtpSender } from "./mailer.server";

// Runs email delivery in a server process when SMTP_URL is set: every POLL_MS, and soon
// after this process creates notifications. Every process may run it; the delivery
// functions claim each email before sending, so none goes twice.

const POLL_MS = 30_000;
const SOON_MS = 500;

interface Runner {
  sender: MailSender;
  origin: string | null;
  hourUtc: number;
  running: boolean;
  again: boolean;
  soon: NodeJS.Timeout | null;
  poll: NodeJS.Timeout;
  stopListening: () => void;
}

// Kept on globalThis: the development server reloads modules, and one runner is enough.
const KEY = Symbol.for("claimdesk.notificationDelivery");
const registry = globalThis as unknown as Record<symbol, Runner | undefined>;

async function deliverOnce(runner: Runner): Promise<void> {
  if (runner.running) {
    runner.again = true;
    return;
  }
  runner.running = true;
  try {
    await deliverImmediateEmails({ sender: runner.sender, origin: runner.origin });
    await deliverDigests({ sender: runner.sender, origin: runner.origin, hourUtc: runner.hourUtc });
  } catch (error) {
    console.error(`claimdesk: email delivery failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  } finally {
    runner.running = false;
    if (runner.again) {
      runner.again = false;
      void deliverOnce(runner);
    }
  }
}

/** Starts delivery if SMTP_URL is set (once per process). Returns whether it runs. */
export function startNotificationDelivery(): boolean {
  if (registry[KEY]) return true;
  const config = getConfig();
  if (!config.SMTP_URL) return false;
  const runner: Runner = {
    sender: smtpSender({ url: config.SMTP_URL, from: config.EMAIL_FROM }),
    origin: config.APP_ORIGIN ?? null,
    hourUtc: config.EMAIL_DIGEST_HOUR,
    running: false,
    again: false,
    soon: null,
    poll: setInterval(() => void deliverOnce(runner), POLL_MS),
    stopListening: () => {},
  };
  runner.poll.unref();
  runner.stopListening = onNotificationsCreated(() => {
    runner.soon ??= setTimeout(() => {
      runner.soon = null;
      void deliverOnce(runner);
    }, SOON_MS);
    runner.soon.unref();
  });
  registry[KEY] = runner;
  return true;
}

export function stopNotificationDelivery(): void {
  const runner = registry[KEY];
  if (!runner) return;
  clearInterval(runner.poll);
  if (runner.soon) clearTimeout(runner.soon);
  runner.stopListening();
  runner.sender.close();
  registry[KEY] = undefined;
}
