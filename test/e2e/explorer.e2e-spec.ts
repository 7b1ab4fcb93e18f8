/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium, Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../utils/test-app';
import { publishedExtension } from '../utils/scenarios';
import { buildUser } from '../utils/factories';

// Debian's chromium package (apt-get install chromium; .ci/run installs it when missing).
// Without it the browser check cannot run and says so in one line; the HTTP-level explorer
// tests in http.e2e-spec.ts still run.
const CHROMIUM = process.env.PLAZA_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) process.stderr.write(`explorer browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set PLAZA_CHROMIUM)\n`);
const describeWithBrowser = HAVE_CHROMIUM ? describe : describe.skip;

describeWithBrowser('the explorer in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  const APP_ID = 'explorer-board';
  beforeAll(async () => {
    t = await startTestApp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await publishApp(t, APP_ID);
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh browser context (empty localStorage, as on a first visit) with the explorer loaded. */
  async function openExplorer(seed?: { query?: string; headers?: string }): Promise<{ page: Page; external: string[] }> {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', req => {
      if (!req.url().startsWith(t.url) && !req.url().startsWith('data:')) external.push(req.url());
    });
    if (seed) {
      // GraphiQL keeps its editors in localStorage: seed what a person would have typed.
      await page.addInitScript(([query, headers]) => {
        if (query) localStorage.setItem('graphiql:query', query);
        if (headers) localStorage.setItem('graphiql:headers', headers);
      }, [seed.query, seed.headers]);
    }
    await page.goto(`${t.url}/graphql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 20000 });
    return { page, external };
  }

  /** The text of GraphiQL's Headers editor, once its tab is the one shown. */
  async function headersEditorText(page: Page): Promise<string> {
    const tab = page.locator('.graphiql-editor-tools button', { hasText: /^Headers$/ });
    await page.waitForFunction(() => {
      const active = document.querySelector('.graphiql-editor-tools button.active');
      return active?.textContent === 'Headers';
    }, undefined, { timeout: 5000 });
    expect(await tab.count()).toBe(1);
    return page.evaluate(() => {
      const editor = document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror') as (Element & { CodeMirror?: { getValue(): string } }) | null;
      return editor?.CodeMirror?.getValue() ?? '<no headers editor>';
    });
  }

  async function runAndRead(page: Page, expected: string): Promise<string> {
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(text => document.querySelector('.result-window')?.textContent?.includes(text), expected, { timeout: 20000 });
    return (await page.textContent('.result-window')) ?? '';
  }

  it('runs the marketplace query with its default headers and shows data, not an error', async () => {
    const { page, external } = await openExplorer();
    // The default headers are empty (valid), not an "Authorization: Bearer " with no token.
    await page.locator('.graphiql-editor-tools button', { hasText: /^Headers$/ }).click();
    expect(await headersEditorText(page)).toBe('');
    const result = await runAndRead(page, APP_ID);
    expect(result).toContain('"marketplace"');
    expect(result).toContain(`"appId": "${APP_ID}"`);
    expect(result).toContain('"title": "Explorer Board"');
    expect(result).not.toContain('"errors"');
    expect(external).toEqual([]);
    await page.screenshot({ path: `${process.env.PLAZA_SCREENSHOT_DIR ?? '/tmp'}/plaza-explorer.png` });
    await page.close();
  });

  it('sets the token from the toolbar key button, then runs { me { id } } as that user', async () => {
    const user = await buildUser(t);
    const { page } = await openExplorer({ query: '{ me { id } }' });
    page.once('dialog', dialog => void dialog.accept(`  ${user.token}  `));
    await page.click('button.plaza-token-button');
    // The Headers editor (shown now) holds the header, trimmed, as valid JSON.
    expect(JSON.parse(await headersEditorText(page))).toEqual({ Authorization: `Bearer ${user.token}` });
    const result = await runAndRead(page, user.id);
    expect(result).toContain(`"id": "${user.id}"`);
    // An empty answer takes the token out again: anonymous, and still no error.
    page.once('dialog', dialog => void dialog.accept(''));
    await page.click('button.plaza-token-button');
    expect(await headersEditorText(page)).toBe('');
    expect(await runAndRead(page, '"me": null')).not.toContain('"errors"');
    await page.close();
  });

  it('keeps headers a person typed and runs { me { id } } with their Authorization header', async () => {
    const user = await buildUser(t);
    const { page, external } = await openExplorer({ query: '{ me { id } }', headers: JSON.stringify({ Authorization: `Bearer ${user.token}` }) });
    expect(await runAndRead(page, user.id)).toContain(`"id": "${user.id}"`);
    expect(external).toEqual([]);
    await page.close();
  });
});

/** Claims, submits, reviews and publishes one extension, so the marketplace has something to show. */
async function publishApp(t: TestApp, appId: string): Promise<void> {
  await publishedExtension(t, {
    appId,
    displayName: 'Explorer Board',
    listing: {
      title: 'Explorer Board',
      shortDescription: 'Plan and track tasks from chat, with due dates and reminders.',
      fullDescription: 'Explorer Board keeps a task board the assistant can read and update: create tasks, move them, and get reminders.',
    },
  });
}
