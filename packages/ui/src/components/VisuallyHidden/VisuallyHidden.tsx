import type { ComponentPropsWithoutRef } from "react";
import { visuallyHidden } from "./VisuallyHidden.css";

export type VisuallyHiddenProps = ComponentPropsWithoutRef<"span">;

/** Text for screen readers only, e.g. to complete a link name that is clear visually. */
export function VisuallyHidden({ className, ...props }: VisuallyHiddenProps) {
  return <span className={[visuallyHidden, className].filter(Boolean).join(" ")} {...props} />;
}
