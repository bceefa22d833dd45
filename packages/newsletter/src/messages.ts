/** Every text a visitor can see, in Dutch. Apps may show these as they are. */
export const messages = {
  emailRequired: "Vul je e-mailadres in.",
  emailTooLong: "Dit e-mailadres is te lang.",
  emailInvalid: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
  emailUnsupported:
    "Dit e-mailadres bevat tekens die we niet kunnen gebruiken. Gebruik een adres met alleen gewone letters en cijfers voor de @.",
  emailMultiple: "Vul één e-mailadres in.",
  firstNameTooLong: "Je voornaam mag maximaal 60 tekens lang zijn.",
  firstNameInvalid: "Je voornaam bevat tekens die we niet kunnen opslaan.",
  firstNameNoLinks: "Vul alleen je voornaam in, zonder links of e-mailadressen.",
  firstNameMultiple: "Vul één voornaam in.",
  consentRequired: "Geef toestemming om de Updates per e-mail te ontvangen.",
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
