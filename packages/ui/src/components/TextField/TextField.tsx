import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from "react";
import {
  FieldError,
  fieldGroup,
  fieldGroupInvalid,
  fieldHint,
  fieldLabel,
  useFieldIds,
} from "../Field";
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
  const { fieldId, hintId, errorId, describedByIds } = useFieldIds({
    id,
    hint,
    error,
    describedBy,
  });

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
        <FieldError id={errorId} prefix={errorPrefix}>
          {error}
        </FieldError>
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
