import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { previewToken, previewTokenValid } from "../src/preview-link.server.js";

const secret = "test-voorbeeld-token-0123456789";

describe("preview links of one stored version", () => {
  const token = previewToken(secret, "campaign", "webinar-maart", 3);

  it("is the base64url HMAC-SHA256 of kind/slug/revision", () => {
    const expected = createHmac("sha256", secret)
      .update("campaign/webinar-maart/3")
      .digest("base64url");
    expect(token).toBe(expected);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("opens exactly the version it was made for", () => {
    expect(previewTokenValid(secret, "campaign", "webinar-maart", 3, token)).toBe(true);
  });

  it("refuses another revision, another slug, another kind and another secret", () => {
    expect(previewTokenValid(secret, "campaign", "webinar-maart", 2, token)).toBe(false);
    expect(previewTokenValid(secret, "campaign", "webinar-maart", 4, token)).toBe(false);
    expect(previewTokenValid(secret, "campaign", "webinar-april", 3, token)).toBe(false);
    expect(previewTokenValid(secret, "article", "webinar-maart", 3, token)).toBe(false);
    expect(previewTokenValid(`${secret}x`, "campaign", "webinar-maart", 3, token)).toBe(false);
  });

  it("refuses forged and malformed tokens", () => {
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const forged of [
      flipped,
      token.slice(0, -1),
      `${token}=`,
      Buffer.from(token, "base64url").toString("base64"), // same bytes, other spelling
      secret, // the plain preview token is not a version's token
      "",
      null,
      undefined,
      42,
      ["x"],
    ]) {
      expect(
        previewTokenValid(secret, "campaign", "webinar-maart", 3, forged),
        String(forged),
      ).toBe(false);
    }
  });

  it("refuses everything without a secret, and revisions that are no version", () => {
    expect(
      previewTokenValid(
        "",
        "campaign",
        "webinar-maart",
        3,
        previewToken("", "campaign", "webinar-maart", 3),
      ),
    ).toBe(false);
    for (const revision of [0, -1, 1.5, Number.NaN]) {
      expect(
        previewTokenValid(
          secret,
          "campaign",
          "webinar-maart",
          revision,
          previewToken(secret, "campaign", "webinar-maart", revision),
        ),
      ).toBe(false);
    }
  });
});
