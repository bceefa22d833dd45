/**
 * Requests whose page shows the answer to a form: Remix runs the page's loader after the
 * action (as a GET, with the same context), and the loader needs to know.
 */
const formAnswers = new WeakSet<object>();

export function markFormAnswer(context: unknown): void {
  if (typeof context === "object" && context !== null) formAnswers.add(context);
}

export function isFormAnswer(context: unknown): boolean {
  return typeof context === "object" && context !== null && formAnswers.has(context);
}
