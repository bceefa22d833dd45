/** A computed CSS colour (`rgb(…)` / `rgba(…)`) as `#rrggbb`, for contrast checks in tests. */
export function toHex(rgb: string): string {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return `#${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}
