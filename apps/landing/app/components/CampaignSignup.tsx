import { SignupForm } from "@vaart/ui";
import type { SignupFormData, SignupOutcome } from "@vaart/web";

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
  const status = !outcome ? "idle" : outcome.status === "invalid" ? "invalid" : "error";
  const overrides = Object.fromEntries(Object.entries(copy).filter(([, value]) => value));
  return (
    <div id={signupAnchor}>
      <SignupForm
        action={action}
        consentLabel={form.consentText}
        status={status}
        errors={outcome?.status === "invalid" ? outcome.errors : undefined}
        values={outcome?.values}
        hiddenFields={{
          formToken: (outcome?.status !== "invalid" && outcome?.formToken) || form.formToken,
          ...utm,
        }}
        copy={{
          ...overrides,
          ...(outcome && outcome.status !== "invalid"
            ? { serverErrorTitle: outcome.title, serverErrorBody: outcome.message }
            : {}),
        }}
        idPrefix="campagne"
      />
    </div>
  );
}
