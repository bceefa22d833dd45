import { forwardRef } from "react";
import { Box, type BoxProps } from "../Box";
import { containerWidth } from "./Container.css";

export type ContainerProps = BoxProps & {
  /** `text` keeps lines at a readable length; `page` spans the content grid. */
  width?: keyof typeof containerWidth;
};

/** Centres its content with gutters that grow with the viewport. */
export const Container = forwardRef<HTMLElement, ContainerProps>(function Container(
  { width = "page", className, ...props },
  ref,
) {
  return (
    <Box
      ref={ref}
      className={[containerWidth[width], className].filter(Boolean).join(" ")}
      {...props}
    />
  );
});
