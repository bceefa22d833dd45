import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from "react";
import { FormField } from "../FormField";
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

/** A single-line text input in a `FormField`: label, hint and error come with it. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { id, label, hint, error, errorPrefix, className, "aria-describedby": describedBy, ...props },
  ref,
) {
  return (
    <FormField
      id={id}
      label={label}
      hint={hint}
      error={error}
      errorPrefix={errorPrefix}
      describedBy={describedBy}
      className={className}
    >
      {(control) => <input ref={ref} className={input} {...control} {...props} />}
    </FormField>
  );
});
