// The web UI: every number on screen comes from the same REST API a script would use, with the user's
// own credentials; the page keeps its state (view, unit, year, scope, table, asOf, knownAt, scale) in the URL
// so that a view can be shared and reloaded.

const CREDENTIALS = 'budgetledger.credentials';
const USER = 'budgetledger.user';
const VIEWS = ['tables', 'charts', 'publication', 'checks', 'audit', 'import'];
/** SPEC §13: department (汇总, the unit and its descendants less the internal flows) or unit (本级, the unit alone). */
const SCOPES = { department: '汇总', unit: '本级' };
/** SPEC §12's unit types, as a reader knows them. */
const UNIT_TYPES = {
  ADMINISTRATIVE: '行政单位', CIVIL_SERVICE_MANAGED: '参照公务员法管理事业单位', PUBLIC_SERVICE_1: '公益一类事业单位',
  PUBLIC_SERVICE_2: '公益二类事业单位', SELF_FUNDED: '经费自理事业单位', OTHER: '其他',
};
const POLL_MILLIS = 500;
/** Transaction types (SPEC §4) as a finance officer names them. */
const TRANSACTION_TYPES = {
  APPROPRIATE: '指标下达', ADJUST: '指标追加/调减', TRANSFER: '指标调剂', PAY: '支付', REFUND: '支付退回', RECEIVE: '收入',
  OPENING_BALANCE: '年初结转和结余', USE_RESERVE: '使用结余', DISTRIBUTE_SURPLUS: '结余分配', SET_LIMIT: '“三公”经费预算',
  CARRY_OVER: '年终结转',
};
const FUNDS = {
  GENERAL_BUDGET: '一般公共预算财政拨款', GOV_FUND: '政府性基金预算财政拨款', STATE_CAPITAL: '国有资本经营预算财政拨款',
  SUPERIOR_SUBSIDY: '上级补助收入', BUSINESS: '事业收入', OPERATING: '经营收入', AFFILIATE: '附属单位上缴收入', OTHER: '其他收入',
};
const KINDS = {
  BASIC: '基本支出', PROJECT: '项目支出', REMIT_SUPERIOR: '上缴上级支出', OPERATING: '经营支出', SUBSIDY_AFFILIATE: '对附属单位补助支出',
};
const CATEGORIES = {
  ABROAD: '因公出国（境）费', VEHICLE_PURCHASE: '公务用车购置费', VEHICLE_OPERATION: '公务用车运行维护费', RECEPTION: '公务接待费',
};
/** Transactions per page of a drill-down. */
const DRILL_PAGE_SIZE = 20;

const $ = (id) => document.getElementById(id);

const state = {
  view: 'tables', unit: '', year: new Date().getFullYear(), scope: 'department', table: 'T01',
  asOf: '', knownAt: '', scale: 'wanyuan',
  // the instant of the published version the tables are compared with (与已公开版本比较), and a transaction whose
  // history the audit page opens with
  compare: '', transaction: '',
};
let historyAfter = 0;
/** The cell whose transactions are shown ({row, column, label}) and the page, or null. */
let drilled = null;
/** The units the caller may see, by code, as GET /api/v1/units lists them (today's names). */
let unitsByCode = new Map();

// ---- talking to the API ----------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set('Authorization', sessionStorage.getItem(CREDENTIALS) || '');
  // asks the server not to send a Basic challenge, so the browser shows no login dialog of its own
  headers.set('X-Requested-With', 'XMLHttpRequest');
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    logout();
    throw new ApiError(401, { detail: '请重新登录' });
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (ignored) { /* not problem+json */ }
    throw new ApiError(response.status, problem);
  }
  return response;
}

const json = async (path, options) => (await api(path, options)).json();

function showError(error) {
  $('message').textContent = error ? `出错了：${error.message}` : '';
}

async function guarded(action) {
  try {
    showError(null);
    await action();
  } catch (error) {
    showError(error);
  }
}

// ---- state in the URL ------------------------------------------------------------------------

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const key of Object.keys(state)) {
    if (params.has(key)) state[key] = params.get(key);
  }
  if (!VIEWS.includes(state.view)) state.view = 'tables';
  if (!(state.scope in SCOPES)) state.scope = 'department';
  state.year = Number(state.year) || new Date().getFullYear();
}

function writeUrl() {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== '' && value !== null) params.set(key, value);
  }
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

/** scope, asOf, knownAt and scale as query parameters for a report request. */
function timeParams(extra = {}) {
  const params = new URLSearchParams({ scope: state.scope, scale: state.scale, ...extra });
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.knownAt) params.set('knownAt', new Date(state.knownAt).toISOString());
  return params;
}

const reportPath = (table) => `/api/v1/reports/${encodeURIComponent(state.unit)}/${state.year}/${table}`;

// ---- login -----------------------------------------------------------------------------------

function logout() {
  sessionStorage.removeItem(CREDENTIALS);
  sessionStorage.removeItem(USER);
  $('app').hidden = true;
  $('login').hidden = false;
  $('login-user').focus();
}

