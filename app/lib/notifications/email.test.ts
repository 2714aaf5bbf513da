import { describe, expect, it } from "vitest";
import { digestDue, digestEmail, linkTo, notificationEmail } from "./email";

const item = (minute: number, text: string, claimId: number | null = 5) => ({
  text,
  excerpt: minute === 1 ? "can you check table 4?" : null,
  createdAt: new Date(Date.UTC(2026, 11, 1, 9, minute)),
  claimId,
  projectSlug: "harbour desk",
});

describe("notification emails", () => {
  it("says what happened, with the excerpt and a link when the origin is known", () => {
    const message = notificationEmail(item(1, "Rivera mentioned you on claim 5 in Harbour"), "https://desk.example.org");
    expect(message.subject).toBe("Claimdesk: Rivera mentioned you on claim 5 in Harbour");
    expect(message.text).toContain("“can you check table 4?”");
    expect(message.text).toContain("https://desk.example.org/projects/harbour%20desk/claims/5");
    expect(notificationEmail(item(2, "x"), null).text).not.toContain("http");
  });

  it("lists a day's notifications oldest first in one digest", () => {
    const message = digestEmail([item(3, "third"), item(1, "first"), item(2, "second", null)], "https://d.example");
    expect(message.subject).toBe("Claimdesk: 3 notifications since your last digest");
    expect(message.text.indexOf("first")).toBeLessThan(message.text.indexOf("second"));
    expect(message.text.indexOf("second")).toBeLessThan(message.text.indexOf("third"));
    expect(linkTo({ claimId: null, projectSlug: "p" }, "https://d.example")).toBe("https://d.example/projects/p/claims");
  });
});

describe("digestDue", () => {
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 11, day, hour));
  it("is due once a day, after the digest hour", () => {
    expect(digestDue({ now: at(2, 6), hourUtc: 7, lastDigestAt: null })).toBe(false);
    expect(digestDue({ now: at(2, 7), hourUtc: 7, lastDigestAt: null })).toBe(true);
    expect(digestDue({ now: at(2, 9), hourUtc: 7, lastDigestAt: at(1, 7) })).toBe(true);
    expect(digestDue({ now: at(2, 9), hourUtc: 7, lastDigestAt: at(2, 8) })).toBe(false);
  });
});
