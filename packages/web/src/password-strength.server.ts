import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as dutch from "@zxcvbn-ts/language-nl-be";

/**
 * zxcvbn's scores: 3 is "safely unguessable: moderate protection from an offline slow-hash
 * scenario" (about 10^8 guesses and up). A login's own limits slow an online guesser; the
 * score keeps the password out of the first guesses of any list.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** The estimator with the common, English and Dutch lists: built on first use (≈ 0.3 s). */
function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, ...dutch.dictionary },
  });
  return estimator;
}

/** Why `password` is too easy to guess, or null when it is strong enough. */
export function guessablePasswordProblem(password: string): string | null {
  const result = passwordEstimator().check(password);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions]
    .filter((text): text is string => Boolean(text))
    .join(" ");
  return `is too easy to guess (strength ${result.score} of 4, at least ${MIN_PASSWORD_SCORE} needed${hint ? `: ${hint}` : ""}); use a longer passphrase, e.g. four unrelated words`;
}
