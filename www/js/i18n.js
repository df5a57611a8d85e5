// Interface strings in 中文 and English, and labels for data values (regions, themes, focus areas,
// levels, agency types). `t(key)` reads the current language, set once per render from the state.

const strings = {
  title: ['知识产权规划比较', 'Compare IP plans'],
  loading: ['正在加载…', 'Loading…'],
  loadFailed: ['加载失败：', 'Could not load: '],
  explore: ['浏览', 'Explore'],
  themes: ['主题', 'Themes'],
  diff: ['比较两份规划', 'Diff'],
  own: ['我的规划', 'Your own plan'],
  patterns: ['规律', 'Patterns'],
  patternsIntro: ['31 个省级工作要点依同一模板写成：谁与谁文字相同、各地如何偏离模板、各地承诺了哪些数字。每项结果都标明原文行号。', 'The 31 provincial work points follow one national template: who shares text with whom, how each province departs from the template, and what plans promise in numbers. Every result cites its seed lines.'],
  similarityTitle: ['谁与谁文字相同', 'Who copied most from whom'],
  similarityNote: ['单元格：行规划的措施文字中，也以 {n} 字以上相同段落出现在列规划中的比例（模板“工作内容”措辞不计为抄写）。点击单元格查看相同段落。', 'A cell: the share of the row plan’s measure text also found in the column plan as passages of {n}+ characters (the template’s 工作内容 wording does not count as copying). Click a cell for the shared passages.'],
  similarityCaption: ['规划 × 规划：相同文字比例（按聚类排序）', 'Plans × plans: share of text found in the other plan (clustered)'],
  topPairs: ['文字最相近的规划', 'Most similar pairs'],
  aInB: ['见于', 'found in'],
  bInA: ['反向', 'reverse'],
  pairsOf: ['{n} 份规划两两比较', '{n} plans compared pair by pair'],
  evidence: ['相同段落', 'Shared passages'],
  passages: ['段', 'passages'],
  chars: ['字', 'characters'],
  ownText: ['独有文字', 'own text of'],
  noPassages: ['两份规划没有 15 字以上的相同段落。', 'The two plans share no passage of 15 characters or more.'],
  templateApart: ['另列：{n} 段模板措辞，{m} 项共同的模板工作内容', 'Set apart: {n} passages of template wording, {m} template work items both follow'],
  templateTitle: ['各地如何偏离国家模板', 'Departures from the national template'],
  templateCaption: ['模板工作内容 × 省级规划（数字为措施条数，– 为未列）', 'Template work items × provincial tables (number of measures; – dropped)'],
  workItem: ['工作内容', 'Work item'],
  keptDroppedAdded: ['保留/未列/新增', 'kept/dropped/added'],
  drop: ['地未列', 'drop'],
  droppedBy: ['{n} 个地区未列此项', 'dropped by {n} tables'],
  ownItemsOf: ['某地新增的工作', 'Own items of'],
  ownItemsTitle: ['{plan} 在模板之外做的 {n} 项工作（保留模板 {kept} 项，未列 {dropped} 项）', 'What {plan} does that the template does not: {n} items (keeps {kept} template items, drops {dropped})'],
  notTemplate: ['非模板工作内容', 'not a template item'],
  droppedItems: ['未列的模板工作内容（{n}）', 'Template items dropped ({n})'],
  indicatorsTitle: ['各地承诺了哪些数字', 'What plans promise in numbers'],
  indicatorsNote: ['从措施文字中读出的 {n} 项量化承诺，来自 {m} 份规划；可按主题或工作内容筛选。', '{n} quantitative commitments read from the measures of {m} plans; filter by theme or work item.'],
  unit: ['单位', 'Unit'],
  barsCaption: ['各规划承诺合计（{unit}；括号内为条数）', 'Total promised per plan ({unit}; count in brackets)'],
  language: ['语言', 'Language'],
  nav: ['视图', 'Views'],
  plan: ['规划', 'Plan'],
  region: ['地区', 'Region'],
  level: ['层级', 'Level'],
  year: ['年份', 'Year'],
  focus: ['工作重点', 'Focus area'],
  agency: ['部门类型', 'Agency'],
  theme: ['主题', 'Theme'],
  any: ['（全部）', '(any)'],
  search: ['搜索（中文或英文）', 'Search (Chinese or English)'],
  searchButton: ['搜索', 'Search'],
  filters: ['筛选', 'Filters'],
  clear: ['清除筛选', 'Clear filters'],
  results: ['条措施', 'measures'],
  more: ['显示更多', 'Show more'],
  cite: ['引用', 'Cite'],
  copied: ['已复制引用：', 'Copied citation: '],
  citeText: ['引用：', 'Citation: '],
  departments: ['责任部门', 'Departments'],
  lines: ['行', 'lines'],
  exportCsv: ['导出 CSV', 'Export CSV'],
  exportJson: ['导出 JSON', 'Export JSON'],
  noThemes: ['当前数据目录未包含主题分类。', 'This data directory carries no theme taxonomy.'],
  none: ['无', 'none'],
  lead: ['牵头', 'lead'],
  support: ['配合', 'support'],
  planA: ['规划 A', 'Plan A'],
  planB: ['规划 B', 'Plan B'],
  compareButton: ['比较', 'Compare'],
  aligned: ['对应措施', 'Aligned measures'],
  onlyIn: ['仅见于', 'Only in'],
  agencies: ['部门类型', 'Agency types'],
  shared: ['共有', 'Shared'],
  targets: ['指标', 'Targets'],
  score: ['相似度', 'similarity'],
  heatmap: ['规划 × 主题', 'Plans × themes'],
  sortBy: ['按此排序', 'Sort by this column'],
  perTheme: ['各地区做法', 'What each region does'],
  noMeasures: ['没有措施', 'no measures'],
  ownIntro: ['粘贴一份规划文本，在浏览器中解析并与内置规划比较；文本不会离开浏览器。', 'Paste a plan’s text to parse it and compare it with the bundled plans; the text never leaves your browser.'],
  planText: ['规划文本', 'Plan text'],
  openFile: ['或打开保存的文件（文本、网页、Word .docx 或 PDF）：', 'or open a saved file (text, web page, Word .docx or PDF):'],
  fileEncoding: ['按 {encoding} 编码读取', 'read as {encoding}'],
  filePage: ['按网页读取：取其显示的文字，每段、每个表格行一行，单元格以制表符分隔', 'read as a web page: the text it shows, one line per paragraph and table row, cells separated by tabs'],
  fileUnread: ['无法读取 {name}：{error}', 'Could not read {name}: {error}'],
  fileTooLarge: ['文件过大（最多 8 MB）', 'the file is too large (at most 8 MB)'],
  fileDocx: ['按 Word 文档读取：每段、每个表格行一行，单元格以制表符分隔，自动编号照印', 'read as a Word document: one line per paragraph and table row, cells separated by tabs, list numbers as Word prints them'],
  filePdf: ['按 PDF 读取：每个印刷行一行，有框线的表格每行一行，请核对文字（PDF 不保存段落，无框线表格中折行的单元格无法还原成行）', 'read as a PDF: one line per printed line, a table with borders one line per row; check the text (a PDF keeps no paragraphs, and a table without borders whose cells wrap does not come back as rows)'],
  fileNotText: ['不是文本文件（旧版 .doc 文件请先另存为 .docx、文本或网页）', 'not a text file (save an old .doc file as .docx, as text or as a web page first)'],
  fileDamaged: ['文件已损坏，或不是其名称所示的格式', 'the file is damaged or is not what its name says'],
  pdfUnavailable: ['无法加载 PDF 阅读器（是否离线？）', 'the PDF reader could not be loaded (offline?)'],
  pdfLocked: ['PDF 有密码保护，无法读取', 'the PDF is locked by a password'],
  pdfNoText: ['PDF 中没有文字（扫描件？），无法读取其内容', 'the PDF holds no text (a scanned image?): its words cannot be read'],
  regionInput: ['地区（如 深圳市）', 'Region (as printed, e.g. 深圳市)'],
  fromText: ['从文本中读取', 'read from the text'],
  parse: ['解析', 'Parse'],
  remove: ['移除', 'Remove'],
  measuresFound: ['解析出的措施', 'Measures found'],
  unassigned: ['未归入的行', 'Unassigned lines'],
  diagnostics: ['诊断信息', 'Diagnostics'],
  compareWith: ['与内置规划比较', 'Compare with a bundled plan'],
  line: ['第 {n} 行', 'line {n}'],
  error: ['错误：', 'Error: '],
  badState: ['链接中有无效参数，已忽略：', 'Ignored invalid link parameters: '],
  national: ['国家级', 'national'],
  // Diagnostic codes of the parser (src/parse/mod.rs), so a page can say each in the reader's language.
  province: ['省级', 'province'],
  city: ['市级', 'city'],
  district: ['区县级', 'district'],
  openFull: ['在完整页面打开', 'Open in the full page'],
  matchesFor: ['匹配', 'matches for'],
  view: ['视图', 'view'],
  touches: ['文本涉及的主题', 'Themes the text touches'],
  'by-workItem': ['同一工作内容', 'same work item'],
  'by-focus': ['同一工作重点，文字相近', 'same focus area, similar text'],
  'by-text': ['文字相近', 'similar text'],
  'by-continues': ['一对多（两份规划粒度不同）', 'many-to-one (the plans differ in grain)'],
  continuesN: ['延续 {n} 条措施', 'continues {n} measures'],
  ofPlan: ['（{plan}）', 'of {plan}'],
  contained: ['文字包含', 'wording contained'],
  compareItem: ['比较各地同一工作内容', 'Compare this work item across plans'],
  perItem: ['各地同一工作内容', 'One work item across plans'],
  byPlan: ['按规划', 'By plan'],
  searchedFor: ['检索', 'Searched for'],
  'from-query': ['按输入（繁体按简体）', 'as typed (Traditional script as Simplified)'],
  'from-glossary': ['术语表译自英文', 'glossary, from English'],
  'from-dictionary': ['CC-CEDICT 词典译自英文', 'CC-CEDICT, from English'],
  'from-joined': ['英文相邻两词的译文连写', 'two English words in a row, translated together'],
  'from-equivalent': ['同义形式', 'another form'],
  colourBy: ['颜色表示', 'Colour by'],
  byShare: ['该主题措施占比', 'share of the plan’s measures on the theme'],
  byScore: ['关键词得分', 'keyword score'],
  // Embeds, the diff summary, citations (issue 14).
  showAll: ['显示全部', 'Show all'],
  showSummary: ['只显示摘要', 'Show the summary'],
  summary: ['摘要', 'Summary'],
  fullView: ['完整视图', 'Full view'],
  sharedPairs: ['共有（对应）', 'Shared (aligned)'],
  onlyHere: ['仅此规划', 'only here'],
  overall: ['总体相似度', 'Overall similarity'],
  overallHint: ['总体相似度：两份规划的措施按其对应措施的文字相似度加权（逐字相同为 100%，仅见于一方为 0）。',
    'Overall similarity: each plan’s measures weighted by how closely their counterpart reads (word for word 100%, one side only 0).'],
  overallShort: ['相似度：措施按其对应措施的文字接近程度加权。', 'Similarity: measures weighted by how closely their counterparts read.'],
  'pair-reworded': ['改写', 'reworded'],
  firstPairs: ['前 {n} 组对应措施（共 {total} 组）', 'First {n} of {total} aligned pairs'],
  pickTwo: ['请选择两份规划。', 'Choose two plans.'],
  topN: ['前 {n} 条', 'top {n}'],
  topThemes: ['{n} 份规划中措施最多的主题', 'Themes with the most measures across {n} plans'],
  plansWith: ['{total} 份规划中有 {n} 份涉及', '{n} of {total} plans have measures on it'],
  measuresCol: ['措施', 'Measures'],
  plansCol: ['规划数', 'Plans'],
  numbersCol: ['承诺的数字', 'Numbers promised'],
  withoutItem: ['没有此项工作内容的规划', 'Plans without this work item'],
  moreRows: ['另有 {n} 份规划未显示', '{n} more plans not shown'],
  moreMeasures: ['另有 {n} 条措施', '{n} more measures'],
  show: ['显示', 'Show'],
  'filter-all': ['全部', 'all'],
  'filter-changed': ['有改动', 'changed'],
  'filter-same': ['相同', 'same'],
  'filter-onlyA': ['仅见于 A', 'only in A'],
  'filter-onlyB': ['仅见于 B', 'only in B'],
  'pair-same': ['文字相同', 'same text'],
  'pair-changed': ['有改动', 'changed'],
  'pair-plain': ['文字差别大，相同的词句已标出', 'worded differently; shared phrases marked'],
  permalink: ['链接', 'Link'],
  resultsHead: ['结果', 'Results'],
  embedThis: ['嵌入此视图', 'Embed this view'],
  embedHint: ['把下面任一段代码粘贴到网页中，即可嵌入当前视图的摘要（可用 limit、height、theme="dark" 等属性调整）。', 'Paste either snippet into a web page to embed a summary of this view (adjust with limit, height, theme="dark").'],
  embedElement: ['自定义元素（推荐）', 'Custom element (recommended)'],
  embedIframe: ['iframe', 'iframe'],
  copy: ['复制', 'Copy'],
  copiedCode: ['已复制。', 'Copied.'],
  copyByHand: ['无法访问剪贴板：代码已选中，请手动复制。', 'No clipboard access: the code is selected, copy it by hand.'],
  preview: ['预览', 'Preview'],
  citedMeasure: ['引用的措施', 'Cited measure'],
  dataChanged: ['此链接生成后数据已更新：下面是这条措施现在的文字，可能与引用时不同。', 'The data changed since this link was made: below is the measure’s text as it is now, which may differ from what was cited.'],
  measureGone: ['当前数据中没有措施 {id}：此链接生成后数据已更新。', 'Measure {id} is not in the current data: the data changed since this link was made.'],
  pairKeys: ['按 j / k 键在对应措施之间移动。', 'Press j / k to move from pair to pair.'],
  kind: ['类型', 'Kind'],
  'work points': ['工作要点', 'work points'],
  'five-year plan': ['五年规划', 'five-year plan'],
  'action plan': ['行动方案', 'action plan'],
  yearStart: ['起始年份', 'First year'],
  yearEnd: ['结束年份', 'Last year'],
  yearHint: ['可留空：留空时从文本中读取年份', 'May be left empty: a year is then read from the text'],
  yearFormat: ['年份应为 1949–2100 之间的四位数字：{v}', 'A year is four digits between 1949 and 2100: {v}'],
  yearOrder: ['结束年份早于起始年份。', 'The last year is before the first year.'],
  yearEndOnly: ['填写了结束年份，也请填写起始年份。', 'Give the first year as well as the last.'],
  yearEndNeeded: ['行动方案通常跨越多年：请填写结束年份（只有一年时与起始年份相同）。', 'An action plan usually spans several years: give the last year (the same as the first for a single year).'],
  wholeText: ['全文', 'whole text'],
  // Offline use (js/offline.js).
  keepOffline: ['离线保存全部规划', 'Keep all plans offline'],
  keeping: ['正在保存全部规划，供离线使用…', 'Saving every plan for offline use…'],
  keepProgress: ['{n} / {total} 个文件', '{n} of {total} files'],
  keptOffline: ['全部规划已可离线使用（{files} 个文件，{size}）。', 'All plans are kept offline ({files} files, {size}).'],
  clearOffline: ['删除离线副本', 'Remove the offline copy'],
  clearedOffline: ['离线副本已删除。', 'The offline copy is removed.'],
  keepFailed: ['离线保存未完成：', 'Could not keep the plans offline: '],
};

