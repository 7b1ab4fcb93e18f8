/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium, Browser } from 'playwright-core';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildUser } from '../utils/factories';

// Debian's chromium package (apt-get install chromium). Where it is not installed the browser
// check cannot run; the HTTP-level explorer tests in http.e2e-spec.ts still do.
const CHROMIUM = process.env.PLAZA_CHROMIUM ?? '/usr/bin/chromium';
const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;

describeWithBrowser('the explorer in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('loads without any external request and runs { me { id } } with an Authorization header', async () => {
    const user = await buildUser(t);
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', req => {
      if (!req.url().startsWith(t.url) && !req.url().startsWith('data:')) external.push(req.url());
    });
    // GraphiQL keeps its editors in localStorage: seed the query and the header a person would type.
    await page.addInitScript(([token]) => {
      localStorage.setItem('graphiql:query', '{ me { id } }');
      localStorage.setItem('graphiql:headers', JSON.stringify({ Authorization: `Bearer ${token}` }));
    }, [user.token]);
    await page.goto(`${t.url}/graphql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 20000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      id => document.querySelector('.result-window')?.textContent?.includes(id),
      user.id,
      { timeout: 20000 },
    );
    const result = await page.textContent('.result-window');
    expect(result).toContain(`"id": "${user.id}"`);
    expect(external).toEqual([]);
    await page.screenshot({ path: `${process.env.PLAZA_SCREENSHOT_DIR ?? '/tmp'}/plaza-explorer.png` });
  });
});
