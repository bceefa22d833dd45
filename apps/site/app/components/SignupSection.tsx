import { SignupForm } from "@vaart/ui";
import { signupFieldNames } from "@vaart/ui/signup-contract";
import { type SignupFormData, type SignupOutcome, signupFormProps } from "@vaart/web/signup-form";

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
  const { formToken, serverError, ...props } = signupFormProps(form, outcome);
  return (
    <SignupForm
      action={action}
      {...props}
      hiddenFields={{ [signupFieldNames.formToken]: formToken }}
      copy={serverError}
      headingLevel={headingLevel}
      {...(idPrefix ? { idPrefix } : {})}
    />
  );
}
