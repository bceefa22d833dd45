import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from "react";
import { FieldError, fieldGroup, fieldGroupInvalid, fieldHint, useFieldIds } from "../Field";
import { box, label as labelStyle, row } from "./Checkbox.css";

export type CheckboxProps = Omit<ComponentPropsWithoutRef<"input">, "id" | "type"> & {
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  errorPrefix?: string;
};

export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
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
      {error ? (
        <FieldError id={errorId} prefix={errorPrefix}>
          {error}
        </FieldError>
      ) : null}
      <div className={row}>
        <input
          ref={ref}
          id={fieldId}
          type="checkbox"
          className={box}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByIds}
          {...props}
        />
        <label htmlFor={fieldId} className={labelStyle}>
          {label}
        </label>
      </div>
      {hint ? (
        <span id={hintId} className={fieldHint}>
          {hint}
        </span>
      ) : null}
    </div>
  );
});
