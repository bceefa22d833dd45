import { signupLimits, signupMessages } from "../../signup-contract";

export type SignupField = "firstName" | "email" | "consent";
export type SignupFieldErrors = Partial<Record<SignupField, string>>;

export interface SignupFormValues {
  firstName?: string;
  email?: string;
  consent?: boolean;
}

export interface SignupValidationMessages {
  emailRequired: string;
  emailInvalid: string;
  firstNameTooLong: string;
  consentRequired: string;
}

/** The first-name limit of the signup contract (the server refuses a longer name). */
export const FIRST_NAME_MAX_LENGTH = signupLimits.firstName;

/** The signup contract's messages: the browser says what the server would say. */
export const defaultValidationMessages: SignupValidationMessages = {
  emailRequired: signupMessages.emailRequired,
  emailInvalid: signupMessages.emailInvalid,
  firstNameTooLong: signupMessages.firstNameTooLong,
  consentRequired: signupMessages.consentRequired,
};

// Deliberately loose: the server decides; this only catches obvious slips before a round trip.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Client-side first pass with the same rules the server enforces (the server stays the authority). */
export function validateSignup(
  values: SignupFormValues,
  messages: SignupValidationMessages = defaultValidationMessages,
): SignupFieldErrors {
  const errors: SignupFieldErrors = {};
  const email = values.email?.trim() ?? "";
  if (email === "") errors.email = messages.emailRequired;
  else if (!emailShape.test(email) || email.length > signupLimits.email)
    errors.email = messages.emailInvalid;
  if ((values.firstName?.trim().length ?? 0) > FIRST_NAME_MAX_LENGTH)
    errors.firstName = messages.firstNameTooLong;
  if (!values.consent) errors.consent = messages.consentRequired;
  return errors;
}
