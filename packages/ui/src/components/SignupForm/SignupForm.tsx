import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { signupFieldNames } from "../../signup-contract";
import { Button } from "../Button";
import { Checkbox } from "../Checkbox";
import { ErrorSummary } from "../ErrorSummary";
import { Heading, type HeadingLevel } from "../Heading";
import { Text } from "../Text";
import { TextField } from "../TextField";
import * as styles from "./SignupForm.css";
import {
  defaultValidationMessages,
  FIRST_NAME_MAX_LENGTH,
  type SignupField,
  type SignupFieldErrors,
  type SignupFormValues,
  type SignupValidationMessages,
  validateSignup,
} from "./validateSignup";

export type SignupFormStatus = "idle" | "submitting" | "invalid" | "success" | "error";

export interface SignupFormCopy extends SignupValidationMessages {
  title: string;
  intro: ReactNode;
  firstNameLabel: string;
  firstNameHint: string;
  emailLabel: string;
  emailHint: string;
  submit: string;
  submitting: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  successTitle: string;
  successBody: ReactNode;
  serverErrorTitle: string;
  serverErrorBody: ReactNode;
  honeypotLabel: string;
}

/** Dutch defaults, matching the signup block on the consultant's articles. */
export const defaultSignupCopy: SignupFormCopy = {
  title: "Wil jij een gratis abonnement op mijn tweemaandelijkse ‘Updates’?",
  intro:
    "Vul hieronder je gegevens in en blijf op de hoogte van persoonlijke en teamontwikkeling. Afmelden kan altijd weer.",
  firstNameLabel: "Voornaam",
  firstNameHint: "Niet verplicht. Dan weet ik hoe ik je kan aanspreken.",
  emailLabel: "E-mailadres",
  emailHint: "Je krijgt eerst een mail om je aanmelding te bevestigen.",
  submit: "Aanmelden",
  submitting: "Bezig met aanmelden…",
  errorSummaryTitle: "Er is een probleem",
  errorPrefix: "Fout:",
  successTitle: "Bijna klaar: check je mailbox",
  successBody:
    "Ik heb je een e-mail gestuurd. Klik op de link in die mail om je aanmelding te bevestigen. Niets ontvangen? Kijk ook even in je map met ongewenste mail.",
  serverErrorTitle: "Aanmelden lukte nu niet",
  serverErrorBody:
    "Er ging aan mijn kant iets mis. Je gegevens staan nog in het formulier; probeer het over een paar minuten opnieuw.",
  honeypotLabel: "Laat dit veld leeg",
  ...defaultValidationMessages,
};

/** The names the form posts; the server reads the same ones (the signup contract). */
export { signupFieldNames };

