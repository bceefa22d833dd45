import type { Meta, StoryObj } from "@storybook/react-vite";
import { Container } from "../Container";
import { Stack } from "../Stack";
import { Text } from "../Text";
import { Box } from "./Box";

const meta = {
  title: "Primitives/Layout",
  component: Box,
  args: { padding: "lg", background: "surface", borderRadius: "md" },
} satisfies Meta<typeof Box>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  args: { children: <Text>Een Box met ruimte en een vlak.</Text> },
};

/** Responsive props: column on phones, row from tablet width. */
export const ResponsiveRow: Story = {
  render: () => (
    <Container>
      <Box display="flex" flexDirection={["column", "row"]} gap={["sm", "lg"]} paddingY="lg">
        {["Systemisch werk", "Teamontwikkeling", "Ketensamenwerking"].map((item) => (
          <Box key={item} padding="md" background="surface" borderRadius="md">
            <Text>{item}</Text>
          </Box>
        ))}
      </Box>
    </Container>
  ),
};

export const StackAndContainer: Story = {
  render: () => (
    <Container width="text">
      <Stack space={["md", "lg"]} paddingY="xl">
        <Text size="lead">Container met leesbreedte.</Text>
        <Text>Stack zet kinderen onder elkaar met gelijke ruimte.</Text>
        <Text>Ruimte komt uit de tokens, niet uit losse waarden.</Text>
      </Stack>
    </Container>
  ),
};