// Parser diagnostics by their stable code; a code not listed here is shown in English as sent.
const diagnosticCodes = {
  too_large: ['文本过大，解析器未读取。', 'The text is larger than the parser reads; it was not read.'],
  no_plan: ['未找到规划：文本中既没有编号条目，也没有表格。', 'No plan found: the text has neither numbered items nor a table.'],
  no_items: ['未找到编号条目，文本作为段落保留。', 'No numbered items were found; the text is kept as passages.'],
  unknown_region: ['此处开始一个没有标题的表格，无法判断其所属地区。', 'A table without a heading starts here; its region could not be told.'],
  taxonomy: ['主题分类未能加载。', 'The theme taxonomy did not load.'],
  numbered_not_item: ['编号段落未作为措施，保留为段落。', 'A numbered paragraph is kept as a passage, not a measure.'],
  paragraph_not_item: ['标题下的段落未作为措施，保留为段落。', 'A paragraph under a heading is kept as a passage, not a measure.'],
  unknown_department: ['部门名称不像机构名称，单元格或条款可能粘连，请核对原文。', 'A department name names no body: cells or clauses may have run together; check the text.'],
  incomplete_row: ['表格行缺少责任部门或内容，可能与相邻行混在一起，请核对原文。', 'A table row has no department or no text: it may be mixed up with the next row; check the text.'],
  page_furniture: ['网页附属内容（导航、发布信息等）已跳过。', 'Web page furniture (navigation, publication details) skipped.'],
  report_not_plan: ['规划前的上年工作总结保留为段落，未作为措施。', 'A report on past work before the plan is kept as passages, not measures.'],
};

