import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from "react";
import { FormField } from "../FormField";
import { box } from "./Checkbox.css";

export type CheckboxProps = Omit<ComponentPropsWithoutRef<"input">, "id" | "type"> & {
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  errorPrefix?: string;
};

/** A native checkbox in a `FormField`, its label beside it (the whole label is a target). */
export const Checkbox = forwardRef<HTMLInputElement, CheckboxProps>(function Checkbox(
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
      labelPlacement="beside"
      className={className}
    >
      {(control) => <input ref={ref} type="checkbox" className={box} {...control} {...props} />}
    </FormField>
  );
});
