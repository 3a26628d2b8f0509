/** A source an answer cites, as the visitor sees it. */
export interface Citation {
  title: string;
  /** Empty for a Q&A snippet, which has no page of its own. */
  url: string;
  /** The heading path within the page, e.g. "Billing › Refunds". */
  section: string;
  page: number | null;
}

/**
 * A passage the answer was written from (or could have been): kept on the stored answer so the
 * insights page can show, for an escalation, what the AI had in front of it.
 */
export interface RetrievedSource {
  sourceId: string;
  title: string;
  section: string;
  url: string;
  page: number | null;
  /** The search backend's score: comparable within one answer only. */
  score: number;
  /** Whether the answer cited it. */
  cited: boolean;
}