// Counted nouns: Chinese needs no plural; English takes one form for 1 and another for the rest.
const nouns = {
  measure: ['{n} 条措施', '{n} measure', '{n} measures'],
  plan: ['{n} 份规划', '{n} plan', '{n} plans'],
  pair: ['{n} 组', '{n} pair', '{n} pairs'],
};

/** "1 measure", "2 measures", "3 条措施". */
export function plural(n, noun) {
  const forms = nouns[noun];
  if (!forms) return `${n} ${noun}`;
  const s = lang === 'en' ? forms[n === 1 ? 1 : 2] : forms[0];
  return s.replace('{n}', String(n));
}

const focusAreas = {
  1: ['推进知识产权管理体制机制改革', 'Reform IP administration'],
  2: ['实施严格的知识产权保护', 'Strict IP protection'],
  3: ['促进知识产权创造运用', 'IP creation and use'],
  4: ['加强重点产业知识产权海外布局和风险防控', 'Overseas IP portfolios and risk control'],
  5: ['提升知识产权对外合作水平', 'International IP cooperation'],
  6: ['加强组织实施和政策保障', 'Organisation and policy support'],
};

const agencies = {
  '知识产权局': 'IP office', '工商局/市场监管': 'Market regulation (AIC)', '工业和信息化': 'Industry & IT',
  '科技': 'Science & technology', '食品药品监管': 'Food & drug regulation', '司法': 'Justice',
  '教育': 'Education', '林业': 'Forestry', '国资': 'State assets', '双打办': 'Anti-counterfeiting office',
  '其他': 'Other', '农业': 'Agriculture', '海关': 'Customs', '公安': 'Police', '检察院': 'Procuratorate',
  '法院': 'Courts', '卫生/中医药': 'Health / TCM', '人力资源社会保障': 'Human resources',
  '商务': 'Commerce', '文化/文物/旅游': 'Culture & tourism', '版权局/新闻出版': 'Copyright office',
  '质监局': 'Quality supervision', '发展改革': 'Development & reform', '财政': 'Finance',
  '金融': 'Financial regulation', '人大/政协': 'People’s congress / CPPCC',
};

