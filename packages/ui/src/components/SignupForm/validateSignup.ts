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

// The same limit as the newsletter package (its `firstName` field), so the browser and the
// server never disagree.
export const FIRST_NAME_MAX_LENGTH = 60;

export const defaultValidationMessages: SignupValidationMessages = {
  emailRequired: "Vul je e-mailadres in",
  emailInvalid: "Vul een e-mailadres in zoals naam@voorbeeld.nl",
  firstNameTooLong: "Je voornaam mag maximaal 60 tekens lang zijn.",
  consentRequired: "Vink aan dat je de Updates wilt ontvangen",
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
  else if (!emailShape.test(email) || email.length > 254) errors.email = messages.emailInvalid;
  if ((values.firstName?.trim().length ?? 0) > FIRST_NAME_MAX_LENGTH)
    errors.firstName = messages.firstNameTooLong;
  if (!values.consent) errors.consent = messages.consentRequired;
  return errors;
}
