/// <reference lib="dom" />
import fs from 'node:fs';
import http, { type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve('test-artifacts', 'screenshots');

/**
 * Browser tests need Debian's chromium. Without it they are skipped with a notice, unless
 * BATON_REQUIRE_BROWSER=1 (set by .ci/run), which turns the skip into a failure.
 */
export function browserAvailable(): boolean {
  const present = fs.existsSync(CHROMIUM_PATH);
  if (!present) {
    if (process.env.BATON_REQUIRE_BROWSER === '1') {
      throw new Error(`BATON_REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    }
    console.warn(`NOTICE: browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" to run them.`);
  }
  return present;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine has no network: stop Chromium from trying to reach Google's services.
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu'],
  });
}

export function listen(app: { listen(port: number, host: string, cb: () => void): Server }, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = app.listen(port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, `${name}.png`);
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page (WCAG 2.1 A and AA rules) and returns serious and critical
 * violations. page.evaluate is not subject to the page's CSP, so no inline script is needed.
 */
export async function accessibilityProblems(page: Page | Frame): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then(r => r.violations)",
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

type WithBaton = { Baton?: { loaded: boolean; open(): void } };

/** Waits for the loader on the page, then opens the chat as a site's own script would. */
export async function openWidget(p: Page): Promise<void> {
  await p.waitForFunction(() => (window as unknown as WithBaton).Baton?.loaded === true);
  await p.evaluate(() => (window as unknown as WithBaton).Baton!.open());
}

/** The chat frame once the loader has created it. */
export async function chatFrameOf(p: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = p.frames().find((f) => f.url().includes('/widget/frame'));
    if (frame) return frame;
    await p.waitForTimeout(50);
  }
  throw new Error('the chat frame did not appear');
}

/**
 * A customer's shop page on another origin (127.0.0.2) that embeds the widget from `batonUrl`,
 * as a site would with the one script tag.
 */
export async function shopSite(batonUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const site = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><title>Shop</title></head>
        <body><h1>The Shop</h1><script src="${batonUrl}/widget.js" async></script></body></html>`);
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.2', r));
  return {
    url: `http://127.0.0.2:${(site.address() as AddressInfo).port}`,
    close: async () => {
      site.closeAllConnections();
      await new Promise<void>((r) => site.close(() => r()));
    },
  };
}

/** Signs in through the login form, as a teammate does, and waits for where it lands (Home by default). */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, opts: { password?: string; landsOn?: string } = {}): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', opts.password ?? 'a long enough password');
  await page.click('button[type=submit]');
  if (opts.landsOn !== '') await page.waitForURL(`${baseUrl}${opts.landsOn ?? '/'}`);
}

/** A visitor on `siteUrl` with the chat open and ready (its thread loaded). */
export async function openChatOn(browser: Browser, siteUrl: string, opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; frame: Frame }> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1000, height: 800 }, locale: opts.locale ?? 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(siteUrl);
  await openWidget(page);
  const frame = await chatFrameOf(page);
  await frame.locator('#chat[data-ready="true"]').waitFor({ state: 'attached' });
  return { page, frame };
}
