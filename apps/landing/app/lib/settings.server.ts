import { type SecretSetting, secretFromEnvironment, type VaartLoadContext } from "@vaart/web";
import secretSettings from "../../secrets.json";

/** The landing app's own secrets (secrets.json); the production server refuses to start without them. */
export const landingSecrets = secretSettings as readonly SecretSetting[];

type Secret = "RESULTS_PASSWORD" | "PREVIEW_TOKEN";

/** A secret from the server's checked configuration; under `pnpm dev`, the environment or the local default. */
export function secret(context: Partial<VaartLoadContext>, name: Secret): string {
  const configured = context.config?.secrets?.[name];
  if (configured) return configured;
  const setting = landingSecrets.find((s) => s.name === name);
  return secretFromEnvironment(setting, name);
}
