// pa11y (HTML_CodeSniffer runner, WCAG2AA) over many pages in ONE browser, for
// tests/test_validators.py. Debian's Chromium, never a downloaded one.
//
//   node pa11y-pages.mjs CHROMIUM URL [URL...]
//
// Prints one JSON object: {"URL": [issue, ...], ...}, errors only (HTML_CodeSniffer's warnings
// and notices are "check this by hand" prompts, not failures). Each issue is pa11y's (code,
// message, selector, context, ...) plus inContent: true when the element is in the <article>,
// the part of the page made from its Markdown.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const [chromium, ...urls] = process.argv.slice(2);
// Pages checked at the same time: one per core (Chromium does the work; the pages are small).
const CONCURRENCY = 2;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const results = {};
try {
  const queue = [...urls];
  // One tab per worker, reused from page to page: opening a tab costs as much as checking.
  const worker = async () => {
    const page = await browser.newPage();
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      // pa11y's own navigation waits for the network to be idle for 500 ms; the pages are
      // static HTML and Material's scripts have run at "load", so that wait only costs time.
      await page.goto(url, { waitUntil: "load", timeout: 30000 });
      const result = await pa11y(url, {
        browser,
        page,
        ignoreUrl: true,
        runners: ["htmlcs"],
        standard: "WCAG2AA",
        includeNotices: false,
        includeWarnings: false,
        timeout: 30000,
      });
      for (const issue of result.issues) {
        // Whether the element comes from the page's Markdown (its <article>) or a template.
        issue.inContent = await page.evaluate(
          selector => Boolean(document.querySelector(selector)?.closest("article")), issue.selector);
      }
      results[url] = result.issues;
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
