import { Box, Button } from "@vaart/ui";

/**
 * The two submit buttons of every editor: **Opslaan** keeps a draft, **Publiceren** puts the
 * text online. Opslaan comes first, so Enter in a field of the form saves and never publishes.
 */
export function SaveActions({ publishLabel = "Publiceren" }: { publishLabel?: string }) {
  return (
    <Box display="flex" flexWrap="wrap" gap="sm">
      <Button type="submit" name="intent" value="opslaan" variant="secondary">
        Opslaan
      </Button>
      <Button type="submit" name="intent" value="publiceren">
        {publishLabel}
      </Button>
    </Box>
  );
}
