/** Something wrong with an app's answer, and where: `block example`, `shortcut favourite`, `search`, `shortcut states`. */
export interface AnswerProblem {
  /** What the platform asked for: `block <key>`, `shortcut <key>`, `shortcut states` or `search`. */
  block: string;
  /** Why the answer is not one the platform accepts. */
  reason: string;
}
