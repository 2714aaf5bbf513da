import { describe, expect, it } from "vitest";
import { type ClickInfo, isPlainLinkClick } from "./link-clicks";

const plain: ClickInfo = { button: 0, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false, defaultPrevented: false };
const sameTab = { target: null, download: false };

describe("plain link clicks", () => {
  it("navigates in the app on a plain left click on a link for this tab", () => {
    expect(isPlainLinkClick(plain, sameTab)).toBe(true);
    expect(isPlainLinkClick(plain, { target: "_self", download: false })).toBe(true);
  });

  it("leaves clicks that ask for another tab, window or a download to the browser", () => {
    for (const modifier of ["metaKey", "altKey", "ctrlKey", "shiftKey"] as const)
      expect(isPlainLinkClick({ ...plain, [modifier]: true }, sameTab)).toBe(false);
    expect(isPlainLinkClick({ ...plain, button: 1 }, sameTab)).toBe(false);
    expect(isPlainLinkClick(plain, { target: "_blank", download: false })).toBe(false);
    expect(isPlainLinkClick(plain, { target: null, download: true })).toBe(false);
  });

  it("leaves a click another handler already took", () => {
    expect(isPlainLinkClick({ ...plain, defaultPrevented: true }, sameTab)).toBe(false);
  });
});
