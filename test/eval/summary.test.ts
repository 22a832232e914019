import { describe, expect, it } from "vitest";
import { SUMMARY_LIMIT_BYTES, renderSummary } from "../../tools/eval/summary.ts";

describe("renderSummary", () => {
  it("keeps a small summary whole", () => {
    expect(renderSummary(["## a", "## b"], "# head")).toBe("# head\n\n## a\n## b");
  });

  it("cuts an oversized summary under GitHub's limit, closes an open code fence and says so", () => {
    const huge = `\`\`\`diff\n${"+a line of a very long prompt diff\n".repeat(60_000)}\`\`\``;
    const text = renderSummary([huge], "# head");
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(text).toContain("truncated to fit GitHub's 1 MiB limit");
    expect((text.match(/^```/gm) ?? []).length % 2).toBe(0);
  });
});
