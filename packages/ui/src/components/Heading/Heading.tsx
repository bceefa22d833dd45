import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { heading, headingSize } from "./Heading.css";

export type HeadingLevel = 1 | 2 | 3 | 4;

export type HeadingProps = ComponentPropsWithoutRef<"h1"> & {
  /** The document outline level (h1–h4). */
  level: HeadingLevel;
  /** Visual size when it must differ from the level; defaults to the level. */
  size?: HeadingLevel;
};

export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading(
  { level, size = level, className, ...props },
  ref,
) {
  const Tag = `h${level}` as const;
  return (
    <Tag
      ref={ref}
      className={[heading, headingSize[size], className].filter(Boolean).join(" ")}
      {...props}
    />
  );
});
