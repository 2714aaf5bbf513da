import { describe, expect, it } from "vitest";
import { parseConfig } from "../config-schema";

describe("email configuration", () => {
  it("is off without SMTP_URL and has defaults for the sender and the digest hour", () => {
    const config = parseConfig({});
    expect(config.SMTP_URL).toBeUndefined();
    expect(config).toMatchObject({ EMAIL_FROM: "Claimdesk <claimdesk@localhost>", EMAIL_DIGEST_HOUR: 7 });
    expect(parseConfig({ SMTP_URL: "smtps://desk:pw@mail.example.org:465", EMAIL_DIGEST_HOUR: "18" })).toMatchObject({
      EMAIL_DIGEST_HOUR: 18,
    });
  });

  it("refuses another scheme in one line that never shows the password", () => {
    expect(() => parseConfig({ SMTP_URL: "http://desk:s3cret@mail.example.org" })).toThrow(
      /^(?!.*s3cret)claimdesk: invalid configuration: SMTP_URL must be an smtp/,
    );
    expect(() => parseConfig({ EMAIL_DIGEST_HOUR: "24" })).toThrow(/EMAIL_DIGEST_HOUR must be a whole number from 0 to 23/);
  });
});
