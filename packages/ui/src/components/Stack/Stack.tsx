import { forwardRef } from "react";
import { Box, type BoxProps } from "../Box";

export type StackProps = Omit<BoxProps, "display" | "flexDirection"> & {
  /** Space between children; responsive, e.g. `["md", "lg"]`. */
  space?: BoxProps["gap"];
};

/** Children stacked vertically with even space between them. */
export const Stack = forwardRef<HTMLElement, StackProps>(function Stack(
  { space = "md", ...props },
  ref,
) {
  return <Box ref={ref} display="flex" flexDirection="column" gap={space} {...props} />;
});
