import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { type TextVariants, text } from "./Text.css";

export type TextProps = ComponentPropsWithoutRef<"p"> &
  TextVariants & {
    as?: "p" | "span" | "div" | "strong" | "small";
  };

export const Text = forwardRef<HTMLParagraphElement, TextProps>(function Text(
  { as: Tag = "p", size, tone, weight, className, ...props },
  ref,
) {
  return (
    <Tag
      ref={ref}
      className={[text({ size, tone, weight }), className].filter(Boolean).join(" ")}
      {...props}
    />
  );
});
