import type { ComponentPropsWithoutRef } from "react";

/**
 * The raw editor's textarea: wide, monospaced and without spell checking or automatic
 * capitals, because YAML's indentation and field names must stay exactly as typed.
 * (The design system has no multi-line field yet; FormField gives it its label and errors.)
 */
export function YamlField(props: ComponentPropsWithoutRef<"textarea">) {
  return (
    <textarea
      rows={28}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      className="studio-code"
      {...props}
    />
  );
}