async function login(event) {
  event.preventDefault();
  const user = $('login-user').value;
  // btoa only takes Latin-1: encode the UTF-8 bytes of the credentials
  const bytes = new TextEncoder().encode(`${user}:${$('login-password').value}`);
  sessionStorage.setItem(CREDENTIALS, `Basic ${btoa(String.fromCharCode(...bytes))}`);
  sessionStorage.setItem(USER, user);
  const response = await fetch('/api/v1/units', {
    headers: { Authorization: sessionStorage.getItem(CREDENTIALS), 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    sessionStorage.removeItem(CREDENTIALS);
    const problem = await response.json().catch(() => null);
    $('login-error').textContent = response.status === 401 ? '用户名或密码不正确'
      : (problem && problem.detail) || `登录失败（HTTP ${response.status}）`;
    return;
  }
  $('login-password').value = '';
  $('login-error').textContent = '';
  await start();
}

// ---- picker and time controls ----------------------------------------------------------------

const isoDate = (date) => date.toISOString().slice(0, 10);

function dayOfYear(iso) {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(state.year, 0, 1)) / 86400000);
}

function syncControls() {
  $('unit').value = state.unit;
  for (const radio of document.querySelectorAll('#scope input')) radio.checked = radio.value === state.scope;
  $('year').value = state.year;
  $('scale').value = state.scale;
  $('knownAt').value = state.knownAt;
  $('compare-knownAt').value = state.compare;
  $('compare-clear').hidden = !state.compare;
  const last = dayOfYear(`${state.year}-12-31`);
  $('asOf-slider').max = last;
  $('asOf').min = `${state.year}-01-01`;
  $('asOf').max = `${state.year}-12-31`;
  $('asOf').value = state.asOf || `${state.year}-12-31`;
  $('asOf-slider').value = dayOfYear($('asOf').value);
  for (const link of document.querySelectorAll('nav a')) {
    link.setAttribute('aria-current', link.dataset.view === state.view ? 'page' : 'false');
  }
  for (const button of document.querySelectorAll('[data-table]')) {
    button.setAttribute('aria-pressed', String(button.dataset.table === state.table));
  }
  for (const view of VIEWS) $(`view-${view}`).hidden = view !== state.view;
}

function change(updates) {
  Object.assign(state, updates);
  writeUrl();
  syncControls();
  return guarded(render);
}

function wireControls() {
  $('unit').addEventListener('change', () => guarded(async () => {
    const years = await reportedYears($('unit').value);
    await change({ unit: $('unit').value, year: years.includes(state.year) || !years.length ? state.year : years.at(-1) });
  }));
  $('year').addEventListener('change', () => change({ year: Number($('year').value), asOf: '' }));
  for (const radio of document.querySelectorAll('#scope input')) {
    radio.addEventListener('change', () => { if (radio.checked) change({ scope: radio.value }); });
  }
  $('scale').addEventListener('change', () => change({ scale: $('scale').value }));
  $('asOf').addEventListener('change', () => change({ asOf: $('asOf').value }));
  $('asOf-slider').addEventListener('input', () => {
    $('asOf').value = isoDate(new Date(Date.UTC(state.year, 0, 1 + Number($('asOf-slider').value))));
  });
  $('asOf-slider').addEventListener('change', () => change({ asOf: $('asOf').value }));
  $('knownAt').addEventListener('change', () => change({ knownAt: $('knownAt').value }));
  $('knownAt-clear').addEventListener('click', () => change({ knownAt: '' }));
  $('time').addEventListener('submit', (event) => event.preventDefault());
  $('picker').addEventListener('submit', (event) => event.preventDefault());
  for (const link of document.querySelectorAll('nav a')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      change({ view: link.dataset.view });
    });
  }
  for (const button of document.querySelectorAll('[data-table]')) {
    button.addEventListener('click', () => change({ table: button.dataset.table }));
  }
  $('download-csv').addEventListener('click', () => guarded(() =>
    download(`${reportPath(state.table)}?${timeParams({ format: 'csv' })}`)));
  $('download-xlsx').addEventListener('click', () => guarded(() =>
    download(`${reportPath(state.table)}?${timeParams({ format: 'xlsx' })}`)));
  $('download-workbook').addEventListener('click', () => guarded(() =>
    download(`${reportPath('workbook')}?${timeParams()}`)));
  $('form').addEventListener('click', (event) => {
    const cell = event.target.closest('td.drillable');
    if (cell) guarded(() => drill(cell, 0));
  });
  $('form').addEventListener('keydown', (event) => {
    const cell = event.target.closest('td.drillable');
    if (cell && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      guarded(() => drill(cell, 0));
    }
  });
  $('drill-previous').addEventListener('click', () => guarded(() => showDrill(drilled.page - 1)));
  $('drill-next').addEventListener('click', () => guarded(() => showDrill(drilled.page + 1)));
  $('drill-close').addEventListener('click', closeDrill);
  $('compare').addEventListener('submit', (event) => {
    event.preventDefault();
    change({ compare: $('compare-knownAt').value });
  });
  $('compare-clear').addEventListener('click', () => change({ compare: '' }));
  $('download-publication-docx').addEventListener('click', () => guarded(() =>
    download(`${publicationPath()}?${publicationParams({ format: 'docx' })}`)));
  $('download-publication-html').addEventListener('click', () => guarded(() =>
    download(`${publicationPath()}?${publicationParams({ format: 'html' })}`)));
  $('blanks-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(saveExplanations);
  });
  $('project').addEventListener('change', () => guarded(renderCharts));
  $('verify').addEventListener('click', () => guarded(verify));
  $('replay').addEventListener('click', () => guarded(replay));
  $('history-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(() => loadHistory(true));
  });
  $('history-more').addEventListener('click', () => guarded(() => loadHistory(false)));
  $('import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(importFile);
  });
  $('login-form').addEventListener('submit', (event) => guarded(() => login(event)));
  $('logout').addEventListener('click', logout);
}

