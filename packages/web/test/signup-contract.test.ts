/**
 * The signup form and the server agree: both read `@vaart/ui/signup-contract`, and this test
 * fails when either side stops doing so. The form is rendered as the apps render it; its
 * inputs are posted to the route logic both apps use (`handleSignup`), which runs the
 * newsletter's validation.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SignupForm, validateSignup } from "@vaart/ui";
import { signupFieldNames, signupLimits, signupMessages } from "@vaart/ui/signup-contract";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeNewsletter, handleSignup, signupFormData } from "../src/newsletter.server.js";
import { signupFormProps } from "../src/signup-form.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "vaart-signup-contract-"));
const previousDataDir = process.env.DATA_DIR;

beforeAll(() => {
  // Local defaults (NODE_ENV=test): SQLite and the mail outbox in a folder of this test's own.
  process.env.DATA_DIR = dataDir;
});

afterAll(async () => {
  await closeNewsletter();
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

interface RenderedInput {
  name: string;
  type: string;
  value: string | undefined;
  maxLength: number | undefined;
}

/** The form's inputs as the apps render them (site: SignupSection; landing: CampaignSignup). */
function renderedInputs(): RenderedInput[] {
  const { formToken, serverError, ...props } = signupFormProps(signupFormData());
  const html = renderToStaticMarkup(
    createElement(SignupForm, {
      action: "/nieuwsbrief",
      ...props,
      copy: serverError,
      hiddenFields: { [signupFieldNames.formToken]: formToken },
    }),
  );
  return [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) => {
    const attribute = (name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`, "i"))?.[1];
    const maxLength = attribute("maxLength");
    return {
      name: attribute("name") ?? "",
      type: attribute("type") ?? "text",
      value: attribute("value")?.replaceAll("&amp;", "&"),
      maxLength: maxLength === undefined ? undefined : Number(maxLength),
    };
  });
}

/** What the browser would post for the rendered form, with these values typed in. */
function post(typed: { firstName?: string; email?: string; consent?: boolean }): Request {
  const body = new URLSearchParams();
  for (const input of renderedInputs()) {
    if (input.type === "hidden") body.append(input.name, input.value ?? "");
    else if (input.type === "checkbox") {
      if (input.name === signupFieldNames.consent && typed.consent) {
        body.append(input.name, input.value ?? "on");
      }
    } else if (input.name === signupFieldNames.firstName)
      body.append(input.name, typed.firstName ?? "");
    else if (input.name === signupFieldNames.email) body.append(input.name, typed.email ?? "");
    else body.append(input.name, ""); // the honeypot, left empty as a visitor leaves it
  }
  return new Request("http://localhost/nieuwsbrief", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** The server's answer: its field errors, or "accepted" when it redirects to the thank-you page. */
async function serverAnswer(typed: Parameters<typeof post>[0]) {
  try {
    const result = await handleSignup(
      post(typed),
      { clientIp: "192.0.2.10" },
      {
        source: "/nieuwsbrief",
        thanksPath: "/nieuwsbrief/bijna-klaar",
      },
    );
    const outcome = result.data;
    return outcome.status === "invalid" ? outcome.errors : { status: outcome.status };
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 303) return "accepted" as const;
    throw thrown;
  }
}

/** An address of exactly `length` characters (at most 64 before the @, labels of ≤ 63). */
function addressOfLength(length: number, local = "anna"): string {
  let rest = length - local.length - 1 - ".nl".length;
  const labels: string[] = [];
  while (rest > 0) {
    const label = Math.min(63, rest);
    // A label of one leaves no room for its dot: make this one shorter.
    const take = rest - label === 1 ? label - 1 : label;
    labels.push("d".repeat(take));
    rest -= take + (rest - take > 0 ? 1 : 0);
  }
  return `${local}@${labels.join(".")}.nl`;
}

describe("the signup form and the server", () => {
  it("use the contract's field names, and the form limits the first name as the server does", () => {
    const inputs = renderedInputs();
    expect(inputs.map((input) => input.name).sort()).toEqual(
      [
        signupFieldNames.formToken,
        signupFieldNames.firstName,
        signupFieldNames.email,
        signupFieldNames.consent,
        signupFieldNames.honeypot,
      ].sort(),
    );
    const firstName = inputs.find((input) => input.name === signupFieldNames.firstName);
    expect(firstName?.maxLength).toBe(signupLimits.firstName);
    // Every limit the form sets is the contract's limit for that field.
    for (const input of inputs.filter((input) => input.maxLength !== undefined)) {
      expect(input.maxLength, input.name).toBe(
        signupLimits[input.name as keyof typeof signupLimits],
      );
    }
  });

  it("accept a first name at the limit and refuse one character more, with the contract's message", async () => {
    const email = "anna@voorbeeld.nl";
    expect(
      await serverAnswer({ firstName: "n".repeat(signupLimits.firstName), email, consent: true }),
    ).toBe("accepted");
    const tooLong = { firstName: "n".repeat(signupLimits.firstName + 1), email, consent: true };
    expect(await serverAnswer(tooLong)).toEqual({ firstName: signupMessages.firstNameTooLong });
    expect(validateSignup(tooLong)).toEqual({ firstName: signupMessages.firstNameTooLong });
  });

  it("accept an address at the limit and refuse one character more, with the contract's message", async () => {
    const atLimit = addressOfLength(signupLimits.email);
    expect(atLimit).toHaveLength(signupLimits.email);
    expect(validateSignup({ email: atLimit, consent: true })).toEqual({});
    expect(await serverAnswer({ email: atLimit, consent: true })).toBe("accepted");

    const over = addressOfLength(signupLimits.email + 1);
    expect(over).toHaveLength(signupLimits.email + 1);
    expect(await serverAnswer({ email: over, consent: true })).toEqual({
      email: signupMessages.emailTooLong,
    });
    // The browser's first pass refuses it too (its message is the general one).
    expect(validateSignup({ email: over, consent: true })).toEqual({
      email: signupMessages.emailInvalid,
    });

    const longLocal = `${"a".repeat(signupLimits.emailLocal + 1)}@voorbeeld.nl`;
    expect(await serverAnswer({ email: longLocal, consent: true })).toEqual({
      email: signupMessages.emailTooLong,
    });
  });

  it("say the same thing in the browser and on the server for the same mistake", async () => {
    const mistakes = [
      { email: "", consent: false },
      { email: "anna@voorbeeld", consent: true },
      { email: "anna@voorbeeld.nl", consent: false },
    ];
    for (const typed of mistakes) {
      const browser = validateSignup(typed);
      expect(Object.keys(browser).length, JSON.stringify(typed)).toBeGreaterThan(0);
      expect(await serverAnswer(typed), JSON.stringify(typed)).toEqual(browser);
    }
  });
});
