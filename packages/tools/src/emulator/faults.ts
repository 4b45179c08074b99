/** A fault to inject into the requests that match it. */
export interface FaultRule {
  /** Only requests for this operation (default: every request). */
  operation?: string;
  /** How many matching requests it applies to (default: all, until restored). */
  times?: number;
  /** Wait this long before answering (or before the other effects). */
  delayMs?: number;
  /** Answer with this HTTP status instead of running the operation (429, 5xx...). */
  status?: number;
  /** The `Retry-After` header to send with `status`. */
  retryAfter?: string;
  /** More headers to send with `status`, e.g. `X-Quota-Remaining`. */
  headers?: Record<string, string>;
  /** Close the connection without answering, after reading the request. */
  drop?: boolean;
  /** Never answer; the client must time out or abort. */
  hang?: boolean;
}

/** A fault in force; `restore()` ends it, so each test can scope its own faults. */
export interface InjectedFault {
  /** How many requests it has hit so far. */
  readonly hits: number;
  /** Ends the fault. */
  restore(): void;
}

interface ActiveFault {
  rule: FaultRule;
  remaining: number;
  hits: number;
}

/** Holds the faults in force and picks the one a request meets. */
export class FaultInjector {
  #active: ActiveFault[] = [];

  /** Puts a fault in force until `times` requests met it or it is restored. */
  inject(rule: FaultRule): InjectedFault {
    const fault: ActiveFault = { rule, remaining: rule.times ?? Number.POSITIVE_INFINITY, hits: 0 };
    this.#active.push(fault);
    return {
      get hits() {
        return fault.hits;
      },
      restore: () => {
        this.#active = this.#active.filter((candidate) => candidate !== fault);
      },
    };
  }

  /** The rule a request for `operationName` meets, if any; counts the hit. */
  take(operationName: string | undefined): FaultRule | undefined {
    const fault = this.#active.find((candidate) => candidate.remaining > 0 && (!candidate.rule.operation || candidate.rule.operation === operationName));
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    return fault.rule;
  }

  /** Ends every fault. */
  clear(): void {
    this.#active = [];
  }
}
