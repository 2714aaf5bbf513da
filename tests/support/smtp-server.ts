import { SMTPServer } from "smtp-server";

// A real SMTP server for the tests (the smtp-server package): it accepts every message,
// keeps what arrived, and can be told to refuse the next messages.

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** Decodes a quoted-printable body (nodemailer's choice for text with long lines or non-ASCII). */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodeHeader(value: string): string {
  // RFC 2047 encoded words, as nodemailer writes non-ASCII subjects.
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

function parse(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(head)?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { ...envelope, subject: decodeHeader(header("Subject")), text: text.replace(/\r\n/g, "\n"), raw };
}

export async function startTestSmtpServer() {
  const received: ReceivedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: without STARTTLS nodemailer does not try to upgrade.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refuse > 0) {
          refuse -= 1;
          const error = Object.assign(new Error("Mailbox unavailable (test)"), { responseCode: 450 });
          callback(error);
          return;
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        received.push(parse(Buffer.concat(chunks).toString("utf8"), envelope));
        callback();
      });
    },
  });
  // Ports 1500-1599 belong to this tests; take the first free one.
  let port = 0;
  for (let candidate = 1500; candidate < 1600 && port === 0; candidate += 1) {
    port = await new Promise<number>((resolve) => {
      const onError = () => resolve(0);
      server.server.once("error", onError);
      server.listen(candidate, "127.0.0.1", () => {
        server.server.off("error", onError);
        resolve(candidate);
      });
    });
  }
  if (port === 0) throw new Error("no free port in 1500-1599 for the test SMTP server");
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(count: number) {
      refuse = count;
    },
    async waitFor(count: number, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
