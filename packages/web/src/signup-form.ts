/**
 * The signup form's data and the outcome of a failed post, and how a page turns them into
 * the form's props. Browser-safe (no server imports): the apps' components import it.
 */

/** What a page needs to render the signup form. */
export interface SignupFormData {
  formToken: string;
  consentText: string;
}

export interface SignupValues {
  email: string;
  firstName: string;
  consent: boolean;
}

/** What a page shows after a signup that did not go through; the form keeps the values. */
export type SignupOutcome =
  | {
      status: "invalid";
      errors: { email?: string; firstName?: string; consent?: string };
      values: SignupValues;
    }
  | {
      status: "retry" | "error";
      title: string;
      message: string;
      values: SignupValues;
      formToken?: string;
    };

/**
 * The props of `@vaart/ui`'s SignupForm for this form data and outcome: the status, the field
 * errors and values to show again, the form token (a fresh one after "retry"), and the
 * server's title and message for any other failure.
 */
export function signupFormProps(form: SignupFormData, outcome?: SignupOutcome) {
  const failed = outcome && outcome.status !== "invalid" ? outcome : undefined;
  return {
    consentLabel: form.consentText,
    status: !outcome
      ? ("idle" as const)
      : outcome.status === "invalid"
        ? ("invalid" as const)
        : ("error" as const),
    errors: outcome?.status === "invalid" ? outcome.errors : undefined,
    values: outcome?.values,
    formToken: failed?.formToken || form.formToken,
    serverError: failed ? { serverErrorTitle: failed.title, serverErrorBody: failed.message } : {},
  };
}
