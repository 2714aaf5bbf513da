import { describe, expect, it } from "vitest";
import { describeDifference } from "./facts";

describe("describeDifference", () => {
  it("counts one value stated in two wordings once, with both wordings", () => {
    const text = describeDifference({
      kind: "time",
      values: [
        { claimId: 1, value: "5:01 p.m.", key: "0" },
        { claimId: 2, value: "5 p.m.", key: "1" },
        { claimId: 3, value: "5:01pm", key: "0" },
      ],
    });
    expect(text).toBe("time: 5:01 p.m. / 5:01pm (2), 5 p.m. (1)");
  });

  it("counts repeated wordings of one value", () => {
    const text = describeDifference({
      kind: "money",
      values: [
        { claimId: 1, value: "$48 million", key: "0" },
        { claimId: 2, value: "$48 million", key: "0" },
        { claimId: 3, value: "$50 million", key: "1" },
      ],
    });
    expect(text).toBe("amount: $48 million (2), $50 million (1)");
  });
});