/** Saves what the API answers as a file, under the name its Content-Disposition gives. */
async function download(path) {
  const response = await api(path);
  const disposition = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : 'report';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The first of the picker's first few units that has reports (a department before its units), else the first. */
async function firstUnitWithReports(tree) {
  const candidates = tree.slice(0, 10).map(({ unit }) => unit.code);
  const years = await Promise.all(candidates.map((code) =>
    json(`/api/v1/reports/${encodeURIComponent(code)}/years`).then((body) => body.years, () => [])));
  const found = candidates.findIndex((code, index) => years[index].length > 0);
  return found >= 0 ? candidates[found] : candidates[0] || '';
}

/** The years the unit has data for, offered beside the year field. */
async function reportedYears(unit) {
  const { years } = await json(`/api/v1/reports/${encodeURIComponent(unit)}/years`);
  $('years').replaceChildren(...years.map((year) => new Option(String(year), String(year))));
  return years;
}

// ---- units: the tree and the names ---------------------------------------------------------

const byCode = (left, right) => (left.code < right.code ? -1 : left.code > right.code ? 1 : 0);

/**
 * The units depth first, each department's units under it, in order of code, with their depth. A unit whose
 * parent the caller cannot see is a root, and so is every unit of a list without parents (a ledger before
 * SPEC §12): then the list is flat, as before.
 */
function unitTree(units) {
  const codes = new Set(units.map((unit) => unit.code));
  const children = new Map();
  const roots = [];
  for (const unit of [...units].sort(byCode)) {
    const parent = unit.parent && unit.parent !== unit.code && codes.has(unit.parent) ? unit.parent : null;
    if (parent === null) {
      roots.push(unit);
    } else {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(unit);
    }
  }
  const ordered = [];
  const placed = new Set();
  const place = (unit, depth) => {
    if (placed.has(unit.code)) return;
    placed.add(unit.code);
    ordered.push({ unit, depth, department: children.has(unit.code) });
    for (const child of children.get(unit.code) || []) place(child, depth + 1);
  };
  roots.forEach((root) => place(root, 0));
  // only a cycle, which the ledger refuses, leaves a unit unplaced: listed at the top rather than lost
  units.forEach((unit) => place(unit, 0));
  return ordered;
}

function unitOption({ unit, depth, department }) {
  // a select cannot nest: ideographic spaces indent a unit under its department
  const option = new Option(`${'\u3000'.repeat(depth)}${depth > 0 ? '└ ' : ''}${unit.code} ${unit.name}`, unit.code);
  option.dataset.depth = String(depth);
  if (department) option.dataset.department = 'true';
  if (unit.type in UNIT_TYPES) option.title = UNIT_TYPES[unit.type];
  return option;
}

/** The unit's name: the report's own (as of asOf, known at knownAt), else today's from the unit list, else the code. */
function unitName(code, body) {
  if (body && body.unitName) return body.unitName;
  const unit = unitsByCode.get(code);
  return unit && unit.name ? unit.name : code;
}

/** A unit as a reader names it: its name and, when the name is known, its code. */
function unitLabel(code) {
  const name = unitName(code);
  return name === code ? code : `${name}（${code}）`;
}

function showTitles(name) {
  const scope = SCOPES[state.scope];
  document.title = `${name} · ${state.year}年度（${scope}） · 预算账本`;
  $('tables-title').textContent = `${name} ${state.year}年度部门决算公开表（${scope}）`;
  $('charts-title').textContent = `执行进度 · ${name}（${scope}）`;
  $('checks-title').textContent = `审核公式（勾稽关系） · ${name}（${scope}）`;
}

// ---- views -----------------------------------------------------------------------------------

async function render() {
  if (!state.unit) return;
  showTitles(unitName(state.unit));
  switch (state.view) {
    case 'tables': return renderTable();
    case 'charts': return renderCharts();
    case 'publication': return renderPublication();
    case 'checks': return renderChecks();
    case 'audit':
      if (state.transaction) $('history-transaction').value = state.transaction;
      return loadHistory(true);
    default: return undefined;
  }
}

async function renderTable() {
  const holder = $('form');
  holder.setAttribute('aria-busy', 'true');
  const html = await (await api(`${reportPath(state.table)}?${timeParams({ format: 'html' })}`)).text();
  // the fragment is built by the server from the official layout, every text escaped there
  holder.innerHTML = html;
  // the 部门 line names the unit as of asOf, known at knownAt: the titles too; a projection that does not name
  // units yet prints the code there, replaced by today's name from the unit list
  const department = holder.querySelector('.form-meta span');
  const printed = department ? department.textContent.replace(/^部门：/, '') : '';
  if (printed === state.unit) {
    department.textContent = `部门：${unitName(state.unit)}`;
  } else if (printed) {
    showTitles(printed);
  }
  markDrillable(holder);
  holder.removeAttribute('aria-busy');
  closeDrill();
  await renderChanges();
}

// ---- drill-down: the transactions behind a cell ------------------------------------------------

/** Every non-zero amount that is a sum of transactions opens its list: by click, or by Enter when focused. */
function markDrillable(holder) {
  for (const cell of holder.querySelectorAll('td.amount[data-row]')) {
    if (Number(cell.textContent) === 0) continue;
    cell.classList.add('drillable');
    cell.tabIndex = 0;
    cell.title = '查看构成此数的交易';
  }
}

/** The label of a cell: its row's name (the text cells before it in the same block) and its column's header. */
function cellLabel(cell) {
  const row = cell.closest('tr');
  const texts = [...row.cells].slice(0, cell.cellIndex).reverse()
    .find((candidate) => !candidate.classList.contains('amount') && /[^\d\s.]/.test(candidate.textContent));
  return texts ? texts.textContent.trim() : cell.dataset.row;
}

async function drill(cell, page) {
  for (const selected of document.querySelectorAll('td.selected')) selected.classList.remove('selected');
  cell.classList.add('selected');
  drilled = { row: cell.dataset.row, column: cell.dataset.column, label: cellLabel(cell), shown: cell.textContent, page };
  await showDrill(page);
  $('drill').scrollIntoView({ block: 'nearest' });
}

async function showDrill(page) {
  const params = timeParams({ row: drilled.row, column: drilled.column, page, size: DRILL_PAGE_SIZE });
  params.delete('scale');
  const body = await json(`${reportPath(state.table)}/cells?${params}`);
  drilled.page = page;
  const unit = state.scale === 'wanyuan' ? '万元' : '元';
  $('drill-title').textContent = `单元格明细：${body.rowName || drilled.label} · ${body.columnName || body.column}`;
  $('drill-summary').textContent = `本格金额 ${body.cell} 元（表中 ${drilled.shown} ${unit}）；`
    + `第 ${page + 1} 页 ${body.transactions.length} 笔，本页合计 ${body.pageTotal} 元`
    + `${body.hasNext || page > 0 ? '' : '，各笔之和即本格金额'}`;
  document.querySelector('#drill .unit-column').hidden = state.scope !== 'department';
  $('drill-rows').replaceChildren(...body.transactions.map(transactionRow));
  $('drill-page').textContent = `第 ${page + 1} 页`;
  $('drill-previous').disabled = page === 0;
  $('drill-next').disabled = !body.hasNext;
  $('drill').hidden = false;
}

function closeDrill() {
  drilled = null;
  $('drill').hidden = true;
  for (const selected of document.querySelectorAll('td.selected')) selected.classList.remove('selected');
}

const coded = (code) => (code ? `${code.code} ${code.name}` : '');

/** A transaction as a row of the drill-down: its amount in this cell, with a link to its full history. */
function transactionRow(transaction) {
  const line = row([
    transaction.date, transaction.id || `#${transaction.sequence}`, TRANSACTION_TYPES[transaction.type] || transaction.type || '',
    transaction.unit ? unitLabel(transaction.unit) : '',
    transaction.subject ? coded(transaction.subject) : CATEGORIES[transaction.category] || '',
    coded(transaction.economic), FUNDS[transaction.fund] || '', KINDS[transaction.kind] || '', transaction.project || '',
    transaction.amount, transaction.memo || '', transaction.voucher || '', transaction.principal || '',
    new Date(transaction.recordedAt).toLocaleString('zh-CN'), '',
  ]);
  line.cells[3].hidden = state.scope !== 'department';
  line.cells[9].className = 'number';
  line.dataset.sequence = String(transaction.sequence);
  if (transaction.id) line.cells[14].append(historyLink(transaction));
  return line;
}

/** The audit page's history of the transaction (its events in the ledger), for its own unit. */
function historyLink(transaction) {
  const link = document.createElement('a');
  const params = new URLSearchParams({
    view: 'audit', unit: transaction.unit || state.unit, year: state.year, transaction: transaction.id,
  });
  link.href = `${location.pathname}?${params}`;
  link.textContent = '历史';
  link.title = `交易 ${transaction.id} 的完整历史`;
  return link;
}

// ---- what changed since the published version ----------------------------------------------------

async function renderChanges() {
  $('changes').hidden = !state.compare;
  for (const changed of document.querySelectorAll('td.changed')) changed.classList.remove('changed');
  if (!state.compare) return;
  const params = timeParams({ knownAt1: new Date(state.compare).toISOString(), size: 50 });
  params.delete('scale');
  if (state.knownAt) {
    params.set('knownAt2', params.get('knownAt'));
    params.delete('knownAt');
  }
  const body = await json(`${reportPath(state.table)}/diff?${params}`);
  const published = new Date(body.first.knownAt).toLocaleString('zh-CN');
  $('changes-summary').textContent = body.cells.length === 0
    ? `自 ${published} 公开以来，本表没有变动`
    : `自 ${published} 公开以来，本表 ${body.cells.length} 个单元格有变动${body.complete ? '' : '（变动交易过多，未逐笔列出）'}`;
  $('changes-summary').className = `summary ${body.cells.length === 0 ? 'ok' : 'bad'}`;
  const rows = [];
  for (const cell of body.cells) {
    const line = row([cell.rowName || cell.row, cell.columnName || cell.column, cell.before ?? '', cell.after ?? '',
      cell.change ?? '', cell.transactionCount ?? '']);
    line.className = 'changed-cell';
    line.dataset.row = cell.row;
    line.dataset.column = cell.column;
    for (const index of [2, 3, 4]) line.cells[index].className = 'number';
    rows.push(line);
    if (cell.transactions && cell.transactions.length) rows.push(changeTransactions(cell));
    const shown = [...document.querySelectorAll('#form td.amount[data-row]')]
      .find((candidate) => candidate.dataset.row === cell.row && candidate.dataset.column === cell.column);
    if (shown) shown.classList.add('changed');
  }
  $('changes-rows').replaceChildren(...rows);
}

/** The transactions behind one changed cell: posted (or backdated) since, each as it counts in the cell. */
function changeTransactions(cell) {
  const holder = document.createElement('tr');
  holder.className = 'transactions';
  const td = document.createElement('td');
  td.colSpan = 6;
  const table = document.createElement('table');
  table.className = 'list';
  const head = row(['业务日期', '交易号', '类型', '本格变动（元）', '摘要', '凭证号', '经办人', '记录时间', '历史']);
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const transaction of cell.transactions) {
    const line = row([transaction.date, transaction.id || `#${transaction.sequence}`,
      TRANSACTION_TYPES[transaction.type] || transaction.type || '', transaction.amount, transaction.memo || '',
      transaction.voucher || '', transaction.principal || '', new Date(transaction.recordedAt).toLocaleString('zh-CN'), '']);
    line.cells[3].className = 'number';
    if (transaction.id) line.cells[8].append(historyLink(transaction));
    tbody.append(line);
  }
  table.append(thead, tbody);
  const more = cell.transactionCount > cell.transactions.length
    ? `（共 ${cell.transactionCount} 笔，列出前 ${cell.transactions.length} 笔）` : '';
  td.append(table, more);
  holder.append(td);
  return holder;
}

