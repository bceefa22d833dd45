import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { campaignTheme, darkTheme, narrowViewport } from "../../stories/globals";
import { vars } from "../../theme/contract.css";
import { FormField, type FormFieldControlProps } from "./FormField";

/** A control the package has no component for yet, styled from the contract. */
function Select(props: FormFieldControlProps) {
  return (
    <select
      {...props}
      defaultValue=""
      style={{
        maxWidth: vars.size.fieldMaxWidth,
        minHeight: vars.size.touchTarget,
        padding: `${vars.space.xs} ${vars.space.sm}`,
        border: `${vars.borderWidth.standard} solid ${
          props["aria-invalid"] ? vars.color.critical : vars.color.border
        }`,
        borderRadius: vars.radius.sm,
        background: vars.color.background,
      }}
    >
      <option value="" disabled>
        Kies een onderwerp
      </option>
      <option>Teamontwikkeling</option>
      <option>Ketensamenwerking</option>
    </select>
  );
}

const meta = {
  title: "Forms/FormField",
  component: FormField,
  args: {
    id: "topic",
    label: "Waar gaat je vraag over?",
    hint: "Dan weet ik wie er het beste kan antwoorden.",
    children: (control) => <Select {...control} />,
  },
  argTypes: {
    labelPlacement: { control: "inline-radio", options: ["above", "beside"] },
    children: { control: false },
  },
  decorators: [
    (Story) => (
      <div style={{ padding: "1.5rem", maxWidth: "40rem" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof FormField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

export const WithoutHint: Story = { args: { hint: undefined } };

/** The error is tied to the control and read out after the hint, prefixed "Fout:". */
export const WithError: Story = {
  args: { error: "Kies waar je vraag over gaat" },
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole("combobox", { name: /Waar gaat je vraag/ });
    await expect(select).toHaveAttribute("aria-invalid", "true");
    await expect(select).toHaveAccessibleDescription(
      "Dan weet ik wie er het beste kan antwoorden. Fout: Kies waar je vraag over gaat",
    );
  },
};

/** For checkboxes and radios: the control first, its label beside it. */
export const LabelBeside: Story = {
  args: {
    id: "terms",
    labelPlacement: "beside",
    label: "Ik ga akkoord met de voorwaarden.",
    hint: "Je kunt je altijd weer afmelden.",
    children: (control) => <input type="checkbox" {...control} style={{ width: 24, height: 24 }} />,
  },
};

export const CampaignTheme: Story = { ...campaignTheme, args: WithError.args };
export const DarkTheme: Story = { ...darkTheme, args: WithError.args };
export const NarrowViewport: Story = { ...narrowViewport, args: WithError.args };
