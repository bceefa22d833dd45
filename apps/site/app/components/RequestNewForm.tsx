import { Button, Stack, Text, TextField } from "@vaart/ui";
import { signupFieldNames } from "@vaart/ui/signup-contract";

/** Ask for a new confirmation mail (a plain form: works without JavaScript). */
export function RequestNewForm({
  email,
  error,
  notice,
}: {
  email?: string | undefined;
  error?: string | undefined;
  notice?: string | undefined;
}) {
  return (
    <form method="post" action="/nieuwsbrief/nieuwe-link" noValidate>
      <Stack space="md">
        {notice ? <Text role="status">{notice}</Text> : null}
        <TextField
          id="nieuwe-link-email"
          name={signupFieldNames.email}
          type="email"
          label="E-mailadres"
          autoComplete="email"
          spellCheck={false}
          defaultValue={email}
          error={error}
          required
        />
        <div>
          <Button type="submit">Stuur een nieuwe bevestigingsmail</Button>
        </div>
      </Stack>
    </form>
  );
}