// ---- the publication (部门决算公开文本, SPEC §15) ---------------------------------------------------

const publicationPath = () => `/api/v1/publications/${encodeURIComponent(state.unit)}/${state.year}`;

/** scope, asOf and knownAt for the publication (always in 万元, as published). */
function publicationParams(extra = {}) {
  const params = timeParams(extra);
  params.delete('scale');
  return params;
}

/** The profile as known, kept to be sent back whole with the blanks' texts (a profile is set whole). */
let shownProfile = null;

async function renderPublication(minSequence) {
  const extra = minSequence ? { format: 'json', minSequence, wait: 'PT5S' } : { format: 'json' };
  const body = await json(`${publicationPath()}?${publicationParams(extra)}`);
  shownProfile = body.profile;
  $('publication-title').textContent = body.title;
  $('publication-stamp').textContent = body.stamp;
  renderBlanks(body.blanks);
  const article = $('publication');
  article.replaceChildren(...body.parts.map(publicationPart));
}

function publicationPart(part) {
  const section = document.createElement('section');
  section.className = 'publication-part';
  section.dataset.part = part.key;
  section.append(element('h3', part.title));
  for (const content of part.sections) {
    if (content.title) section.append(element('h4', content.title));
    for (const paragraph of content.paragraphs) section.append(publicationParagraph(paragraph));
    for (const table of content.tables) {
      const holder = document.createElement('div');
      holder.className = 'form-holder';
      // the fragment is built by the server from the official layout, every text escaped there
      holder.innerHTML = table;
      section.append(holder);
    }
    for (const sheet of content.executions) section.append(executionSheet(sheet));
  }
  return section;
}

