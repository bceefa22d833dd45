import { describe, expect, it } from "vitest";
// The design system's raw tokens: plain data, read from source so the mail needs no UI build.
import { contrastRatio } from "../../ui/src/theme/contrast.js";
import { brandColors } from "../../ui/src/theme/tokens.js";
import { confirmationMail } from "../src/mail/templates.js";

const mail = confirmationMail({
  confirmUrl: "https://www.vaart.test/nieuwsbrief/bevestigen/abc",
  unsubscribeUrl: "https://www.vaart.test/nieuwsbrief/afmelden/def",
  expiresInHours: 48,
  siteName: "Vaart in samenwerken",
});

/** The inline style of the confirmation button, as a mail client sees it. */
function buttonStyle(html: string) {
  const button = /<a [^>]*style="([^"]*)"[^>]*>Ja, bevestig mijn aanmelding<\/a>/.exec(html);
  if (!button?.[1]) throw new Error("no confirmation button in the mail");
  return Object.fromEntries(
    button[1]
      .split(";")
      .map((rule) => rule.split(":").map((part) => part.trim()))
      .filter(([name]) => name),
  ) as Record<string, string>;
}

describe("the confirmation mail's button", () => {
  const style = buttonStyle(mail.html);

  it("is painted in the brand's accent colour, not a stray blue", () => {
    expect(style.background).toBe(brandColors.accent);
    expect(style.color).toBe(brandColors.onAccent);
  });

  it("has text that meets WCAG AA contrast on it (4.5:1)", () => {
    expect(contrastRatio(style.color ?? "", style.background ?? "")).toBeGreaterThanOrEqual(4.5);
  });

  it("sits in body text of the brand's text colour, which meets 4.5:1 on white", () => {
    const body = /<body style="[^"]*color: (#[0-9a-f]{6})/.exec(mail.html)?.[1] ?? "";
    expect(body).toBe(brandColors.text);
    expect(contrastRatio(body, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});
