// The search page in headless Chromium, as a person would use it.
// Usage: node test.mjs BASE_URL SCREENSHOT_DIR (tests/browser/run.sh does it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node test.mjs BASE_URL SCREENSHOT_DIR');
  process.exit(2);
}

let passed = 0;
let failed = 0;
const step = async (name, body) => {
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${err.message.split('\n').join('\n     ')}`);
  }
};
const expect = (cond, message) => {
  if (!cond) throw new Error(message);
};

const profile = mkdtempSync(join(tmpdir(), 'newsdex-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(10_000);

// Any dialog means injected script ran; any console error or page error
// (a CSP violation included) is a bug.
const dialogs = [];
const problems = [];
page.on('dialog', async (dialog) => {
  dialogs.push(dialog.message());
  await dialog.dismiss();
});
page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
page.on('console', (msg) => {
  if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
});

const hitTexts = () => page.$$eval('#results .hit .text', (ps) => ps.map((p) => p.textContent));
const waitForResults = () => page.waitForFunction(() => {
  const list = document.getElementById('results');
  return list && !list.hasAttribute('aria-busy') && document.getElementById('status').textContent !== '';
});

try {
  await step('search "Aliyev" from the query box with Enter', async () => {
    await page.goto(base);
    await page.fill('#q', 'Aliyev');
    await page.press('#q', 'Enter');
    await waitForResults();
    expect(new URL(page.url()).searchParams.get('q') === 'Aliyev', `URL is ${page.url()}`);
    const texts = await hitTexts();
    expect(texts.length > 0, 'no hits');
    const paths = await page.$$eval('#results .hit .path', (ps) => ps.map((p) => p.textContent));
    expect(paths.some((p) => p.includes('aliyev-plane-crash.txt')), `the article is missing: ${paths}`);
    expect(texts.some((t) => t.includes('Putin apologised to Aliyev')), `passage missing: ${texts.join(' | ')}`);
    const marks = await page.$$eval('#results mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.length > 0 && marks.every((m) => /aliyev/i.test(m)), `marks: ${marks}`);
  });

  await step('a short list says where the other matching passages went', async () => {
    // Aliyev: more passages match than are listed, and no "More results".
    const status = await page.textContent('#status');
    const [, total, shown] = status.match(/^(\d+) matching passages, showing the best (\d+)/) || [];
    expect(Number(total) > Number(shown) && Number(shown) < 20, `status: ${status}`);
    expect(/at most 3 passages of an article/.test(status), `status says no why: ${status}`);
  });

  await step('highlights fall on the right characters after non-ASCII text', async () => {
    // "Café" and "–" before "Aliyev" shift UTF-8 bytes against UTF-16 units.
    const marked = await page.$$eval('#results .hit .text', (ps) => ps
      .filter((p) => p.textContent.includes('Café'))
      .flatMap((p) => [...p.querySelectorAll('mark')].map((m) => m.textContent)));
    expect(marked.length > 0, 'no highlighted passage with non-ASCII text');
    expect(marked.every((m) => m.toLowerCase() === 'aliyev'), `marked ${JSON.stringify(marked)}`);
  });

  await step('HTML in titles and text renders as text, runs nothing', async () => {
    const texts = (await hitTexts()).join('\n');
    const titles = (await page.$$eval('#results .hit h3', (hs) => hs.map((h) => h.textContent))).join('\n');
    expect((texts + titles).includes('<script>alert(1)</script><img src=x onerror=alert(1)>'),
      'the injection attempt is not shown as text');
    const injected = await page.$$eval('#results img, #results script, #results b', (nodes) => nodes.length);
    expect(injected === 0, `${injected} injected elements in the results`);
    expect(dialogs.length === 0, `dialogs fired: ${dialogs}`);
  });

  await step('an entity chip filters the results, and its active chip removes the filter', async () => {
    const chips = await page.$$('#facets button.chip');
    if (chips.length === 0) {
      expect(!process.env.NEWSDEX_BROWSER_REQUIRE_ENTITIES, 'no entity chips, and NEWSDEX_BROWSER_REQUIRE_ENTITIES is set');
      // Entity recognition is not part of every build; say so loudly.
      console.log('     SKIPPED the facet click: the index has no entities (no NER model in this build)');
      await page.goto(`${base}/?q=Aliyev&person=Ilham+Aliyev`);
      await waitForResults();
    } else {
      const name = await chips[0].evaluate((b) => b.firstChild.textContent);
      await chips[0].click();
      await page.waitForSelector('#active button.chip');
      await waitForResults();
      const params = new URL(page.url()).searchParams;
      const values = ['person', 'org', 'place', 'misc'].flatMap((p) => params.getAll(p));
      expect(values.includes(name), `filter ${name} not in ${page.url()}`);
      expect((await hitTexts()).length > 0, 'the filter left no hits');
    }
    const active = await page.$$eval('#active button.chip', (bs) => bs.map((b) => b.textContent));
    expect(active.length === 1, `active chips: ${active}`);
    // Screen readers name the chips' group (an aria-label needs a role to be read).
    expect(await page.getByRole('group', { name: 'Active filters' }).count() === 1, 'no "Active filters" group');
    // Remove it with the keyboard.
    await page.focus('#active button.chip');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#active button.chip').length === 0);
    const params = new URL(page.url()).searchParams;
    expect(!['person', 'org', 'place', 'misc'].some((p) => params.has(p)), `filter kept: ${page.url()}`);
  });

  await step('a section chip keeps its stories, each hit names its section, and its active chip removes it', async () => {
    await page.goto(`${base}/?q=walrus`);
    await waitForResults();
    await page.waitForSelector('#sections-panel:not([hidden]) #sections button.chip');
    const sections = await page.$$eval('#sections button.chip bdi', (bs) => bs.map((b) => b.textContent));
    expect(sections.join() === 'Politics,sport', `sections: ${sections}`);
    await page.click('#sections button.chip >> text=Politics');
    await page.waitForSelector('#active button.chip.section');
    await waitForResults();
    expect(new URL(page.url()).searchParams.get('section') === 'Politics', page.url());
    const shown = await page.$$eval('#results .hit .meta .section', (ss) => ss.map((s) => s.textContent));
    expect(shown.join() === 'Politics', `hits' sections: ${shown}`);
    await page.click('#active button.chip.section');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('section'));
    await waitForResults();
    expect((await hitTexts()).length === 2, 'removing the section did not bring both stories back');
    // A folder without sections shows no panel for them.
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
    expect(await page.isHidden('#sections-panel'), 'a panel of sections with none to show');
  });

  await step('a filter chip used from the keyboard leaves the focus before the new hits', async () => {
    const focusAfterEnter = async (selector) => {
      await page.focus(selector);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement !== document.body || !document.getElementById('results').hasAttribute('aria-busy'));
      await waitForResults();
      await page.keyboard.press('Tab');
      return page.evaluate(() => document.activeElement === document.querySelector('#results .hit h3 a'));
    };
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
    if (await page.$('#facets button.chip')) {
      expect(await focusAfterEnter('#facets button.chip'), 'Tab after a name chip does not reach the first hit');
    } else {
      await page.goto(`${base}/?q=Aliyev&person=Ilham+Aliyev`);
      await waitForResults();
    }
    expect(await focusAfterEnter('#active button.chip'), 'Tab after removing a filter does not reach the first hit');
  });

  await step('a date range goes to the API; a bad date shows an error', async () => {
    await page.fill('#since', '2024-12-01');
    await page.fill('#until', '2024-12-31');
    await page.press('#until', 'Enter');
    await waitForResults();
    expect(new URL(page.url()).searchParams.get('since') === '2024-12-01', page.url());
    expect(await page.isHidden('#error'), 'an error is shown for a good range');
    await page.fill('#since', 'yesterday');
    await page.press('#since', 'Enter');
    await page.waitForSelector('#error:not([hidden])');
    const message = await page.textContent('#error');
    expect(/yesterday/.test(message), `error says: ${message}`);
    await page.click('#clear-dates');
    await waitForResults();
    expect(await page.isHidden('#error'), 'the error stays after clearing the dates');
  });

  await step('a date box takes a date in words, as its error message advises', async () => {
    try {
      await page.fill('#since', '');
      await page.type('#since', 'December 2024');
      await page.press('#since', 'Enter');
      await page.waitForFunction(() => new URLSearchParams(location.search).has('since')
        && !document.getElementById('results').hasAttribute('aria-busy'));
      expect(new URL(page.url()).searchParams.get('since') === 'December 2024', page.url());
      expect(await page.isHidden('#error'), `error: ${await page.textContent('#error')}`);
      const mode = await page.getAttribute('#since', 'inputmode');
      expect(mode !== 'numeric', 'a phone would offer only digits, without "-" or letters');
    } finally {
      await page.goto(`${base}/?q=Aliyev`);
      await waitForResults();
    }
  });

  await step('hits sort by newest publication, and the address keeps the order', async () => {
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
    await page.selectOption('#sort', 'published');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'published');
    await waitForResults();
    await page.reload();
    await waitForResults();
    expect(await page.inputValue('#sort') === 'published', 'a reload forgot the order');
    const dates = await page.$$eval('#results .hit .meta .published', (ss) => ss.map((s) => s.textContent));
    expect(dates.length > 1 && dates.every((d, i) => i === 0 || d <= dates[i - 1]), `dates in order: ${dates}`);
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
  });

  await step('a slow search says it is searching; a refused query is said once', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const slow = (url) => url.pathname === '/api/search';
    await page.route(slow, async (route) => { await held; await route.continue().catch(() => {}); });
    try {
      await page.fill('#q', 'Putin');
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => /Searching/.test(document.getElementById('status').textContent), null, { timeout: 3000 });
    } finally {
      release();
      await waitForResults();
      await page.unroute(slow);
    }
    expect(!/Searching/.test(await page.textContent('#status')), 'still searching');
    await page.fill('#q', '"unclosed');
    await page.press('#q', 'Enter');
    await page.waitForSelector('#error:not([hidden])');
    await page.waitForTimeout(300); // the timeline is asked after the search
    const side = await page.textContent('.side');
    expect(!side.includes('quote is not closed'), `the side panels repeat the error: ${side}`);
  });

  await step('the same search twice is one step back, not two', async () => {
    await page.goto(`${base}/?q=Baku`);
    await waitForResults();
    await page.fill('#q', 'Aliyev');
    for (let i = 0; i < 3; i += 1) {
      await page.press('#q', 'Enter');
      await waitForResults();
    }
    await page.click('#clear-dates'); // no dates to clear: the same search again
    await waitForResults();
    await page.goBack();
    await waitForResults();
    expect(new URL(page.url()).searchParams.get('q') === 'Baku', `one step back is ${page.url()}`);
  });

  await step('a server that does not answer is said so, in words', async () => {
    const api = (url) => url.pathname.startsWith('/api/');
    await page.route(api, (route) => route.abort('connectionrefused'));
    try {
      await page.fill('#q', 'Aliyev');
      await page.press('#q', 'Enter');
      await page.waitForSelector('#error:not([hidden])');
      const message = await page.textContent('#error');
      expect(/newsdex serve/.test(message), `error says: ${message}`);
    } finally {
      await page.unroute(api);
      // The refused connections' console lines are expected.
      for (let i = problems.length - 1; i >= 0; i -= 1) {
        if (/ERR_CONNECTION_REFUSED/.test(problems[i])) problems.splice(i, 1);
      }
    }
  });

  await step('a date written in the query is said to be read as a date', async () => {
    await page.goto(`${base}/?q=${encodeURIComponent('Aliyev in December 2024')}`);
    await waitForResults();
    const status = await page.textContent('#status');
    expect(status.includes('“in December 2024” also matches passages that mention a date from 2024-12-01 to 2024-12-31'), `status says: ${status}`);
    expect((await hitTexts()).length > 0, 'no hits');
    await page.goto(`${base}/?q=${encodeURIComponent('Aliyev before 2025')}`);
    await waitForResults();
    const open = await page.textContent('#status');
    expect(open.includes('“before 2025” also matches passages that mention a date on or before 2024-12-31'), `status says: ${open}`);
  });

  await step('a lower-case or is said to be a word', async () => {
    await page.goto(`${base}/?q=${encodeURIComponent('Aliyev or Putin')}`);
    await page.waitForFunction(() => /searched as a word/.test(document.querySelector('#status').textContent));
  });

  await step('the timeline draws bars for publication dates', async () => {
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
    await page.selectOption('#tl-field', 'published');
    await page.waitForSelector('#timeline .bar');
    const bars = await page.$$eval('#timeline .bar', (bs) => bs.map((b) => b.getAttribute('title')));
    expect(bars.some((t) => t.startsWith('2024-12')), `bars: ${bars}`);
  });

  await step('the timeline\'s settings stay in the address, over a reload and a new search', async () => {
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
    await page.selectOption('#tl-by', 'day');
    await page.selectOption('#tl-field', 'published');
    await page.waitForFunction(() => /by=day/.test(location.search) && /field=published/.test(location.search));
    await page.reload();
    await waitForResults();
    await page.waitForSelector('#timeline .bar');
    const settings = [await page.inputValue('#tl-by'), await page.inputValue('#tl-field')];
    expect(settings.join() === 'day,published', `settings after a reload: ${settings}`);
    const bars = await page.$$eval('#timeline .bar', (bs) => bs.map((b) => b.getAttribute('title')));
    expect(bars.some((t) => /^2024-12-\d\d:/.test(t)), `bars by day of publication: ${bars}`);
    await page.fill('#q', 'Putin');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => /q=Putin/.test(location.search));
    expect(/by=day/.test(page.url()) && /field=published/.test(page.url()), `a new search dropped them: ${page.url()}`);
  });

  await step('a timeline setting changed while the hits are coming is the one drawn', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const slow = (url) => url.pathname === '/api/search';
    await page.route(slow, async (route) => { await held; await route.continue().catch(() => {}); });
    try {
      await page.goto(`${base}/?q=Aliyev`);
      await page.waitForFunction(() => /Searching/.test(document.getElementById('status').textContent), null, { timeout: 3000 });
      await page.selectOption('#tl-by', 'day');
      await page.waitForFunction(() => /by=day/.test(location.search));
    } finally {
      release();
      await waitForResults();
      await page.unroute(slow);
    }
    await page.waitForTimeout(500); // the timeline is asked after the search
    await page.waitForSelector('#timeline .bar');
    const bars = await page.$$eval('#timeline .bar', (bs) => bs.map((b) => b.getAttribute('title')));
    expect(await page.inputValue('#tl-by') === 'day', 'the setting changed back');
    expect(bars.length > 0 && bars.every((t) => /^\d{4}-\d\d-\d\d:/.test(t)), `bars by day: ${bars}`);
  });

  await step('a name chosen after a timeline setting changed keeps the setting', async () => {
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
    await page.waitForSelector('#facets .chip');
    await page.selectOption('#tl-by', 'year');
    await page.waitForFunction(() => /by=year/.test(location.search));
    await page.click('#facets .chip');
    await page.waitForFunction(() => /(person|org|place|misc)=/.test(location.search));
    await waitForResults();
    expect(/by=year/.test(page.url()), `the setting was dropped: ${page.url()}`);
    expect(await page.inputValue('#tl-by') === 'year', 'the box went back to its old setting');
  });

  await step('the timeline says how many matching passages no bar counts', async () => {
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
    await page.waitForSelector('#timeline .bar');
    const note = await page.textContent('#timeline .uncounted');
    expect(/^\d+ of \d+ matching passages are in no bar: they mention no date that fits one\.$/.test(note), `note: ${note}`);
  });

  await step('"More results" lists the next hits, keeps them on reload, and a new search starts over', async () => {
    const hitKeys = () => page.$$eval('#results .hit h3 a', (as) => as.map((a) => a.getAttribute('href')));
    await page.goto(`${base}/`); // every passage: far more than one page
    await waitForResults();
    const first = await hitKeys();
    expect(first.length === 20, `${first.length} hits at first`);
    await page.focus('#more');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 40);
    const more = await hitKeys();
    expect(first.every((h, i) => more[i] === h), 'the first 20 hits changed');
    expect(new Set(more).size === 40, 'a hit is listed twice');
    const focused = await page.evaluate(() => document.activeElement.closest('.hit') === document.querySelectorAll('#results .hit')[20]);
    expect(focused, 'the focus is not on the first new hit');
    // No words rank an empty search: its passages come in the index's order.
    expect((await page.textContent('#status')).includes('showing the first 40'), await page.textContent('#status'));
    await page.reload();
    await waitForResults();
    expect((await hitKeys()).length === 40, 'a reload forgot the hits shown');
    await page.click('#results .hit:nth-child(25) h3 a');
    await page.waitForSelector('#article .passage');
    await page.click('#back');
    await waitForResults();
    expect((await hitKeys()).length === 40, '"Back to results" forgot the hits shown');
    await page.fill('#q', 'Aliyev');
    await page.press('#q', 'Enter');
    await waitForResults();
    await page.goBack();
    await waitForResults();
    expect((await hitKeys()).length === 40, 'going back forgot the hits shown');
    await page.goForward();
    await waitForResults();
    expect(await page.isHidden('#more'), 'a short list offers more');
  });

  await step('back from an article returns to the same place in the hits', async () => {
    await page.goto(`${base}/`);
    await waitForResults();
    const link = page.locator('#results .hit:nth-child(15) h3 a');
    await link.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before > 500, `scrolled only to ${before}`);
    await link.click();
    await page.waitForSelector('#article .passage');
    await page.goBack();
    await waitForResults();
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => window.scrollY);
    expect(Math.abs(after - before) < 50, `back at ${after}px, was at ${before}px`);
    await link.click();
    await page.waitForSelector('#article .passage');
    await page.click('#back');
    await waitForResults();
    await page.waitForTimeout(300);
    const link_ = await page.evaluate(() => window.scrollY);
    expect(Math.abs(link_ - before) < 50, `"Back to results" at ${link_}px, was at ${before}px`);
  });

  await step('"More results" clicked before the timeline came still gets the timeline', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const slow = (url) => url.pathname === '/api/timeline';
    await page.route(slow, async (route) => { await held; await route.continue().catch(() => {}); });
    try {
      await page.goto(`${base}/`);
      await waitForResults();
      await page.click('#more');
      await page.waitForFunction(() => document.querySelectorAll('#results .hit').length === 40);
    } finally {
      release();
    }
    try {
      await page.waitForSelector('#timeline .bar', { timeout: 3000 });
    } finally {
      await page.unroute(slow);
    }
  });

  await step('nothing is wider than the window, on a desktop or a phone', async () => {
    // Every passage's timeline has many bars; one headline is a 320-letter word.
    try {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const target of ['/', '/?q=Aliyev']) {
          await page.goto(`${base}${target}`);
          await waitForResults();
          await page.waitForSelector('#timeline .bars, #timeline .hint');
          const over = await page.evaluate(() => {
            const right = document.documentElement.clientWidth;
            const boxes = [...document.querySelectorAll('.panel, .hit, .hit > *, .top-inner')];
            return [document.documentElement.scrollWidth > right ? `the page is ${document.documentElement.scrollWidth}px wide` : null,
              ...boxes.filter((b) => b.getBoundingClientRect().right > right + 1).map((b) => `${b.className || b.tagName} ends at ${Math.round(b.getBoundingClientRect().right)}px`)]
              .filter(Boolean).slice(0, 3);
          });
          expect(over.length === 0, `${target} at ${width}px, window ${width}px: ${over.join('; ')}`);
          if (width === 390 && target !== '/') await page.screenshot({ path: join(shots, 'search-phone.png'), fullPage: true });
        }
      }
    } finally {
      // The steps after this one start from the search for Aliyev.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${base}/?q=Aliyev`);
      await waitForResults();
    }
  });

  await step('the timeline shows its whole range between its two labels', async () => {
    await page.goto(`${base}/`); // every passage: bars for decades of months
    await waitForResults();
    await page.waitForSelector('#timeline .bar');
    const [count, lastRight, boxRight] = await page.$eval('#timeline .bars', (b) => [b.children.length,
      b.lastElementChild.getBoundingClientRect().right, b.getBoundingClientRect().right]);
    expect(count > 100, `only ${count} bars: the test needs more than fit`);
    expect(lastRight <= boxRight + 1, `the last bar is at ${Math.round(lastRight)}px, past the panel's ${Math.round(boxRight)}px`);
    await page.goto(`${base}/?q=Aliyev`);
    await waitForResults();
  });

  await step('Arabic headlines and passages read right to left', async () => {
    try {
      await page.goto(`${base}/?q=${encodeURIComponent('بوتين')}`);
      await waitForResults();
      const directions = await page.$$eval('#results .hit', (hits) => hits.flatMap((h) => [h.querySelector('h3'), h.querySelector('.text')])
        .map((e) => getComputedStyle(e).direction));
      expect(directions.length > 0 && directions.every((d) => d === 'rtl'), `directions: ${directions}; ${await page.textContent('#status')}`);
    } finally {
      await page.goto(`${base}/?q=Aliyev`);
      await waitForResults();
    }
  });

  await step('the timeline\'s bars are buttons to assistive technology', async () => {
    await page.waitForSelector('#timeline .bar');
    const bars = page.locator('#timeline').getByRole('button', { name: /passages/ });
    expect(await bars.count() === await page.locator('#timeline .bar').count(), 'bars without the button role');
    expect(await bars.count() > 0, 'no bars');
  });

  await step('all text on the search page has WCAG AA contrast', async () => {
    await page.waitForSelector('#facets .chip');
    const low = await page.evaluate(() => {
      const rgba = (s) => (s.match(/[\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
      const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const found = [];
      for (const node of document.querySelectorAll('#search-view *, .top *')) {
        const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
        if (!own || node.closest('[hidden], .visually-hidden') || !node.getClientRects().length) continue;
        // The text's colour, faded by the opacity of it and its ancestors,
        // over the nearest background.
        let alpha = 1;
        let bg = [255, 255, 255];
        for (let e = node; e; e = e.parentElement) {
          const style = getComputedStyle(e);
          alpha *= Number(style.opacity);
          const b = rgba(style.backgroundColor);
          if (b[3] > 0) { bg = b; break; }
        }
        const style = getComputedStyle(node);
        const fg = rgba(style.color).slice(0, 3).map((c, i) => c * alpha + bg[i] * (1 - alpha));
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
        const ratio = (hi + 0.05) / (lo + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) found.push(`${node.className || node.tagName} "${node.textContent.trim().slice(0, 20)}" ${ratio.toFixed(2)}`);
      }
      return [...new Set(found)];
    });
    expect(low.length === 0, `low contrast: ${low.slice(0, 6).join('; ')}`);
  });

  await step('screenshot of the search page', async () => {
    await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });
  });

  await step('a hit opens its article, at its passage', async () => {
    // The test article with several passages, wherever it ranks.
    const first = await page.$('#results .hit h3 a[href*="aliyev-plane-crash"]');
    expect(first !== null, 'the multi-passage test article is among the hits');
    const href = await first.getAttribute('href');
    expect(href.startsWith('/article?'), `href ${href}`);
    await first.click();
    await page.waitForSelector('#article .passage.current');
    const current = await page.textContent('#article .passage.current');
    expect(current.length > 0, 'empty passage');
    expect((await page.$$('#article .passage')).length >= 2, 'the article has one passage only');
    await page.screenshot({ path: join(shots, 'article.png'), fullPage: true });
    await page.click('#back');
    await waitForResults();
    expect(new URL(page.url()).searchParams.get('q') === 'Aliyev', `back to ${page.url()}`);
  });

  await step('a slow article says it is loading', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const slow = (url) => url.pathname === '/api/article';
    await page.route(slow, async (route) => { await held; await route.continue().catch(() => {}); });
    try {
      const href = await page.getAttribute('#results .hit h3 a[href*="aliyev-plane-crash"]', 'href');
      await page.goto(`${base}${href}`);
      await page.waitForFunction(() => /Loading/.test(document.getElementById('article').textContent), null, { timeout: 3000 });
    } finally {
      release();
      await page.waitForSelector('#article .passage');
      await page.unroute(slow);
    }
    expect(!/Loading/.test(await page.textContent('#article')), 'still loading');
  });

  await step('wire copy wrapped at 60 columns flows to the screen; a table keeps its lines', async () => {
    await page.setViewportSize({ width: 390, height: 900 });
    try {
      await page.goto(`${base}/article?path=corpus/test/wrapped.txt`);
      await page.waitForSelector('#article .passage');
      const bodies = await page.$$eval('#article .passage .body', (bs) => bs.map((b) => b.innerText));
      const prose = bodies.find((b) => b.includes('President Reagan'));
      const table = bodies.find((b) => b.includes('MAY 1922'));
      expect(prose && !prose.includes('\n'), `the prose breaks where the wire did: ${JSON.stringify(prose)}`);
      expect(table && table.includes('\n'), `the table lost its lines: ${JSON.stringify(table)}`);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  await step('articles with HTML, and javascript: URLs, stay inert', async () => {
    await page.goto(`${base}/?q=Markdown`);
    await waitForResults();
    const link = await page.$('#results .hit h3 a');
    expect(link, 'no hit for the Markdown article');
    await link.click();
    await page.waitForSelector('#article .passage');
    const links = await page.$$eval('#article a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links.every((h) => !/^javascript:/i.test(h)), `links: ${links}`);
    const injected = await page.$$eval('#article img, #article script', (nodes) => nodes.length);
    expect(injected === 0, `${injected} injected elements in the article`);
    expect(dialogs.length === 0, `dialogs fired: ${dialogs}`);
  });

  await step('a path outside the index is an error on the page, not a file', async () => {
    await page.goto(`${base}/article?path=../../etc/passwd`);
    await page.waitForSelector('#article-error:not([hidden])');
    const message = await page.textContent('#article-error');
    expect(/not in the index/.test(message), `error says: ${message}`);
    expect(!(await page.textContent('body')).includes('root:'), 'a file leaked');
    // The 404 this provokes is expected; drop its console line.
    for (let i = problems.length - 1; i >= 0; i -= 1) {
      if (/404/.test(problems[i])) problems.splice(i, 1);
    }
  });

  await step('no dialogs, page errors or console errors on the way', async () => {
    expect(dialogs.length === 0, `dialogs: ${dialogs}`);
    const errors = problems.filter((p) => !/\b400\b/.test(p)); // the bad date's 400 is expected
    expect(errors.length === 0, errors.join('\n'));
  });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
