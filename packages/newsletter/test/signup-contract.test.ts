/**
 * The server reads a signup by the contract (`@vaart/ui/signup-contract`): its field names,
 * its UTM list and clip length, its limits and messages. The form's side of the same
 * contract is checked in `@vaart/web` (test/signup-contract.test.ts).
 */
import {
  signupFieldNames,
  signupLimits,
  signupMessages,
  utmFieldNames,
} from "@vaart/ui/signup-contract";
import { describe, expect, it } from "vitest";
import { messages } from "../src/index.js";
import { parseSignup } from "../src/validation.js";

const valid = {
  [signupFieldNames.email]: "anna@voorbeeld.nl",
  [signupFieldNames.consent]: "yes",
  [signupFieldNames.formToken]: "token",
};

describe("the server's side of the signup contract", () => {
  it("shows the contract's messages for field errors", () => {
    for (const [key, text] of Object.entries(signupMessages)) {
      expect(messages[key as keyof typeof messages], key).toBe(text);
    }
  });

  it("reads every field under the contract's name", () => {
    const parsed = parseSignup({
      ...valid,
      [signupFieldNames.firstName]: "Anna",
      [signupFieldNames.source]: "/artikelen",
    });
    expect(parsed).toMatchObject({
      kind: "ok",
      formToken: "token",
      data: { email: "anna@voorbeeld.nl", firstName: "Anna", source: "/artikelen" },
    });
    expect(parseSignup({ ...valid, [signupFieldNames.honeypot]: "https://spam.example" })).toEqual({
      kind: "bot",
      reason: "honeypot",
    });
  });

  it("keeps each of the contract's UTM values, clipped to the contract's length", () => {
    const long = "u".repeat(signupLimits.utm + 1);
    const parsed = parseSignup({
      ...valid,
      ...Object.fromEntries(utmFieldNames.map((name) => [name, long])),
      utm_id: "not in the contract",
    });
    if (parsed.kind !== "ok") throw new Error(`expected ok, got ${parsed.kind}`);
    expect(Object.keys(parsed.data.utm).sort()).toEqual([...utmFieldNames].sort());
    for (const name of utmFieldNames) {
      expect(parsed.data.utm[name], name).toBe("u".repeat(signupLimits.utm));
    }
  });

  it("refuses one character over the first-name limit, and a token over its limit is none", () => {
    const at = parseSignup({ ...valid, firstName: "n".repeat(signupLimits.firstName) });
    expect(at.kind).toBe("ok");
    const over = parseSignup({ ...valid, firstName: "n".repeat(signupLimits.firstName + 1) });
    expect(over).toMatchObject({
      kind: "invalid",
      fieldErrors: { firstName: signupMessages.firstNameTooLong },
    });
    const token = parseSignup({ ...valid, formToken: "t".repeat(signupLimits.formToken + 1) });
    expect(token).toMatchObject({ kind: "ok", formToken: null });
  });
});
