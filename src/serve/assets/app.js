// newsdex search page: the search view at / and the article view at
// /article, both drawn from the JSON API.
//
// Everything that comes from the corpus or from the address bar is put on
// the page with textContent or createElement, never as HTML: a story
// titled <script> shows as the word <script>. Text from the corpus is
// marked dir="auto", so an Arabic or Hebrew story reads right to left.
'use strict';

// Filter parameters, their entity labels and how the page names them.
const FILTERS = [
  { param: 'person', label: 'PER', name: 'Person' },
  { param: 'org', label: 'ORG', name: 'Organisation' },
  { param: 'place', label: 'LOC', name: 'Place' },
  { param: 'misc', label: 'MISC', name: 'Other' },
];
// The section an article ran in: a filter too, of its own panel.
const SECTION = { param: 'section', name: 'Section' };
const BY_LABEL = Object.fromEntries(FILTERS.map((f) => [f.label, f]));
const BY_PARAM = Object.fromEntries([...FILTERS, SECTION].map((f) => [f.param, f]));
// Hits a search lists first, and each "More results" adds; the API lists
// at most MAX_SHOWN.
const LIMIT = 20;
const MAX_SHOWN = 100;
// Passages of one article a search lists; the others are read in the article.
const PER_ARTICLE = 3;
const TOP_ENTITIES = 24;
const TOP_SECTIONS = 12;
const LAST_SEARCH = 'newsdex:last-search';
// The search a hit was opened from, so "Back to results" can step back to it.
const OPENED_FROM = 'newsdex:opened-from';
// The orders /api/search takes besides the best match first.
const SORTS = ['published', 'oldest', 'date'];
/** The timeline's settings, the first of each its default. */
const TIMELINE_BY = ['month', 'day', 'week', 'quarter', 'year'];
const TIMELINE_FIELDS = ['mentioned', 'published'];

const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

/** One of `allowed` from the address, or its first: the default. */
function oneOf(params, name, allowed) {
  const value = params.get(name);
  return allowed.includes(value) ? value : allowed[0];
}

/**
 * The search state in the address bar: query, dates, entity filters, order,
 * and how the timeline counts (`by`, `field`), so that a reload or a shared
 * link draws the same chart.
 */
function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  const state = { q: params.get('q') || '', since: params.get('since') || '',
    until: params.get('until') || '', filters: [], sort: SORTS.includes(sort) ? sort : '',
    by: oneOf(params, 'by', TIMELINE_BY), field: oneOf(params, 'field', TIMELINE_FIELDS) };
  for (const f of [...FILTERS, SECTION]) {
    for (const value of params.getAll(f.param)) {
      if (value.trim()) state.filters.push({ param: f.param, value: value.trim() });
    }
  }
  return state;
}

/** The parameters of a state every endpoint takes (the order is the search's alone). */
function toParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.since) params.set('since', state.since);
  if (state.until) params.set('until', state.until);
  for (const f of state.filters) params.append(f.param, f.value);
  return params;
}

/**
 * How many hits to list: what "More results" reached, kept in the address
 * (`shown`, never sent to the API) so that a reload, the back button and
 * "Back to results" list them again.
 */
function shownCount(search = location.search) {
  const n = Number(new URLSearchParams(search).get('shown'));
  return Number.isInteger(n) && n > LIMIT && n <= MAX_SHOWN ? n : LIMIT;
}

/** The parameters of /api/search for a state, listing `limit` hits. */
function searchParams(state, limit) {
  const params = toParams(state);
  if (state.sort) params.set('sort', state.sort);
  params.set('limit', String(limit));
  params.set('per_article', String(PER_ARTICLE));
  return params;
}

