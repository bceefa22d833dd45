import { ErrorSummary, Text } from "@vaart/ui";
import { Fragment } from "react";

/**
 * What is wrong, at the top of a page: a title and one link to the field that holds the text
 * (the check's messages are shown at that field, see ProblemLines), so a keyboard user lands
 * there. Without messages (a refused form), the title alone.
 */
export function ProblemSummary({
  title,
  problems,
  fieldId,
  fieldLabel,
}: {
  title: string;
  problems: readonly string[];
  fieldId: string;
  fieldLabel: string;
}) {
  if (problems.length === 0) return <Text role="alert">{title}</Text>;
  const count = problems.length === 1 ? "1 melding" : `${problems.length} meldingen`;
  return (
    <ErrorSummary
      title={title}
      errors={[{ fieldId, message: `${fieldLabel}: ${count} — ${problems[0]}` }]}
    />
  );
}

/** The check's messages as a field's error: one per line (the field's error is inline text). */
export function ProblemLines({ problems }: { problems: readonly string[] }) {
  return (
    <>
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same message can occur twice
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {problem}
        </Fragment>
      ))}
    </>
  );
}
