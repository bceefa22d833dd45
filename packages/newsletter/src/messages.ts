import { signupMessages } from "@vaart/ui/signup-contract";

/**
 * Every text a visitor can see, in Dutch. Apps may show these as they are. The field errors
 * are the signup contract's (`@vaart/ui/signup-contract`), which the form shows too.
 */
export const messages = {
  ...signupMessages,
  /** The form token was missing, expired or not ours: the values are kept, one more press. */
  retry: "Nog één stap: controleer je gegevens en druk nog een keer op Aanmelden.",
  checkMailbox:
    "Bijna klaar! Kijk in je mailbox en klik op de link in onze e-mail om je aanmelding te bevestigen.",
  rateLimited: "Je hebt het in korte tijd te vaak geprobeerd. Probeer het over een tijdje opnieuw.",
  unavailable:
    "Aanmelden lukt op dit moment niet door een storing bij ons. Probeer het later opnieuw; er is niets opgeslagen.",
  confirmed: "Gelukt! Je aanmelding is bevestigd. Je ontvangt voortaan de Updates.",
  alreadyConfirmed: "Je aanmelding was al bevestigd. Je hoeft niets meer te doen.",
  tokenUnknown:
    "Deze bevestigingslink kennen we niet. Controleer of je de hele link hebt gebruikt, of vraag hieronder een nieuwe bevestigingsmail aan.",
  tokenUsed:
    "Deze bevestigingslink is al gebruikt. Vraag hieronder een nieuwe bevestigingsmail aan als je je opnieuw wilt aanmelden.",
  tokenExpired:
    "Deze bevestigingslink is verlopen. Vraag hieronder een nieuwe bevestigingsmail aan.",
  newConfirmationRequested:
    "Als dit adres op een bevestiging wacht, sturen we je een nieuwe bevestigingsmail. Kijk over een paar minuten in je mailbox.",
  unsubscribed: "Je bent afgemeld. Je ontvangt de Updates niet meer.",
  unsubscribeInvalid:
    "Deze afmeldlink klopt niet. Gebruik de link uit de laatste e-mail die je van ons kreeg, of antwoord op die e-mail en we melden je af.",
} as const;
