/**
 * Story globals shared by every story file, so each file ends the same way:
 * Playground, states, then `CampaignTheme`, `DarkTheme` and `NarrowViewport`.
 */
export const campaignTheme = { globals: { theme: "campaign" } };
export const darkTheme = { globals: { theme: "dark" } };
/**
 * The reader's system asks for a dark interface: the story follows it as the apps do
 * (`followColorScheme` next to the theme), and the test run emulates that setting.
 */
export const darkColorScheme = { parameters: { colorScheme: "dark" } };
/** 320 CSS px: a small phone, and what a 1280 px screen shows at 400 % zoom. */
export const narrowViewport = { globals: { viewport: { value: "narrow", isRotated: false } } };

export const consentLabel =
  "Ja, ik wil de tweemaandelijkse Updates ontvangen. Mijn gegevens worden alleen daarvoor gebruikt.";
