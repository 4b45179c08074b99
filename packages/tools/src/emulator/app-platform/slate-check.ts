import { TribeSlateError, validateSlate } from 'tribe-sdk/slate';

/** Checks a slate of an answer with the SDK's validator, as strictly as an app checks its own: the reason names the block. */
export function slateProblem(slate: unknown): string | undefined {
  try {
    validateSlate(slate);
    return undefined;
  } catch (error) {
    if (error instanceof TribeSlateError) return `is invalid: ${error.message}`;
    throw error;
  }
}
