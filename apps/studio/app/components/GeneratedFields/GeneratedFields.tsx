import { Checkbox, FormField, Stack, TextField } from "@vaart/ui";
import type { FormNode } from "../../lib/campaign-form.server";
import { YamlField } from "../YamlField/YamlField";

const hints: Partial<Record<string, string>> = {
  datetime:
    'Datum en tijd als "JJJJ-MM-DD UU:MM", bijvoorbeeld 2027-03-12 09:00 (Nederlandse tijd).',
  lines: "Eén per regel.",
};

/**
 * The fields of a form generated from a schema (campaign-form.server.ts): each node as the
 * input of its kind, groups and lists as fieldsets. `errors` holds a message per field name.
 */
export function GeneratedFields({
  nodes,
  errors,
}: {
  nodes: readonly FormNode[];
  errors: Readonly<Record<string, string>>;
}) {
  return (
    <Stack space="md">
      {nodes.map((node) => {
        if (node.kind === "group") {
          return (
            <fieldset key={node.name} className="studio-fieldset">
              <legend>
                {node.required
                  ? node.label
                  : `${node.label}, optioneel: leeg laten om weg te laten`}
              </legend>
              <GeneratedFields nodes={node.fields} errors={errors} />
            </fieldset>
          );
        }
        if (node.kind === "list") {
          return (
            <fieldset key={node.name} className="studio-fieldset">
              <legend>{node.label}</legend>
              <GeneratedFields nodes={node.items} errors={errors} />
            </fieldset>
          );
        }
        const error = errors[node.name];
        const common = {
          id: node.name,
          name: node.name,
          ...(error ? { error } : {}),
        };
        const label = node.required ? node.label : `${node.label}, optioneel`;
        if (node.input === "checkbox") {
          return (
            <Checkbox
              key={node.name}
              {...common}
              label={label}
              defaultChecked={node.value === true}
            />
          );
        }
        const value = typeof node.value === "string" ? node.value : "";
        if (node.input === "select") {
          return (
            <FormField key={node.name} id={node.name} label={label} error={error}>
              {(control) => (
                <select
                  name={node.name}
                  defaultValue={value}
                  className="studio-select"
                  {...control}
                >
                  {node.options?.includes(value) ? null : (
                    <option value={value}>{value || "—"}</option>
                  )}
                  {node.options?.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          );
        }
        if (node.input === "textarea" || node.input === "lines") {
          return (
            <FormField
              key={node.name}
              id={node.name}
              label={label}
              hint={hints[node.input]}
              error={error}
            >
              {(control) => (
                <YamlField
                  name={node.name}
                  rows={node.input === "lines" ? 4 : 8}
                  defaultValue={value}
                  {...control}
                />
              )}
            </FormField>
          );
        }
        return (
          <TextField
            key={node.name}
            {...common}
            label={label}
            hint={hints[node.input]}
            // A date or time field of the browser sends exactly the form the schema asks for.
            type={node.input === "date" ? "date" : node.input === "time" ? "time" : "text"}
            inputMode={node.input === "number" ? "numeric" : undefined}
            defaultValue={value}
          />
        );
      })}
    </Stack>
  );
}