/** The page's address for a state, listing `shown` hits. */
function searchUrl(state, shown = LIMIT) {
  const params = toParams(state);
  if (state.sort) params.set('sort', state.sort);
  if (state.by !== TIMELINE_BY[0]) params.set('by', state.by);
  if (state.field !== TIMELINE_FIELDS[0]) params.set('field', state.field);
  if (shown > LIMIT) params.set('shown', String(shown));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/**
 * Goes to a new search state (a new history entry) and draws it. A chip or
 * a bar that asked for it is about to be redrawn, which would drop the
 * keyboard's place to the top of the page: the focus moves to the results'
 * heading instead, so Tab goes on to the first hit. The form keeps it.
 */
function navigate(state, { keepFocus = false } = {}) {
  // The timeline's settings are the page's, not the search's: as the
  // address holds them now, since a chip drawn before one changed holds
  // the old.
  const { by, field } = readState();
  // The same search again (Enter pressed twice, dates cleared that were
  // not set) runs again, without a history entry the back button would
  // have to step through.
  const url = searchUrl({ ...state, by, field });
  if (url === location.pathname + location.search) history.replaceState(null, '', url);
  else {
    keepScroll();
    history.pushState(null, '', url);
  }
  if (!keepFocus) $('results-heading').focus();
  showSearch();
}

/**
 * Notes how far down the page is in its history entry. The hits are drawn
 * after the page loads, too late for the browser's own restoring, so the
 * page scrolls back itself (see showSearch): back from an article lands on
 * the hit it was opened from, not on the first one.
 */
function keepScroll() {
  history.replaceState({ ...history.state, scrollY: window.scrollY }, '');
}

async function getJSON(path, params) {
  let response;
  try {
    response = await fetch(`${path}?${params.toString()}`, { headers: { Accept: 'application/json' } });
  } catch (_) {
    // The browser says only "Failed to fetch".
    throw new Error('newsdex serve did not answer: is it still running? Start it again and retry.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    // Fall through with no body: the status says enough.
  }
  if (!response.ok) {
    throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  }
  return body;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The text with its highlights marked. The server's ranges are UTF-8 byte
 * offsets and JavaScript strings count UTF-16 units, so the ranges are cut
 * from the encoded bytes and decoded back.
 */
function highlighted(text, ranges) {
  const bytes = encoder.encode(text);
  const out = document.createDocumentFragment();
  let at = 0;
  const sorted = [...(ranges || [])].sort((a, b) => a.start - b.start);
  for (const range of sorted) {
    const start = Math.max(range.start, at);
    const end = Math.min(range.end, bytes.length);
    if (!(end > start)) continue;
    if (start > at) out.append(decoder.decode(bytes.subarray(at, start)));
    out.append(el('mark', { text: decoder.decode(bytes.subarray(start, end)) }));
    at = end;
  }
  if (at < bytes.length) out.append(decoder.decode(bytes.subarray(at)));
  return out;
}

/** A link to the article view of a passage (`article` picks one of a file's records). */
function articleHref(path, passage, article) {
  const params = new URLSearchParams({ path });
  if (article) params.set('article', article);
  if (passage !== undefined) params.set('passage', String(passage));
  return `/article?${params.toString()}#p-${passage ?? 0}`;
}

/**
 * A passage as prose that flows to the width of the screen: wire copy
 * wrapped at 60-70 columns, shown with its line breaks, broke every line
 * early on a desktop and twice on a phone. Text aligned with runs of
 * spaces inside its lines (a table of prices) keeps its lines.
 */
function flowing(text) {
  if (/\S[^\S\n]{2,}\S/.test(text)) return text;
  return text.split(/\n[^\S\n]*\n/).map((para) => para.replace(/[^\S\n]*\n[^\S\n]*/g, ' ')).join('\n\n');
}

/** The last part of a path: the heading of an article without a title. */
function fileName(path) {
  return path.split('/').pop() || path;
}

/** A link only for web addresses: a `javascript:` URL stays text. */
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

function showError(box, message) {
  box.hidden = !message;
  box.textContent = message || '';
}

// ---- search view ----

let generation = 0;

async function showSearch() {
  $('article-view').hidden = true;
  $('search-view').hidden = false;
  const state = readState();
  $('q').value = state.q;
  $('since').value = state.since;
  $('until').value = state.until;
  $('sort').value = state.sort;
  $('tl-by').value = state.by;
  $('tl-field').value = state.field;
  document.title = state.q ? `${state.q} · newsdex` : 'newsdex';
  sessionStorage.setItem(LAST_SEARCH, location.pathname + location.search);
  drawActiveFilters(state);

  // A slow answer to an older search must not overwrite a newer one.
  const mine = ++generation;
  const params = toParams(state);
  const limit = shownCount();
  const entityParams = new URLSearchParams(params);
  entityParams.set('top', String(TOP_ENTITIES));
  const sectionParams = new URLSearchParams(params);
  sectionParams.set('top', String(TOP_SECTIONS));
  // The old hits stay, faded, until the new ones come; the status (read
  // out by screen readers) says a search is under way.
  $('results').setAttribute('aria-busy', 'true');
  $('status').textContent = 'Searching…';
  showError($('error'), '');
  try {
    const [results, entities, sections] = await Promise.all([
      getJSON('/api/search', searchParams(state, limit)),
      getJSON('/api/entities', entityParams),
      getJSON('/api/sections', sectionParams),
    ]);
    if (mine !== generation) return;
    drawResults(state, results, limit);
    drawFacets(state, entities.entities);
    drawSections(state, sections.sections);
    const y = history.state && history.state.scrollY;
    if (typeof y === 'number') window.scrollTo(0, y);
  } catch (err) {
    if (mine !== generation) return;
    showError($('error'), err.message);
    $('status').textContent = '';
    $('results').replaceChildren();
    $('more').hidden = true;
    $('more-hint').hidden = true;
    $('facets').replaceChildren();
    $('sections').replaceChildren();
    // The error box says it once; the timeline would be refused alike.
    $('timeline').replaceChildren();
    return;
  } finally {
    if (mine === generation) $('results').removeAttribute('aria-busy');
  }
  // The timeline's settings as the address holds them now: one changed
  // while the hits were coming has drawn its chart, which this must not
  // draw over with the setting it started with.
  const { by, field } = readState();
  drawTimeline({ ...state, by, field }, mine);
}

function addFilter(state, param, value) {
  if (state.filters.some((f) => f.param === param && f.value === value)) return;
  navigate({ ...state, filters: [...state.filters, { param, value }] });
}

function drawActiveFilters(state) {
  const box = $('active');
  box.replaceChildren();
  for (const [i, f] of state.filters.entries()) {
    const kind = BY_PARAM[f.param];
    box.append(el('button', {
      type: 'button',
      class: `chip active ${kind.param}`,
      'aria-label': `Remove filter ${kind.name}: ${f.value}`,
      onclick: () => navigate({ ...state, filters: state.filters.filter((_, j) => j !== i) }),
    }, el('span', { class: 'kind', text: kind.name }), el('bdi', { text: f.value }), el('span', { class: 'x', 'aria-hidden': 'true', text: '×' })));
  }
  box.hidden = state.filters.length === 0;
}

/** Lists LIMIT more hits of the search shown, and moves the focus to the first new one. */
async function showMore() {
  const state = readState();
  const shown = $('results').children.length;
  const limit = Math.min(shown + LIMIT, MAX_SHOWN);
  history.replaceState(null, '', searchUrl(state, limit));
  sessionStorage.setItem(LAST_SEARCH, location.pathname + location.search);
  // A new search drops this answer; this one drops nothing (the timeline of
  // the same search may still be coming).
  const mine = generation;
  $('more').disabled = true;
  $('results').setAttribute('aria-busy', 'true');
  try {
    const results = await getJSON('/api/search', searchParams(state, limit));
    if (mine !== generation) return;
    drawResults(state, results, limit);
    const next = $('results').children[shown];
    if (next) next.querySelector('h3 a').focus();
  } catch (err) {
    if (mine === generation) showError($('error'), err.message);
  } finally {
    $('more').disabled = false;
    if (mine === generation) $('results').removeAttribute('aria-busy');
  }
}

function drawResults(state, results, limit) {
  const list = $('results');
  list.replaceChildren();
  const shown = results.hits.length;
  // Only words rank (a name filter's names count as words); without them
  // every passage scores the same and they come in the index's order.
  const words = state.q && state.q !== '*';
  const which = !state.sort && (words || state.filters.length) ? 'best' : 'first';
  $('status').textContent = shown === 0
    ? `No passages match${results.why_none ? `: ${results.why_none}` : ''}.`
    : `${results.total} matching passage${results.total === 1 ? '' : 's'}${results.total > shown ? `, showing the ${which} ${shown}` : ''}${
      // Fewer listed than asked for: the cap and the copies left the rest out.
      results.total > shown && shown < limit ? ` (at most ${PER_ARTICLE} passages of an article, and copies once: open a hit to read its article)` : ''}.`;
  for (const date of results.dates_read || []) {
    // An open side in words: "from … to 2024-12-31" read as a typo.
    const span = date.since && date.until ? `from ${date.since} to ${date.until}`
      : date.since ? `on or after ${date.since}`
      : date.until ? `on or before ${date.until}` : 'of any day';
    $('status').textContent += ` “${date.text}” also matches passages that mention a date ${span} or were published then (quote it to match the words only).`;
  }
  for (const note of results.notes || []) $('status').textContent += ` Note: ${note}.`;
  for (const hit of results.hits) list.append(drawHit(state, hit));
  // A full list may have more behind it; a shorter one was all there is.
  const full = shown === limit && results.total > shown;
  $('more').hidden = !full || limit >= MAX_SHOWN;
  $('more-hint').hidden = !full || limit < MAX_SHOWN;
  $('more-hint').textContent = `The page lists the ${which} ${MAX_SHOWN}: narrow the search (a name, a phrase, dates) to see others.`;
}

function drawHit(state, hit) {
  const meta = el('p', { class: 'meta' },
    el('span', { class: 'path', text: `${hit.path}:${hit.line}` }),
    hit.published ? el('span', { class: 'published', text: hit.published }) : null,
    hit.section ? el('bdi', { class: 'section', text: hit.section }) : null,
    el('span', { text: `passage ${hit.passage}` }));
  if (hit.duplicates && hit.duplicates.length) {
    meta.append(el('span', { text: `also in ${hit.duplicates.length} other place${hit.duplicates.length === 1 ? '' : 's'}` }));
  }
  const names = el('div', { class: 'chips small' });
  const seen = new Set();
  for (const e of hit.entities || []) {
    const kind = BY_LABEL[e.label];
    const key = `${e.label}:${e.canonical}`;
    if (!kind || seen.has(key)) continue;
    seen.add(key);
    names.append(el('button', {
      type: 'button',
      class: `chip ${kind.param}`,
      title: `Filter by ${kind.name.toLowerCase()} ${e.canonical}`,
      onclick: () => addFilter(state, kind.param, e.canonical),
    }, el('bdi', { text: e.canonical })));
  }
  return el('li', { class: 'hit' },
    el('h3', { dir: 'auto' }, el('a', {
      href: articleHref(hit.path, hit.passage, hit.article),
      text: hit.title || fileName(hit.path),
      onclick: () => sessionStorage.setItem(OPENED_FROM, location.pathname + location.search),
    })),
    meta,
    el('p', { class: 'text', dir: 'auto' }, highlighted(hit.text, hit.highlights)),
    seen.size ? names : null);
}

/**
 * The sections the matching passages' articles ran in, each a chip that
 * filters by it; the panel is hidden when no article names its section
 * and no section filter is on (a folder of plain text has none).
 */
function drawSections(state, sections) {
  const box = $('sections');
  box.replaceChildren();
  const active = new Set(state.filters.filter((f) => f.param === SECTION.param).map((f) => f.value.toLowerCase()));
  const shown = sections.filter((s) => !active.has(s.section.toLowerCase()));
  $('sections-panel').hidden = sections.length === 0 && active.size === 0;
  if (!shown.length) {
    box.append(el('p', { class: 'hint', text: 'No other sections in these passages.' }));
    return;
  }
  for (const s of shown) {
    box.append(el('button', {
      type: 'button',
      class: `chip ${SECTION.param}`,
      'aria-label': `Filter by section ${s.section} (${s.passages} passages)`,
      onclick: () => addFilter(state, SECTION.param, s.section),
    }, el('bdi', { text: s.section }), el('span', { class: 'count', text: String(s.passages) })));
  }
}

function drawFacets(state, entities) {
  const box = $('facets');
  box.replaceChildren();
  const active = new Set(state.filters.map((f) => `${f.param}:${f.value}`));
  const shown = entities.filter((e) => BY_LABEL[e.label] && !active.has(`${BY_LABEL[e.label].param}:${e.name}`));
  if (!shown.length) {
    box.append(el('p', { class: 'hint', text: 'No names in these passages.' }));
    return;
  }
  for (const e of shown) {
    const kind = BY_LABEL[e.label];
    box.append(el('button', {
      type: 'button',
      class: `chip ${kind.param}`,
      'aria-label': `Filter by ${kind.name.toLowerCase()} ${e.name} (${e.passages} passages)`,
      onclick: () => addFilter(state, kind.param, e.name),
    }, el('bdi', { text: e.name }), el('span', { class: 'count', text: String(e.passages) })));
  }
}

async function drawTimeline(state, mine) {
  const box = $('timeline');
  const params = toParams(state);
  params.set('by', state.by);
  params.set('field', state.field);
  let data;
  try {
    data = await getJSON('/api/timeline', params);
  } catch (err) {
    if (mine === generation) box.replaceChildren(el('p', { class: 'hint', text: err.message }));
    return;
  }
  if (mine !== generation) return;
  box.replaceChildren();
  const buckets = data.buckets;
  // Bars that add up to fewer passages than the search found say why.
  const uncounted = data.uncounted > 0 && el('p', {
    class: 'hint uncounted',
    text: `${data.uncounted} of ${data.matching} matching passages are in no bar: they ${data.field === 'published'
      ? 'have no publication date' : 'mention no date that fits one'}.`,
  });
  if (!buckets.length) {
    box.append(el('p', { class: 'hint', text: 'No dates in these passages.' }));
    if (uncounted) box.append(uncounted);
    return;
  }
  const max = Math.max(...buckets.map((b) => b.passages), 1);
  // A group of buttons: a list role would take the bars' button role away.
  // More bars than fit 3 pixels wide with gaps in the narrowest panel
  // (about 290 pixels): drawn without the gaps, as thin as it takes.
  const dense = buckets.length > 50;
  const bars = el('div', { class: dense ? 'bars dense' : 'bars', role: 'group', 'aria-label': `Passages by ${data.by}` });
  for (const b of buckets) {
    const range = bucketRange(b, data.by);
    const bar = el('button', {
      type: 'button',
      class: 'bar',
      title: `${b.label}: ${b.passages} passage${b.passages === 1 ? '' : 's'}`,
      'aria-label': `${b.label}: ${b.passages} passages; show passages mentioning ${b.label}`,
      onclick: () => {
        if (data.field === 'mentioned') navigate({ ...state, since: range[0], until: range[1] });
      },
      disabled: data.field !== 'mentioned' || b.passages === 0,
    }, el('span', { class: 'fill' }));
    bar.firstChild.style.height = `${Math.max(2, (b.passages / max) * 100)}%`;
    bars.append(bar);
  }
  box.append(bars, el('div', { class: 'axis' },
    el('span', { text: buckets[0].label }),
    el('span', { text: buckets[buckets.length - 1].label })));
  if (uncounted) box.append(uncounted);
}

/** The first and last day of a bucket, for since/until. */
function bucketRange(bucket, by) {
  if (by === 'week') {
    const end = new Date(`${bucket.start}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 6);
    return [bucket.start, end.toISOString().slice(0, 10)];
  }
  if (by === 'quarter') {
    const end = new Date(`${bucket.start}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 3, 0);
    return [bucket.start, end.toISOString().slice(0, 10)];
  }
  // Days, months and years are dates the API reads as they are.
  return [bucket.label, bucket.label];
}

// ---- article view ----

async function showArticle() {
  $('search-view').hidden = true;
  $('article-view').hidden = false;
  $('back').setAttribute('href', sessionStorage.getItem(LAST_SEARCH) || '/');
  const params = new URLSearchParams(location.search);
  const path = params.get('path') || '';
  const current = params.get('passage');
  const box = $('article');
  box.replaceChildren();
  showError($('article-error'), '');
  if (!path) {
    showError($('article-error'), 'No article given.');
    return;
  }
  let data;
  const query = new URLSearchParams({ path });
  // Read out, and replaced by the article when it comes.
  box.setAttribute('aria-busy', 'true');
  box.append(el('p', { class: 'meta', role: 'status', text: 'Loading the article…' }));
  try {
    const article = params.get('article');
    if (article) query.set('article', article);
    data = await getJSON('/api/article', query);
    // A long article's listing is cut: fetch the passage asked for with
    // its neighbours instead.
    const listed = (d) => d.hits.some((h) => String(h.passage) === current);
    if (data.truncated && current !== null && !listed(data)) {
      query.set('passage', current);
      query.set('context', '10');
      data = await getJSON('/api/article', query);
    }
  } catch (err) {
    showError($('article-error'), err.message);
    return;
  } finally {
    box.replaceChildren();
    box.removeAttribute('aria-busy');
  }
  const first = data.hits[0];
  const title = (first && first.title) || fileName(path);
  document.title = `${title} · newsdex`;
  const url = first && first.url ? safeUrl(first.url) : null;
  box.append(
    el('h1', { text: title, dir: 'auto' }),
    el('p', { class: 'meta' },
      el('span', { class: 'path', text: path }),
      first && first.published ? el('span', { text: `published ${first.published}` }) : null,
      first && first.url ? (url ? el('a', { href: url, rel: 'noopener noreferrer', text: 'original' })
        : el('span', { text: first.url })) : null));
  if (data.truncated) {
    box.append(el('p', { class: 'meta', text: `Only the first ${data.hits.length} passages are shown: open a search hit to see the passages around it.` }));
  } else if (query.has('passage')) {
    box.append(el('p', { class: 'meta', text: 'A long article: the passages around this one are shown.' }));
  }

  const names = new Map();
  for (const hit of data.hits) {
    for (const e of hit.entities || []) {
      if (BY_LABEL[e.label]) names.set(`${e.label}:${e.canonical}`, e);
    }
  }
  if (names.size) {
    const chips = el('div', { class: 'chips small' });
    for (const e of names.values()) {
      const kind = BY_LABEL[e.label];
      const href = `/?${new URLSearchParams({ [kind.param]: e.canonical }).toString()}`;
      chips.append(el('a', { class: `chip ${kind.param}`, href, dir: 'auto', text: e.canonical }));
    }
    box.append(chips);
  }

  let target = null;
  for (const hit of data.hits) {
    const p = el('p', { id: `p-${hit.passage}`, class: 'passage', tabindex: '-1' },
      el('span', { class: 'line', 'aria-hidden': 'true', text: String(hit.line) }),
      el('span', { class: 'body', dir: 'auto', text: flowing(hit.text) }));
    if (current !== null && String(hit.passage) === current) {
      p.classList.add('current');
      target = p;
    }
    box.append(p);
  }
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }
}

// ---- wiring ----

function route() {
  if (location.pathname === '/article') showArticle();
  else showSearch();
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const state = readState();
  navigate({ ...state, q: $('q').value.trim(), since: $('since').value.trim(), until: $('until').value.trim() },
    { keepFocus: true });
});
$('more').addEventListener('click', showMore);
$('sort').addEventListener('change', () => {
  if (location.pathname === '/article') return;
  navigate({ ...readState(), sort: $('sort').value }, { keepFocus: true });
});
$('clear-dates').addEventListener('click', () => {
  const state = readState();
  if (location.pathname === '/article') return;
  navigate({ ...state, since: '', until: '' }, { keepFocus: true });
});
// A timeline setting redraws the chart only, and is kept in the address
// (no new history entry: back still goes to the search before).
for (const [id, key] of [['tl-by', 'by'], ['tl-field', 'field']]) {
  $(id).addEventListener('change', () => {
    const state = { ...readState(), [key]: $(id).value };
    history.replaceState(history.state, '', searchUrl(state, shownCount()));
    sessionStorage.setItem(LAST_SEARCH, location.pathname + location.search);
    drawTimeline(state, generation);
  });
}
// The search form on the article page starts a new search.
window.addEventListener('popstate', route);
history.scrollRestoration = 'manual';
// Opened from the last search, "Back to results" steps back to it, where
// the page was left, as the browser's back button does; otherwise it is a
// link to that search.
$('back').addEventListener('click', (event) => {
  const last = sessionStorage.getItem(LAST_SEARCH);
  if (last && sessionStorage.getItem(OPENED_FROM) === last && history.length > 1) {
    event.preventDefault();
    history.back();
  }
});
window.addEventListener('pagehide', () => {
  if (location.pathname !== '/article') keepScroll();
});
route();
