/**
 * The address people reach Baton at, for links in emails and the widget snippet: BASE_URL when
 * set, else the one the admin gave (the wizard, Settings › Organisation), else the local
 * default. Read synchronously where links are built; another replica's change is picked up
 * within `maxAgeMs`, this replica's at once.
 */
export class PublicAddress {
  #stored: string | null = null;
  #readAt = 0;
  #reading: Promise<void> | undefined;

  constructor(
    private readonly opts: { fromEnv: string | undefined; fallback: string; read: () => Promise<string | null | undefined>; maxAgeMs?: number; onError?: (err: unknown) => void },
  ) {}

  /** Whether BASE_URL decides it (the admin's setting is then shown but not used). */
  get fixed(): boolean {
    return !!this.opts.fromEnv;
  }

  get(): string {
    if (this.opts.fromEnv) return this.opts.fromEnv;
    if (Date.now() - this.#readAt > (this.opts.maxAgeMs ?? 10_000)) void this.load();
    return this.#stored ?? this.opts.fallback;
  }

  /** Whether an address was given at all (BASE_URL or the admin's). */
  get chosen(): boolean {
    return !!(this.opts.fromEnv ?? this.#stored);
  }

  /** Reads the stored address now (at start, and in the background when it is old). */
  load(): Promise<void> {
    this.#reading ??= this.opts
      .read()
      .then((url) => {
        this.#stored = url ?? null;
        this.#readAt = Date.now();
      })
      .catch((err: unknown) => this.opts.onError?.(err))
      .finally(() => (this.#reading = undefined));
    return this.#reading;
  }

  /** This replica saved a new address. */
  set(url: string | null): void {
    this.#stored = url;
    this.#readAt = Date.now();
  }
}

/** An address as the admin may type it ("support.example.com", a page URL): its origin, or undefined. */
export function publicOrigin(input: string): string | undefined {
  const trimmed = input.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username || url.password) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}