export interface SignupFormProps {
  /** Where the form posts (a plain HTML form: it works without JavaScript). */
  action: string;
  /** The consent statement next to the checkbox; the caller owns its exact wording. */
  consentLabel: ReactNode;
  status?: SignupFormStatus;
  /** Field errors from the server, shown with an error summary. */
  errors?: SignupFieldErrors;
  /** Values to put back after a failed submit. */
  values?: SignupFormValues;
  /** Extra hidden inputs, e.g. a signed form token, campaign and UTM values. */
  hiddenFields?: Readonly<Record<string, string>>;
  copy?: Partial<SignupFormCopy>;
  headingLevel?: HeadingLevel;
  /** Prefix for field ids, so two forms on one page do not collide. */
  idPrefix?: string;
  /**
   * Checks run in the browser before posting, when JavaScript is available.
   * Pass `false` to leave all checking to the server.
   */
  validate?: false | ((values: SignupFormValues) => SignupFieldErrors);
  /** Called after the browser checks pass; call `event.preventDefault()` to submit another way. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
}

const fieldOrder: SignupField[] = ["firstName", "email", "consent"];

/** The newsletter signup: double opt-in, explicit consent, GOV.UK-style errors. */
export function SignupForm({
  action,
  consentLabel,
  status = "idle",
  errors: serverErrors,
  values,
  hiddenFields,
  copy: copyOverrides,
  headingLevel = 2,
  idPrefix = "signup",
  validate,
  onSubmit,
}: SignupFormProps) {
  const copy = { ...defaultSignupCopy, ...copyOverrides };
  const headingId = useId();
  const noticeRef = useRef<HTMLHeadingElement>(null);
  const subheadingLevel = Math.min(headingLevel + 1, 4) as HeadingLevel;
  // What the browser found on the last submit. A new answer from the server (the status
  // or the server's errors change) replaces it; equal props on a re-render do not.
  const [clientErrors, setClientErrors] = useState<SignupFieldErrors | null>(null);
  const [submitAttempt, setSubmitAttempt] = useState(0);
  const serverAnswer = `${status}:${JSON.stringify(serverErrors ?? {})}`;
  const [seenServerAnswer, setSeenServerAnswer] = useState(serverAnswer);
  if (serverAnswer !== seenServerAnswer) {
    setSeenServerAnswer(serverAnswer);
    setClientErrors(null);
  }

  const errors = clientErrors ?? (status === "invalid" ? serverErrors : undefined) ?? {};
  const errorFields = fieldOrder.filter((field) => errors[field]);
  const ids = {
    firstName: `${idPrefix}-firstName`,
    email: `${idPrefix}-email`,
    consent: `${idPrefix}-consent`,
    honeypot: `${idPrefix}-website`,
  };

  useEffect(() => {
    if (status === "success" || status === "error") noticeRef.current?.focus();
  }, [status]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    if (status === "submitting") {
      event.preventDefault();
      return;
    }
    if (validate !== false) {
      const data = new FormData(event.currentTarget);
      const found = (validate ?? ((v) => validateSignup(v, copy)))({
        firstName: String(data.get(signupFieldNames.firstName) ?? ""),
        email: String(data.get(signupFieldNames.email) ?? ""),
        consent: data.get(signupFieldNames.consent) !== null,
      });
      setSubmitAttempt((n) => n + 1);
      if (Object.keys(found).length > 0) {
        event.preventDefault();
        setClientErrors(found);
        return;
      }
      setClientErrors({});
    }
    onSubmit?.(event);
  }

  if (status === "success") {
    return (
      <section aria-labelledby={headingId} className={styles.panel}>
        <Heading level={headingLevel} id={headingId}>
          {copy.title}
        </Heading>
        <div role="status" className={styles.success}>
          <Heading
            level={subheadingLevel}
            size={4}
            ref={noticeRef}
            tabIndex={-1}
            className={styles.successTitle}
          >
            {copy.successTitle}
          </Heading>
          <Text>{copy.successBody}</Text>
        </div>
      </section>
    );
  }

  const submitting = status === "submitting";

  return (
    <section aria-labelledby={headingId} className={styles.panel}>
      <Heading level={headingLevel} id={headingId}>
        {copy.title}
      </Heading>
      <Text className={styles.intro}>{copy.intro}</Text>

      {/* Takes focus after every failed attempt, in the browser or from the server. */}
      <ErrorSummary
        title={copy.errorSummaryTitle}
        headingLevel={subheadingLevel}
        errors={errorFields.map((field) => ({ fieldId: ids[field], message: errors[field] }))}
        focusKey={`${submitAttempt}:${serverAnswer}`}
      />

      {status === "error" ? (
        <div className={styles.serverError}>
          <Heading
            level={subheadingLevel}
            size={4}
            ref={noticeRef}
            tabIndex={-1}
            className={styles.noticeTitle}
          >
            {copy.serverErrorTitle}
          </Heading>
          <Text>{copy.serverErrorBody}</Text>
        </div>
      ) : null}

      <form
        method="post"
        action={action}
        noValidate
        className={styles.form}
        aria-busy={submitting || undefined}
        onSubmit={handleSubmit}
      >
        {hiddenFields
          ? Object.entries(hiddenFields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))
          : null}
        <TextField
          id={ids.firstName}
          name={signupFieldNames.firstName}
          label={copy.firstNameLabel}
          hint={copy.firstNameHint}
          error={errors.firstName}
          errorPrefix={copy.errorPrefix}
          defaultValue={values?.firstName}
          autoComplete="given-name"
          maxLength={FIRST_NAME_MAX_LENGTH}
        />
        <TextField
          id={ids.email}
          name={signupFieldNames.email}
          type="email"
          label={copy.emailLabel}
          hint={copy.emailHint}
          error={errors.email}
          errorPrefix={copy.errorPrefix}
          defaultValue={values?.email}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          aria-required="true"
        />
        <Checkbox
          id={ids.consent}
          name={signupFieldNames.consent}
          value="yes"
          label={consentLabel}
          error={errors.consent}
          errorPrefix={copy.errorPrefix}
          defaultChecked={values?.consent ?? false}
          required
          aria-required="true"
        />
        {/* A trap for bots that fill every field: out of sight, out of the tab order, and
            hidden from screen readers, so no visitor fills it and has the signup dropped. */}
        <div className={styles.honeypot} aria-hidden="true">
          <label htmlFor={ids.honeypot}>{copy.honeypotLabel}</label>
          <input
            id={ids.honeypot}
            type="text"
            name={signupFieldNames.honeypot}
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
        <div>
          <Button type="submit" busy={submitting}>
            {submitting ? copy.submitting : copy.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
