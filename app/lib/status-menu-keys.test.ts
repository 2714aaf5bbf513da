import { describe, expect, it } from "vitest";
import { statusMenuAction } from "./status-menu-keys";

const closed = { open: false, current: "unverified", highlighted: "unverified" } as const;
const open = { open: true, current: "unverified", highlighted: "unverified" } as const;

describe("a row's status control from the keyboard", () => {
  it("opens on Enter, Space and the arrows with the claim's status highlighted", () => {
    for (const key of ["Enter", " ", "ArrowDown", "ArrowUp"])
      expect(statusMenuAction({ ...closed, current: "disputed", highlighted: "disputed", key })).toEqual({
        kind: "open",
        highlighted: "disputed",
      });
  });

  it("leaves the table's shortcuts to the table while closed", () => {
    for (const key of ["c", "d", "u", "j", "k", "x", "Escape", "Tab"])
      expect(statusMenuAction({ ...closed, key })).toEqual({ kind: "none" });
  });

  it("moves the highlight with the arrows, j and k, Home and End, stopping at the ends", () => {
    expect(statusMenuAction({ ...open, key: "ArrowDown" })).toEqual({ kind: "highlight", highlighted: "confirmed" });
    expect(statusMenuAction({ ...open, highlighted: "confirmed", key: "j" })).toEqual({ kind: "highlight", highlighted: "disputed" });
    expect(statusMenuAction({ ...open, highlighted: "disputed", key: "ArrowDown" })).toEqual({
      kind: "highlight",
      highlighted: "disputed",
    });
    expect(statusMenuAction({ ...open, highlighted: "confirmed", key: "k" })).toEqual({ kind: "highlight", highlighted: "unverified" });
    expect(statusMenuAction({ ...open, key: "ArrowUp" })).toEqual({ kind: "highlight", highlighted: "unverified" });
    expect(statusMenuAction({ ...open, key: "End" })).toEqual({ kind: "highlight", highlighted: "disputed" });
    expect(statusMenuAction({ ...open, highlighted: "disputed", key: "Home" })).toEqual({ kind: "highlight", highlighted: "unverified" });
  });

  it("chooses the highlighted status on Enter or Space, and a status by its shortcut", () => {
    expect(statusMenuAction({ ...open, highlighted: "confirmed", key: "Enter" })).toEqual({ kind: "choose", status: "confirmed" });
    expect(statusMenuAction({ ...open, highlighted: "disputed", key: " " })).toEqual({ kind: "choose", status: "disputed" });
    expect(statusMenuAction({ ...open, key: "d" })).toEqual({ kind: "choose", status: "disputed" });
    expect(statusMenuAction({ ...open, key: "1" })).toEqual({ kind: "choose", status: "confirmed" });
  });

  it("closes on Escape, and on Tab letting focus move on", () => {
    expect(statusMenuAction({ ...open, key: "Escape" })).toEqual({ kind: "close" });
    expect(statusMenuAction({ ...open, key: "Tab" })).toEqual({ kind: "close-and-continue" });
    expect(statusMenuAction({ ...open, key: "x" })).toEqual({ kind: "none" });
  });
});
