import { forwardRef } from "react";
import { type ButtonVariants, button } from "../Button/Button.css";
import { type LinkComponentProps, useLinkComponent } from "../Link";

export type ButtonLinkProps = LinkComponentProps & ButtonVariants;

/**
 * A link that looks like a button: for an action that goes somewhere (a signup form lower on
 * the page, a calendar file, another page). It stays a link for assistive technology.
 */
export const ButtonLink = forwardRef<HTMLAnchorElement, ButtonLinkProps>(function ButtonLink(
  { variant, className, ...props },
  ref,
) {
  const LinkComponent = useLinkComponent();
  return (
    <LinkComponent
      ref={ref}
      className={[button({ variant }), className].filter(Boolean).join(" ")}
      {...props}
    />
  );
});
