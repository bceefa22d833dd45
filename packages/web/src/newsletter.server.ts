import { data, redirect } from "@remix-run/node";
import { newsletterPaths } from "@vaart/content/site";
import {
  createNewsletterFromEnv,
  type Newsletter,
  type SubscribeContext,
  type SubscribeResult,
} from "@vaart/newsletter";
import { signupFieldNames } from "@vaart/ui/signup-contract";
import { cacheControl } from "./caching.js";
import type { SignupFormData, SignupOutcome, SignupValues } from "./signup-form.js";

export type { SignupFormData, SignupOutcome, SignupValues };

export { newsletterPaths };

/** The exact consent statement next to the checkbox; stored with every signup. */
export const newsletterConsent = {
  text: "Ja, ik wil de tweemaandelijkse ‘Updates’ ontvangen. Afmelden kan altijd weer.",
  version: "2026-11",
} as const;

let shared: Newsletter | undefined;

/** One Newsletter per process: it holds the database pool and the mail transport. */
export function getNewsletter(): Newsletter {
  shared ??= createNewsletterFromEnv();
  return shared;
}

export async function closeNewsletter(): Promise<void> {
  const current = shared;
  shared = undefined;
  await current?.close();
}

export function signupFormData(): SignupFormData {
  return { formToken: getNewsletter().issueFormToken(), consentText: newsletterConsent.text };
}

/** What `data()` returns, named so that the declaration files stay portable. */
type DataResult<T> = ReturnType<typeof data<T>>;

const noStore = { "Cache-Control": cacheControl.noStore };

const emptyValues: SignupValues = { email: "", firstName: "", consent: false };

export interface RequestInfo {
  clientIp: string | null;
  /**
   * The outcome of this request's signup when the server's fast path already ran it
   * (server/signup-post.server.ts): the action answers with it instead of running it twice.
   */
  signupResult?: Promise<SubscribeResult> | undefined;
}

/** Where a signup form posts and what its action does: a route's action and the fast path share it. */
export interface SignupRoute {
  source: string;
  thanksPath: string;
}

/** The newsletter page's form (`/nieuwsbrief`): its own source, then the thanks page. */
export const newsletterSignupPost = {
  path: newsletterPaths.signup,
  source: newsletterPaths.signup,
  thanksPath: newsletterPaths.thanks,
} as const;

/** What the newsletter stores with a signup besides the form: the one place that says it. */
export function signupContext(
  route: SignupRoute,
  clientIp: string | null,
  userAgent: string | null,
): SubscribeContext {
  return {
    consentText: newsletterConsent.text,
    consentVersion: newsletterConsent.version,
    source: route.source,
    ip: clientIp,
    userAgent,
  };
}

async function readForm(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/**
 * A signup form's POST. Success redirects (post/redirect/get) to `thanksPath`; anything
 * else answers the same page with the values kept and a message, never cached.
 */
export async function handleSignup(
  request: Request,
  info: RequestInfo,
  options: SignupRoute,
): Promise<DataResult<SignupOutcome>> {
  const form = await readForm(request);
  if (!form) {
    return data<SignupOutcome>(
      {
        status: "error",
        title: "Dat formulier kon ik niet lezen",
        message: "Vul het formulier opnieuw in en druk op Aanmelden.",
        values: emptyValues,
      },
      { status: 400, headers: noStore },
    );
  }
  const result = await (info.signupResult ??
    getNewsletter().subscribe(
      form,
      signupContext(options, info.clientIp, request.headers.get("user-agent")),
    ));
  switch (result.status) {
    case "ok":
      throw redirect(options.thanksPath, { status: 303, headers: noStore });
    case "invalid": {
      return data<SignupOutcome>(
        { status: "invalid", errors: result.fieldErrors, values: result.values },
        { status: 400, headers: noStore },
      );
    }
    case "retry":
      return data<SignupOutcome>(
        {
          status: "retry",
          title: "Nog één stap",
          message: result.message,
          values: result.values,
          formToken: result.formToken,
        },
        { status: 400, headers: noStore },
      );
    case "rate-limited":
      return data<SignupOutcome>(
        {
          status: "error",
          title: "Even geduld",
          message: result.message,
          values: valuesOf(form),
        },
        { status: 429, headers: { ...noStore, "Retry-After": String(result.retryAfterSeconds) } },
      );
    case "unavailable":
      return data<SignupOutcome>(
        {
          status: "error",
          title: "Aanmelden lukte nu niet",
          message: result.message,
          values: valuesOf(form),
        },
        { status: 503, headers: { ...noStore, "Retry-After": "60" } },
      );
  }
}

function valuesOf(form: FormData): SignupValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, 320) : "";
  };
  return {
    email: text(signupFieldNames.email),
    firstName: text(signupFieldNames.firstName),
    consent: form.get(signupFieldNames.consent) !== null,
  };
}

