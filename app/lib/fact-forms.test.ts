import { describe, expect, it } from "vitest";
import { factFormSchema, parseFactNumbers, parseVersions } from "./fact-forms";

describe("fact forms", () => {
  it("reads fact numbers as an editor types them, and nothing else", () => {
    expect(parseFactNumbers("12, 15 #18 12")).toEqual([12, 15, 18]);
    expect(parseFactNumbers("12; drop table")).toBeNull();
    expect(parseFactNumbers("  ")).toBeNull();
    expect(parseFactNumbers("0")).toBeNull();
  });

  it("reads the versions a reviewer saw, leaving out malformed entries", () => {
    expect(parseVersions(["3:2", "4:10", "x:1", "5"])).toEqual({ 3: 2, 4: 10 });
  });

  it("takes one ticked claim or several, and asks for at least one", () => {
    const one = factFormSchema.safeParse({ intent: "tag", status: "confirmed", claimIds: "7", versions: "7:1" });
    expect(one.success && one.data.intent === "tag" && one.data.claimIds).toEqual([7]);
    const none = factFormSchema.safeParse({ intent: "split" });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toBe("Choose the claims to take out of this fact.");
  });
});