function publicationParagraph(paragraph) {
  const block = document.createElement(paragraph.heading ? 'h5' : 'p');
  for (const segment of paragraph.segments) {
    if (segment.type === 'words') {
      block.append(document.createTextNode(segment.text));
    } else {
      const span = element(segment.type === 'blank' && segment.open ? 'mark' : 'span', segment.text);
      span.className = segment.type;
      if (segment.type === 'figure') span.dataset.figure = segment.figure;
      if (segment.type === 'blank') {
        span.dataset.blank = segment.key;
        span.title = segment.label;
      }
      block.append(span);
    }
  }
  return block;
}

function executionSheet(sheet) {
  const table = document.createElement('table');
  table.className = 'list';
  table.append(element('caption', `项目支出名称：${sheet.title}（万元）`));
  const head = row(['项目资金', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  table.append(head);
  for (const line of sheet.lines) {
    table.append(row([line.label, line.initialBudget, line.fullYearBudget, line.executed, line.weight,
      line.rate ? `${line.rate}%` : '', line.score]));
  }
  return table;
}

function element(tag, text) {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

/** The blanks (主要原因是…): each with what it asks for and a field for its text; the filled ones with theirs. */
function renderBlanks(blanks) {
  const open = blanks.filter((blank) => !blank.filled).length;
  $('blanks-summary').textContent = blanks.length === 0 ? '没有待填写的说明'
    : `${open} 处待填写，${blanks.length - open} 处已填写（保存后写入单位年度概况，需管理员权限）`;
  $('blanks-summary').className = `summary ${open === 0 ? 'ok' : 'bad'}`;
  $('blanks-saved').textContent = '';
  $('blanks-list').replaceChildren(...blanks.map((blank) => {
    const item = document.createElement('li');
    const label = element('label', blank.label);
    if (blank.context) label.append(element('span', `（${blank.context}……）`));
    const input = document.createElement('textarea');
    input.id = `blank-${blank.key}`;
    input.name = blank.key;
    input.rows = 2;
    input.maxLength = 2000;
    input.value = blank.filled || '';
    label.htmlFor = input.id;
    item.append(label, input);
    return item;
  }));
}

/** Sends the profile back whole, with the blanks' texts as its explanations; then shows the document again. */
async function saveExplanations() {
  const explanations = { ...((shownProfile && shownProfile.explanations) || {}) };
  for (const input of $('blanks-list').querySelectorAll('textarea')) {
    if (input.value.trim()) {
      explanations[input.name] = input.value.trim();
    } else {
      delete explanations[input.name];
    }
  }
  const profile = shownProfile || {};
  const body = {
    functions: profile.functions ?? null, organisation: profile.organisation ?? null, assets: profile.assets ?? null,
    performance: profile.performance ?? null, explanations,
  };
  const answer = await json(`/api/v1/units/${encodeURIComponent(state.unit)}/years/${state.year}/profile`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  await renderPublication(answer.sequence);
  $('blanks-saved').textContent = `已保存（序号 ${answer.sequence}）`;
}

/** 内部往来核对 (SPEC §13): the entries of a department's checks that name a payer and a receiver. */
const isInternalFlow = (check) => Boolean(check.payer && check.receiver);

async function renderChecks() {
  const body = await json(`${reportPath('checks')}?${timeParams()}`);
  showTitles(unitName(state.unit, body));
  const failed = body.checks.filter((check) => !check.ok).length;
  $('checks-summary').textContent = failed === 0
    ? `全部 ${body.checks.length} 条审核公式通过`
    : `${failed} 条未通过（共 ${body.checks.length} 条）`;
  $('checks-summary').className = `summary ${failed === 0 ? 'ok' : 'bad'}`;
  const rows = $('checks-rows');
  rows.replaceChildren(...body.checks.filter((check) => !isInternalFlow(check)).map((check) => row([
    check.name, check.description, check.left, check.right, check.ok ? '通过' : '未通过',
  ], check.ok ? 'ok' : 'bad')));
  renderInternalFlows(body.checks.filter(isInternalFlow));
}

function renderInternalFlows(flows) {
  $('flows').hidden = flows.length === 0;
  $('identities-title').hidden = flows.length === 0;
  const failing = flows.filter((check) => !check.ok);
  $('flows-summary').textContent = failing.length === 0
    ? `内部往来全部相符（${flows.length} 条）`
    : `内部往来不符 ${failing.length} 条：${failing.map((check) =>
      `${unitLabel(check.payer)} → ${unitLabel(check.receiver)}`).join('；')}`;
  $('flows-summary').className = `summary ${failing.length === 0 ? 'ok' : 'bad'}`;
  $('flows-rows').replaceChildren(...flows.map((check) => {
    const line = row([`${unitLabel(check.payer)} →`, unitLabel(check.receiver), check.description, check.left,
      check.right, check.ok ? '相符' : '不符'], check.ok ? 'ok' : 'bad flagged');
    line.dataset.payer = check.payer;
    line.dataset.receiver = check.receiver;
    return line;
  }));
}

function row(cells, className) {
  const tr = document.createElement('tr');
  if (className) tr.className = className;
  for (const cell of cells) {
    const td = document.createElement('td');
    td.textContent = cell === null || cell === undefined ? '' : String(cell);
    tr.append(td);
  }
  return tr;
}

const MONTHS = Array.from({ length: 12 }, (unused, index) => index + 1);

function monthEnd(month) {
  return isoDate(new Date(Date.UTC(state.year, month, 0)));
}

/** A project's name; at department scope a row is a (unit, project), named {unit}/{project}: the unit by its name. */
function projectName(line) {
  const slash = line.code.indexOf('/');
  const unit = slash > 0 ? line.code.slice(0, slash) : '';
  if (state.scope !== 'department' || !unitsByCode.has(unit)) return line.name;
  const project = line.name.startsWith(`${unit}/`) ? line.name.slice(unit.length + 1) : line.name;
  return `${unitName(unit)}：${project}`;
}

const chartOf = (id) => echarts.getInstanceByDom($(id)) || echarts.init($(id));

/** SPEC §14's alerts as a finance officer names them. */
const ALERT_KINDS = {
  BEHIND_SCHEDULE: '执行进度滞后', OVERDUE_COMMITMENT: '计划支付逾期', YEAR_END_FORECAST: '年终执行预计不足',
  THREE_PUBLIC_NEAR_LIMIT: '“三公”经费接近预算',
};
const ALERT_SUBJECTS = { line: '预算指标', project: '项目', category: '“三公”类别' };

async function renderCharts() {
  // one execution report per month end up to asOf (the last point at asOf): the curve per project and in total;
  // the series (as known at knownAt) adds what is scheduled and 序时进度 at every month end of the year
  const asOf = state.asOf || `${state.year}-12-31`;
  const months = MONTHS.filter((month) => monthEnd(month - 1) < asOf);
  const [reports, alerts, commitments] = await Promise.all([
    Promise.all(months.map((month) => json(`${reportPath('execution')}?${
      timeParams({ asOf: monthEnd(month) < asOf ? monthEnd(month) : asOf })}`))),
    json(`${reportPath('alerts')}?${timeParams()}`),
    json(`${reportPath('commitments')}?${timeParams()}`),
  ]);
  const projects = new Map();
  for (const report of reports) {
    for (const line of report.rows) {
      if (line.part === 'all' && line.code !== 'TOTAL') projects.set(line.code, projectName(line));
    }
  }
  if (reports.length) showTitles(unitName(state.unit, reports.at(-1)));
  const select = $('project');
  const chosen = select.value || 'TOTAL';
  select.replaceChildren(new Option('合计（全部项目资金）', 'TOTAL'),
    ...[...projects].map(([code, name]) => new Option(name, code)));
  select.value = projects.has(chosen) ? chosen : 'TOTAL';
  const series = await json(`${reportPath('execution/series')}?${
    timeParams(select.value === 'TOTAL' ? {} : { project: select.value })}`);
  const pick = (report, column) => {
    const line = report.rows.find((candidate) => candidate.part === 'all' && candidate.code === select.value);
    return line ? Number(line.values[column]) : 0;
  };
  const unitLabel = state.scale === 'wanyuan' ? '万元' : '元';
  chartOf('chart-progress').setOption({
    animation: false,
    title: { text: `执行进度（${unitLabel}）`, left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { bottom: 60 },
    xAxis: { type: 'category', data: MONTHS.map((month) => `${month}月`) },
    yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }],
    series: [
      { name: '全年预算数', type: 'line', step: 'end', data: reports.map((report) => pick(report, 'full_year_budget')) },
      { name: '执行数', type: 'line', stack: 'spent', areaStyle: {}, data: reports.map((report) => pick(report, 'executed')) },
      // stacked on the executed amount: the band between paid and paid plus committed
      { name: '冻结未支付', type: 'line', stack: 'spent', areaStyle: { opacity: 0.35 }, lineStyle: { type: 'dotted' },
        data: reports.map((report) => pick(report, 'committed')) },
      { name: '计划支付（已付＋到期）', type: 'line', lineStyle: { type: 'dashed' },
        data: series.points.map((point) => Number(point.scheduled)) },
      { name: '执行率', type: 'line', yAxisIndex: 1, data: reports.map((report) => pick(report, 'rate')) },
      { name: '序时进度', type: 'line', yAxisIndex: 1, lineStyle: { type: 'dashed' }, symbol: 'none',
        data: series.points.map((point) => Number(point.elapsed)) },
    ],
  }, true);
  renderAlerts(alerts);
  renderCommitments(commitments.filter((commitment) => select.value === 'TOTAL' || commitment.project === select.value));

  const spending = await json(`${reportPath('T03')}?${timeParams()}`);
  const classes = spending.rows.filter((line) => line.code.length === 3 && Number(line.values.total) !== 0);
  chartOf('chart-classes').setOption({
    animation: false,
    title: { text: `按功能分类（类）（${unitLabel}）`, left: 'center' },
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: '60%',
      data: classes.map((line) => ({ name: `${line.code} ${line.name}`, value: Number(line.values.total) })) }],
  }, true);
  const total = spending.rows.find((line) => line.code === 'TOTAL');
  chartOf('chart-kinds').setOption({
    animation: false,
    title: { text: `基本支出与项目支出（${unitLabel}）`, left: 'center' },
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '60%'], data: [
      { name: '基本支出', value: Number(total.values.basic) },
      { name: '项目支出', value: Number(total.values.project) },
    ] }],
  }, true);
}

