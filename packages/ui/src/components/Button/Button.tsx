import { type ComponentPropsWithoutRef, forwardRef, type MouseEvent } from "react";
import { type ButtonVariants, button } from "./Button.css";

export type ButtonProps = ComponentPropsWithoutRef<"button"> &
  ButtonVariants & {
    /**
     * Shows the button as busy (e.g. while a form submits). Unlike `disabled` it
     * keeps the button focusable, so keyboard and screen-reader users do not lose their place.
     */
    busy?: boolean;
  };

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant, busy = false, type = "button", className, onClick, ...props },
  ref,
) {
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return (
    <button
      ref={ref}
      type={type}
      aria-disabled={busy || undefined}
      className={[button({ variant }), className].filter(Boolean).join(" ")}
      onClick={handleClick}
      {...props}
    />
  );
});
