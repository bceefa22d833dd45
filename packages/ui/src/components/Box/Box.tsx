import { type ComponentPropsWithoutRef, createElement, type ElementType, forwardRef } from "react";
import { type Sprinkles, sprinkles } from "../../styles/sprinkles.css";

export type BoxProps = Sprinkles &
  Omit<ComponentPropsWithoutRef<"div">, keyof Sprinkles> & {
    /** The element to render; choose the one with the right meaning (section, ul, nav…). */
    as?: ElementType;
  };

/** The layout primitive: spacing, flex and colour through typed, responsive props. */
export const Box = forwardRef<HTMLElement, BoxProps>(function Box(
  { as = "div", className, ...props },
  ref,
) {
  const sprinkleProps: Record<string, unknown> = {};
  const nativeProps: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (sprinkles.properties.has(key as keyof Sprinkles)) sprinkleProps[key] = value;
    else nativeProps[key] = value;
  }
  const classes = [sprinkles(sprinkleProps as Sprinkles), className].filter(Boolean).join(" ");
  return createElement(as, { ref, className: classes, ...nativeProps });
});