/** The alerts as the API words them (detail is written for a finance officer), the most pressing marked. */
function renderAlerts(alerts) {
  const critical = alerts.filter((alert) => alert.severity === 'CRITICAL').length;
  $('alerts-summary').textContent = alerts.length === 0 ? '暂无预警'
    : `共 ${alerts.length} 条预警${critical ? `，其中 ${critical} 条需立即处理` : ''}`;
  $('alerts-summary').className = `summary ${alerts.length === 0 ? 'ok' : 'bad'}`;
  $('alerts-list').replaceChildren(...alerts.map((alert) => {
    const item = document.createElement('li');
    item.className = alert.severity === 'CRITICAL' ? 'critical' : 'warning';
    item.dataset.code = alert.code;
    item.dataset.subject = alert.subject;
    item.dataset.id = alert.id;
    const kind = document.createElement('span');
    kind.className = 'alert-kind';
    kind.textContent = `${alert.severity === 'CRITICAL' ? '【紧急】' : '【提示】'}${ALERT_KINDS[alert.code] || alert.code}`;
    kind.title = `${ALERT_SUBJECTS[alert.subject] || alert.subject}：${alert.id}`;
    const detail = document.createElement('span');
    detail.className = 'alert-detail';
    detail.textContent = alert.detail;
    item.append(kind, detail);
    return item;
  }));
}

