import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId } from "react";
import {
  fieldError,
  fieldGroup,
  fieldGroupInvalid,
  fieldHint,
  fieldLabel,
} from "../../styles/field.css";
import { VisuallyHidden } from "../VisuallyHidden";
import { input } from "./TextField.css";

export type TextFieldProps = Omit<ComponentPropsWithoutRef<"input">, "id"> & {
  /** The field's id; error summaries link to it. Generated when left out. */
  id?: string;
  label: ReactNode;
  /** Help text under the label, read out with the field. */
  hint?: ReactNode;
  /** An error message; marks the field invalid and is read out with it. */
  error?: ReactNode;
  /** Added to an error for screen readers, e.g. "Fout:". */
  errorPrefix?: string;
};

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  {
    id,
    label,
    hint,
    error,
    errorPrefix = "Fout:",
    className,
    "aria-describedby": describedBy,
    ...props
  },
  ref,
) {
  const generatedId = useId();
  const fieldId = id ?? generatedId;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const describedByIds = [describedBy, hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div
      className={[fieldGroup, error ? fieldGroupInvalid : undefined, className]
        .filter(Boolean)
        .join(" ")}
    >
      <label htmlFor={fieldId} className={fieldLabel}>
        {label}
      </label>
      {hint ? (
        <span id={hintId} className={fieldHint}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className={fieldError}>
          <VisuallyHidden>{errorPrefix} </VisuallyHidden>
          {error}
        </span>
      ) : null}
      <input
        ref={ref}
        id={fieldId}
        className={input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByIds}
        {...props}
      />
    </div>
  );
});
