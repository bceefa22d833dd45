import type { ComponentPropsWithoutRef } from "react";
import { skipLink } from "./SkipLink.css";

export type SkipLinkProps = Omit<ComponentPropsWithoutRef<"a">, "href"> & {
  /** The id of the main content (without #). */
  targetId?: string;
};

/**
 * The first tab stop on every page: jumps past the navigation to the main content.
 * A plain anchor on purpose: it must work before (and without) any JavaScript.
 */
export function SkipLink({
  targetId = "main",
  children = "Direct naar de inhoud",
  className,
  ...props
}: SkipLinkProps) {
  return (
    <a href={`#${targetId}`} className={[skipLink, className].filter(Boolean).join(" ")} {...props}>
      {children}
    </a>
  );
}
