/** What a write would send; returned instead of sending under --dry-run (CONTRACT §4). */
export interface PlannedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Thrown by the client on the first request of a dry run; the harness turns it into the result. */
export class DryRunCapture {
  readonly request: PlannedRequest;
  constructor(request: PlannedRequest) {
    this.request = request;
  }
}
