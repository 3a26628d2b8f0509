/** A source an answer cites, as the visitor sees it. */
export interface Citation {
  title: string;
  /** Empty for a Q&A snippet, which has no page of its own. */
  url: string;
  /** The heading path within the page, e.g. "Billing › Refunds". */
  section: string;
  page: number | null;
}
