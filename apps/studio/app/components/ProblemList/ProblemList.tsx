import { Heading, Stack } from "@vaart/ui";

/** The checker's messages (line and field) on a page that has no form to link them to. */
export function ProblemList({ title, problems }: { title: string; problems: readonly string[] }) {
  return (
    <Stack space="sm">
      <Heading level={2}>{title}</Heading>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </Stack>
  );
}
