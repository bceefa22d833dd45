import { describe, expect, it } from "vitest";
import { defaultValidationMessages as messages, validateSignup } from "./validateSignup";

describe("validateSignup", () => {
  it("accepts a complete signup", () => {
    expect(validateSignup({ email: "anna@voorbeeld.nl", consent: true })).toEqual({});
    expect(
      validateSignup({ firstName: "Anna", email: " anna+updates@voorbeeld.nl ", consent: true }),
    ).toEqual({});
  });

  it("asks for every missing required field at once", () => {
    expect(validateSignup({})).toEqual({
      email: messages.emailRequired,
      consent: messages.consentRequired,
    });
  });

  it.each(["anna", "anna@", "@voorbeeld.nl", "anna @voorbeeld.nl", "anna@voorbeeld"])(
    "rejects %s as an e-mail address",
    (email) => {
      expect(validateSignup({ email, consent: true }).email).toBe(messages.emailInvalid);
    },
  );

  it("limits the first name to the 60 characters the server stores", () => {
    expect(validateSignup({ email: "a@b.nl", consent: true, firstName: "x".repeat(61) })).toEqual({
      firstName: messages.firstNameTooLong,
    });
    expect(validateSignup({ email: "a@b.nl", consent: true, firstName: "x".repeat(60) })).toEqual(
      {},
    );
  });
});
