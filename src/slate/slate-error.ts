import { TribeError, type TribeErrorDetails } from '../errors.js';

/** What is wrong with a slate: each is one check of {@link validateSlate}. */
export type TribeSlateProblem =
  | 'malformed'
  | 'too-many-blocks'
  | 'missing-root'
  | 'duplicate-id'
  | 'dangling-child'
  | 'two-parents'
  | 'cycle'
  | 'root-has-parent'
  | 'unknown-component'
  | 'bad-props';

/** Details of a {@link TribeSlateError}. */
export interface TribeSlateDetails extends TribeErrorDetails {
  problem: TribeSlateProblem;
  blockId?: string | undefined;
}

/** A slate the platform could not render; names the block and the reason, raised before an answer leaves the app. */
export class TribeSlateError extends TribeError {
  /** Always `TRIBE_SLATE`. */
  readonly code = 'TRIBE_SLATE';
  /** Which check refused the slate. */
  readonly problem: TribeSlateProblem;
  /** The block the problem is in, when it is in one. */
  readonly blockId: string | undefined;

  constructor(message: string, details: TribeSlateDetails) {
    super(message, details);
    this.problem = details.problem;
    this.blockId = details.blockId;
  }
}
