import nodemailer from "nodemailer";
import type { EmailMessage } from "../lib/notifications/email";

// SMTP through nodemailer (docs/decisions/011-notification-delivery.md): a maintained
// client that handles STARTTLS, authentication, encodings and line lengths.

export interface MailSender {
  send(message: EmailMessage & { to: string }): Promise<void>;
  close(): void;
}

/** A sender for SMTP_URL (smtp:// upgrades with STARTTLS when the server offers it; smtps:// is TLS from the start). */
export function smtpSender(options: { url: string; from: string }): MailSender {
  // A mail server that does not answer must not hold a delivery round for minutes.
  const transport = nodemailer.createTransport(
    { url: options.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: options.from },
  );
  return {
    async send(message) {
      await transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transport.close();
    },
  };
}