/** An amount in 元 as the API writes it ("-12.30"), in 分, exactly. */
function fen(yuan) {
  const [whole, fraction = ''] = yuan.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return yuan.startsWith('-') ? -value : value;
}

function formatFen(value) {
  const sign = value < 0n ? '-' : '';
  const absolute = value < 0n ? -value : value;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** The commitments per project and line (SPEC §14), each with what is open, overdue and still to be paid when. */
function renderCommitments(commitments) {
  const sorted = [...commitments].sort((left, right) => (left.project || '').localeCompare(right.project || '')
    || left.line.localeCompare(right.line) || left.id.localeCompare(right.id));
  const open = sorted.reduce((sum, commitment) => sum + fen(commitment.open), 0n);
  const overdue = sorted.reduce((sum, commitment) => sum + fen(commitment.overdue), 0n);
  $('commitments-summary').textContent = sorted.length === 0 ? '暂无冻结'
    : `共 ${sorted.length} 笔冻结，未支付 ${formatFen(open)} 元${overdue > 0n ? `，其中逾期 ${formatFen(overdue)} 元` : ''}`;
  $('commitments-summary').className = `summary ${overdue > 0n ? 'bad' : ''}`;
  $('commitments-rows').replaceChildren(...sorted.map((commitment) => {
    const line = row([commitment.project || '（基本支出）', commitment.line, commitment.id, commitment.contract,
      commitment.payee, commitment.amount, commitment.paid, commitment.released, commitment.open, commitment.overdue,
      commitment.schedule.map((due) => `${due.date} ${due.amount}`).join('；')], fen(commitment.overdue) > 0n ? 'bad' : '');
    for (const cell of [...line.children].slice(5, 10)) cell.className = 'amount';
    line.dataset.commitment = commitment.id;
    return line;
  }));
}

// ---- audit -----------------------------------------------------------------------------------

async function loadHistory(fresh) {
  if (fresh) historyAfter = 0;
  const filter = new FormData($('history-filter'));
  const params = new URLSearchParams({ unit: state.unit, year: state.year, afterSequence: historyAfter, limit: 50 });
  for (const [key, value] of filter) if (value) params.set(key, value);
  const page = await json(`/api/v1/audit/events?${params}`);
  const rows = page.events.map((event) => row([
    event.sequence, event.type, event.transactionId, event.effectiveDate,
    new Date(event.recordedAt).toLocaleString('zh-CN'), event.principal, event.payload.amount,
  ]));
  if (fresh) $('history-rows').replaceChildren(...rows); else $('history-rows').append(...rows);
  if (page.events.length > 0) historyAfter = page.events[page.events.length - 1].sequence;
  $('history-more').hidden = !page.next;
}

async function verify() {
  $('verify-result').textContent = '校验中…';
  const result = await json('/api/v1/audit/verify', { method: 'POST' });
  $('verify-result').className = `summary ${result.ok ? 'ok' : 'bad'}`;
  $('verify-result').textContent = result.ok
    ? `完整：已校验 ${result.checkedEvents} 个事件，哈希链与签章均一致`
    : `发现篡改：序号 ${result.firstOffending.sequence}，${result.firstOffending.problem}`;
}

/** Polls until {@code done(body)}, calling {@code progress(body)} on every answer. */
async function poll(path, progress, done) {
  for (;;) {
    const body = await json(path);
    progress(body);
    if (done(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, POLL_MILLIS));
  }
}

function showProgress(bar, label, processed, total) {
  const percent = total > 0 ? Math.floor((100 * processed) / total) : 0;
  $(bar).value = percent;
  $(label).textContent = `${percent}%`;
}

async function replay() {
  $('replay-result').textContent = '';
  showProgress('replay-progress', 'replay-percent', 0, 1);
  const request = { unit: state.unit, year: state.year };
  if (state.knownAt) request.knownAt = new Date(state.knownAt).toISOString();
  const started = await json('/api/v1/audit/replays', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request),
  });
  const result = await poll(started.url,
    (body) => showProgress('replay-progress', 'replay-percent', body.processed, body.total || 1),
    (body) => body.status !== 'RUNNING' && body.status !== 'QUEUED');
  if (result.status === 'SUCCEEDED') showProgress('replay-progress', 'replay-percent', 1, 1);
  $('replay-result').className = `summary ${result.identical ? 'ok' : 'bad'}`;
  $('replay-result').textContent = result.status !== 'SUCCEEDED'
    ? `重放失败：${result.error || result.status}`
    : result.identical
      ? `重放完成：${result.processed} 个事件，重建的报表与当前报表完全一致`
      : `重放完成：${result.differenceCount} 处不一致`;
}