export type ConfirmOutcome = {
  status: "confirmed" | "already-confirmed" | "unknown" | "used" | "expired" | "unavailable";
  message: string;
  canRequestNew: boolean;
};

/** What the confirm page (GET) shows next to its button: whose signup the link confirms. */
export interface ConfirmPageData {
  /** Null when the link confirms nothing (unknown, used, expired): the button's answer says so. */
  signup: { signedUpAt: string; firstName: string | null } | null;
}

const signupTime = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  dateStyle: "long",
  timeStyle: "short",
});

/**
 * The confirm page's GET: reads the signup the link is for and changes nothing (mail
 * scanners open every link). Date and name let the person see that the signup is theirs:
 * anyone can type their address, and every signup gets a mail of its own.
 */
export async function confirmPageData(token: string): Promise<DataResult<ConfirmPageData>> {
  const details = await getNewsletter().describeConfirmation(token);
  const signup =
    details.status === "pending"
      ? {
          signedUpAt: signupTime.format(details.signedUpAt),
          firstName: details.firstName,
        }
      : null;
  return data<ConfirmPageData>({ signup }, { headers: noStore });
}

export async function handleConfirm(
  request: Request,
  info: RequestInfo,
  token: string,
): Promise<DataResult<ConfirmOutcome>> {
  const result = await getNewsletter().confirm(token, {
    method: "post",
    ip: info.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  const canRequestNew = "canRequestNew" in result && result.canRequestNew === true;
  return data<ConfirmOutcome>(
    { status: result.status, message: result.message, canRequestNew },
    { status: result.status === "unavailable" ? 503 : 200, headers: noStore },
  );
}

export type UnsubscribeOutcome = {
  status: "unsubscribed" | "invalid" | "unavailable";
  message: string;
};

/** RFC 8058 one-click unsubscribe and the page's button: a POST without cookies. */
export async function handleUnsubscribe(
  request: Request,
  info: RequestInfo,
  token: string,
  form: FormData | null,
): Promise<DataResult<UnsubscribeOutcome>> {
  const oneClick = form?.get("List-Unsubscribe") === "One-Click";
  const result = await getNewsletter().unsubscribe(token, {
    method: oneClick ? "one-click" : "link",
    ip: info.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  const status = result.status === "unavailable" ? 503 : result.status === "invalid" ? 400 : 200;
  return data<UnsubscribeOutcome>(
    { status: result.status, message: result.message },
    { status, headers: noStore },
  );
}

export type RequestNewOutcome = {
  status: "ok" | "invalid" | "rate-limited" | "unavailable";
  message: string;
  email: string;
};

export async function handleRequestNew(
  request: Request,
  info: RequestInfo,
): Promise<DataResult<RequestNewOutcome>> {
  const form = await readForm(request);
  const posted = form?.get(signupFieldNames.email);
  const email = typeof posted === "string" ? posted.slice(0, 320) : "";
  const result = await getNewsletter().requestNewConfirmation(email, {
    ip: info.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  const message = result.status === "invalid" ? result.fieldErrors.email : result.message;
  const status = { ok: 200, invalid: 400, "rate-limited": 429, unavailable: 503 }[result.status];
  return data<RequestNewOutcome>(
    { status: result.status, message, email },
    { status, headers: noStore },
  );
}
