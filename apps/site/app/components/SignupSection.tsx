import { SignupForm } from "@vaart/ui";
import type { SignupFormData, SignupOutcome } from "@vaart/web";

/**
 * The newsletter form as every page shows it. It posts to the page it is on, so the page is
 * the signup's source; after a failed post the same page shows the errors and the values.
 */
export function SignupSection({
  action,
  form,
  outcome,
  headingLevel = 2,
  idPrefix,
}: {
  action: string;
  form: SignupFormData;
  outcome?: SignupOutcome | undefined;
  headingLevel?: 1 | 2;
  idPrefix?: string;
}) {
  const status = !outcome ? "idle" : outcome.status === "invalid" ? "invalid" : "error";
  return (
    <SignupForm
      action={action}
      consentLabel={form.consentText}
      status={status}
      errors={outcome?.status === "invalid" ? outcome.errors : undefined}
      values={outcome?.values}
      hiddenFields={{
        formToken: (outcome?.status !== "invalid" && outcome?.formToken) || form.formToken,
      }}
      copy={
        outcome && outcome.status !== "invalid"
          ? { serverErrorTitle: outcome.title, serverErrorBody: outcome.message }
          : undefined
      }
      headingLevel={headingLevel}
      {...(idPrefix ? { idPrefix } : {})}
    />
  );
}
