import { type ReactNode, useId } from "react";
import { VisuallyHidden } from "../../components/VisuallyHidden";
import { fieldError } from "./Field.css";

interface FieldIdsInput {
  id: string | undefined;
  hint: ReactNode;
  error: ReactNode;
  /** Ids the caller already describes the control with. */
  describedBy: string | undefined;
}

/** Ids that tie a control to its hint and error, so both are read out with it. */
export function useFieldIds({ id, hint, error, describedBy }: FieldIdsInput) {
  const generatedId = useId();
  const fieldId = id ?? generatedId;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const describedByIds = [describedBy, hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { fieldId, hintId, errorId, describedByIds };
}

/** A field's error message; the prefix ("Fout:") tells screen-reader users what it is. */
export function FieldError({
  id,
  prefix,
  children,
}: {
  id: string | undefined;
  prefix: string;
  children: ReactNode;
}) {
  return (
    <span id={id} className={fieldError}>
      <VisuallyHidden>{prefix} </VisuallyHidden>
      {children}
    </span>
  );
}
