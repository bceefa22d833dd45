/**
 * `@vaart/ui/signup-contract`: what the newsletter signup form posts and what the server
 * accepts, written once. The form (`SignupForm`, `validateSignup`), the server's validation
 * (`@vaart/newsletter`), the shared route logic (`@vaart/web`) and both apps import it, so
 * a field name, a limit or a message cannot drift between the browser and the server.
 * Plain data, no React, no styles, no Node APIs: it runs in a browser and on a server.
 * See docs/decisions/0010-signup-contract.md.
 */

/** The names of the fields a signup form posts. */
export const signupFieldNames = {
  firstName: "firstName",
  email: "email",
  consent: "consent",
  /** A trap for bots: a visitor never fills it; a filled one drops the signup silently. */
  honeypot: "website",
  /** The signed form token the page was rendered with (hidden). */
  formToken: "formToken",
  /** Where the signup came from (hidden; the route's own source takes precedence). */
  source: "source",
} as const;

/** The UTM parameters of a visit that a signup carries (hidden fields) and stores. */
export const utmFieldNames = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
] as const;
export type UtmFieldName = (typeof utmFieldNames)[number];

/** The longest values the server accepts (text fields) or keeps (clipped fields), in characters. */
export const signupLimits = {
  /** An address longer than this is refused (RFC 5321's path limit). */
  email: 254,
  /** The part before the @ (RFC 5321). */
  emailLocal: 64,
  /** A longer first name is refused with `signupMessages.firstNameTooLong`. */
  firstName: 60,
  /** Clipped, never refused: the source is not something a visitor typed. */
  source: 200,
  /** Each UTM value is clipped to this length, never refused. */
  utm: 200,
  /** A longer token is no token of ours: treated as missing. */
  formToken: 200,
} as const;

/** The Dutch messages for what is wrong with a field, the same in the browser and on the server. */
export const signupMessages = {
  emailRequired: "Vul je e-mailadres in.",
  emailTooLong: "Dit e-mailadres is te lang.",
  emailInvalid: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
  emailUnsupported:
    "Dit e-mailadres bevat tekens die we niet kunnen gebruiken. Gebruik een adres met alleen gewone letters en cijfers voor de @.",
  emailMultiple: "Vul één e-mailadres in.",
  firstNameTooLong: `Je voornaam mag maximaal ${signupLimits.firstName} tekens lang zijn.`,
  firstNameInvalid: "Je voornaam bevat tekens die we niet kunnen opslaan.",
  firstNameNoLinks: "Vul alleen je voornaam in, zonder links of e-mailadressen.",
  firstNameMultiple: "Vul één voornaam in.",
  consentRequired: "Geef toestemming om de Updates per e-mail te ontvangen.",
} as const;
export type SignupMessage = keyof typeof signupMessages;
