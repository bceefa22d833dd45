import type { ReactNode } from "react";
import {
  FieldError,
  fieldGroup,
  fieldGroupInvalid,
  fieldHint,
  fieldLabel,
  useFieldIds,
} from "../../private/Field";
import { besideLabel, besideRow } from "./FormField.css";

/** What a control needs to be tied to its label, hint and error. Spread it on the control. */
export interface FormFieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

export interface FormFieldProps {
  /** The control's id; error summaries link to it. Generated when left out. */
  id?: string;
  /** The visible label. Every field has one. */
  label: ReactNode;
  /** Help text, read out with the control. */
  hint?: ReactNode;
  /** An error message; marks the control invalid and is read out with it. */
  error?: ReactNode;
  /** Added before the error for screen readers, e.g. "Fout:". */
  errorPrefix?: string;
  /** Ids the control is already described by; the hint and error are added to them. */
  describedBy?: string;
  /**
   * `above`: label, hint and error above the control (text inputs, selects).
   * `beside`: error, then the control with its label to the right, then the hint (checkboxes).
   */
  labelPlacement?: "above" | "beside";
  className?: string;
  /** Renders the control; spread the props it receives on it. */
  children: (control: FormFieldControlProps) => ReactNode;
}

/**
 * One form field, GOV.UK style: a visible label, an optional hint and an error message,
 * all tied to the control with `for` and `aria-describedby`, and a bar beside a field in
 * error so the state does not rely on colour alone.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  errorPrefix = "Fout:",
  describedBy,
  labelPlacement = "above",
  className,
  children,
}: FormFieldProps) {
  const { fieldId, hintId, errorId, describedByIds } = useFieldIds({
    id,
    hint,
    error,
    describedBy,
  });
  const control = children({
    id: fieldId,
    "aria-describedby": describedByIds,
    "aria-invalid": error ? true : undefined,
  });
  const hintElement = hint ? (
    <span id={hintId} className={fieldHint}>
      {hint}
    </span>
  ) : null;
  const errorElement = error ? (
    <FieldError id={errorId} prefix={errorPrefix}>
      {error}
    </FieldError>
  ) : null;
  const classes = [fieldGroup, error ? fieldGroupInvalid : undefined, className]
    .filter(Boolean)
    .join(" ");

  if (labelPlacement === "beside") {
    return (
      <div className={classes}>
        {errorElement}
        <div className={besideRow}>
          {control}
          <label htmlFor={fieldId} className={besideLabel}>
            {label}
          </label>
        </div>
        {hintElement}
      </div>
    );
  }

  return (
    <div className={classes}>
      <label htmlFor={fieldId} className={fieldLabel}>
        {label}
      </label>
      {hintElement}
      {errorElement}
      {control}
    </div>
  );
}
