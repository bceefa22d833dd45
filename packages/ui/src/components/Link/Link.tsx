import { forwardRef } from "react";
import { link } from "./Link.css";
import { type LinkComponentProps, useLinkComponent } from "./LinkProvider";

export type LinkProps = LinkComponentProps;

/** A text link rendered through the app's injected link component. */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(
  { className, ...props },
  ref,
) {
  const LinkComponent = useLinkComponent();
  return (
    <LinkComponent ref={ref} className={[link, className].filter(Boolean).join(" ")} {...props} />
  );
});
