import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { previewToken, previewTokenValid } from "../src/index.js";

const secret = "test-voorbeeld-token-0123456789";

describe("preview links of one stored version", () => {
  it("is the base64url HMAC-SHA256 of kind/slug/revision keyed by PREVIEW_TOKEN", () => {
    const expected = createHmac("sha256", secret)
      .update("article/samen-werken/3")
      .digest("base64url");
    expect(previewToken(secret, "article", "samen-werken", 3)).toBe(expected);
    expect(previewTokenValid(secret, "article", "samen-werken", 3, expected)).toBe(true);
  });

  it("opens only that version of that document with that secret", () => {
    const token = previewToken(secret, "article", "samen-werken", 3);
    expect(previewTokenValid(secret, "article", "samen-werken", 4, token)).toBe(false);
    expect(previewTokenValid(secret, "article", "ander-artikel", 3, token)).toBe(false);
    expect(previewTokenValid(secret, "campaign", "samen-werken", 3, token)).toBe(false);
    expect(previewTokenValid(`${secret}x`, "article", "samen-werken", 3, token)).toBe(false);
    expect(
      previewTokenValid(
        "",
        "article",
        "samen-werken",
        3,
        previewToken("", "article", "samen-werken", 3),
      ),
    ).toBe(false);
  });

  it("refuses what is not a token: missing, a list, cut short, the secret itself", () => {
    const token = previewToken(secret, "update", "juni", 1);
    for (const given of [undefined, null, "", [token], token.slice(0, -1), `${token}A`, secret]) {
      expect(previewTokenValid(secret, "update", "juni", 1, given), String(given)).toBe(false);
    }
    expect(
      previewTokenValid(secret, "update", "juni", 0, previewToken(secret, "update", "juni", 0)),
    ).toBe(false);
  });
});