// ---- import ----------------------------------------------------------------------------------

async function importFile() {
  const form = new FormData($('import-form'));
  const params = new URLSearchParams({ mode: form.get('mode'), charset: form.get('charset') });
  const upload = new FormData();
  upload.append('file', form.get('file'));
  $('import-problems').hidden = true;
  $('import-summary').textContent = '上传中…';
  showProgress('import-progress', 'import-percent', 0, 1);
  const response = await api(`/api/v1/transactions:import?${params}`, { method: 'POST', body: upload });
  const job = await poll(response.headers.get('Location'),
    (body) => showProgress('import-progress', 'import-percent', body.processed, body.rows || 1),
    (body) => body.status !== 'RUNNING');
  const summary = {
    COMPLETED: `导入完成：共 ${job.rows} 行，新增 ${job.created}，已存在未变 ${job.unchanged}，错误 ${job.rejected}`,
    REJECTED: `未导入：${job.rejected} 行有错误，其余 ${job.rows - job.rejected} 行也未导入（可改正后重新上传，或选择“导入有效行”）`,
  }[job.status] || `导入失败：${job.error || job.status}`;
  $('import-summary').textContent = summary;
  $('import-summary').className = `summary ${job.status === 'COMPLETED' && job.rejected === 0 ? 'ok' : 'bad'}`;
  $('import-problem-rows').replaceChildren(...job.problems.map((problem) => row([
    problem.row, problem.id, problem.code, [problem.detail, ...(problem.errors || [])
      .filter((error) => !problem.detail.includes(error.message)).map((error) => `${error.field}: ${error.message}`)].join('；'),
  ])));
  $('import-problems').hidden = job.problems.length === 0;
}

// ---- start -----------------------------------------------------------------------------------

async function start() {
  $('login').hidden = true;
  $('app').hidden = false;
  $('who').textContent = sessionStorage.getItem(USER) || '';
  readUrl();
  const units = await json('/api/v1/units');
  unitsByCode = new Map(units.map((unit) => [unit.code, unit]));
  const tree = unitTree(units);
  $('unit').replaceChildren(...tree.map(unitOption));
  if (!unitsByCode.has(state.unit)) state.unit = await firstUnitWithReports(tree);
  if (!state.unit) showError(new Error('没有可查看的单位'));
  const years = state.unit ? await reportedYears(state.unit) : [];
  // without a year in the URL, the newest year that has data
  if (!new URLSearchParams(location.search).has('year') && years.length) state.year = years.at(-1);
  writeUrl();
  syncControls();
  await guarded(render);
}

wireControls();
if (sessionStorage.getItem(CREDENTIALS)) {
  guarded(start);
} else {
  logout();
}
