import { SignupForm } from "@vaart/ui";
import { signupFieldNames } from "@vaart/ui/signup-contract";
import { type SignupFormData, type SignupOutcome, signupFormProps } from "@vaart/web/signup-form";

export const signupAnchor = "aanmelden";

/**
 * The campaign's signup block: the newsletter form with the campaign's copy, posting to the
 * campaign page itself (source = the campaign) with the UTM values of the visit as hidden
 * fields. After a failed post the same page shows the errors and keeps the values.
 */
export function CampaignSignup({
  action,
  form,
  outcome,
  utm,
  copy,
}: {
  action: string;
  form: SignupFormData;
  outcome?: SignupOutcome | undefined;
  utm: Record<string, string>;
  copy: { title?: string | undefined; intro?: string | undefined; submit?: string | undefined };
}) {
  const { formToken, serverError, ...props } = signupFormProps(form, outcome);
  const overrides = Object.fromEntries(Object.entries(copy).filter(([, value]) => value));
  return (
    <div id={signupAnchor}>
      <SignupForm
        action={action}
        {...props}
        hiddenFields={{ [signupFieldNames.formToken]: formToken, ...utm }}
        copy={{ ...overrides, ...serverError }}
        idPrefix="campagne"
      />
    </div>
  );
}
