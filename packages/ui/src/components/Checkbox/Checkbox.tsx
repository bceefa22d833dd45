import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId } from "react";
import { fieldError, fieldGroup, fieldGroupInvalid, fieldHint } from "../../styles/field.css";
import { VisuallyHidden } from "../VisuallyHidden";
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
      {error ? (
        <span id={errorId} className={fieldError}>
          <VisuallyHidden>{errorPrefix} </VisuallyHidden>
          {error}
        </span>
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