export const LANGS = ['zh', 'en'];
let lang = 'zh';
const en = () => lang === 'en';

export function setLang(l) {
  lang = LANGS.includes(l) ? l : 'zh';
}
export function getLang() {
  return lang;
}

/** An interface string; `{name}` placeholders are filled from `vars`. */
export function t(key, vars = {}) {
  const s = strings[key]?.[en() ? 1 : 0] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

export const planLabel = (p) => (p ? `${en() ? p.region_en : p.region} ${yearsOf(p)}` : '');
export const planTitle = (p) => (p ? `${en() ? p.region_en : p.region} · ${p.title}` : '');
export const yearsOf = (p) => (p.year_start == null ? '–' : p.year_start === p.year_end ? `${p.year_start}` : `${p.year_start}–${p.year_end}`);
export const themeLabel = (th) => (th ? (en() ? th.en : th.zh) : '');
export const focusLabel = (n) => (focusAreas[n] ? `${n} ${focusAreas[n][en() ? 1 : 0]}` : t('none'));
export const levelLabel = (l) => (strings[l] ? t(l) : l);
export const agencyLabel = (a) => (a === 'none' ? t('none') : en() ? agencies[a] ?? a : a);
export const roleLabel = (r) => (r ? t(r) : '');
export const kindLabel = (k) => (strings[k] ? t(k) : k);
/** Where a diagnostic points: `第 3 行` / `line 3`, or the whole text for line 0. */
export const diagnosticPlace = (d) => (d.line > 0 ? t('line', { n: d.line }) : t('wholeText'));
/** A parser diagnostic in the reader's language, by its code; the English message for a code this page does not know. */
export const diagnosticText = (d) =>
  (Object.hasOwn(diagnosticCodes, d.code) ? diagnosticCodes[d.code][en() ? 1 : 0] : d.message);
