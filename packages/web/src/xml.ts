const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text for XML (RSS, sitemaps, SVG): the five predefined entities escaped. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}
