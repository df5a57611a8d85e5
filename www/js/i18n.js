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
  unavailable: ['此功能在当前版本中尚不可用（函数 {fn}() 未绑定）。', 'Not available in this build: the package does not provide {fn}() yet.'],
  noThemes: ['当前数据未包含主题分类。', 'The bundled data carries no theme taxonomy yet.'],
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
  regionInput: ['地区（如 深圳市）', 'Region (as printed, e.g. 深圳市)'],
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
  diag_too_large: ['文本过大，未解析', 'Text too large to parse'],
  diag_no_plan: ['未找到条目或表格', 'No items and no table found'],
  diag_no_items: ['未找到编号条目，全文保留为段落', 'No numbered items: the text is kept as passages'],
  diag_unknown_region: ['无法判断表格所属地区', 'The table’s region could not be told'],
  diag_taxonomy: ['主题分类未能加载', 'The theme taxonomy did not load'],
  diag_numbered_not_item: ['编号段落未作为措施，保留为段落', 'A numbered paragraph kept as a passage, not a measure'],
  diag_paragraph_not_item: ['标题下的段落未作为措施，保留为段落', 'A paragraph under a heading kept as a passage'],
  diag_page_furniture: ['网页附属内容已跳过', 'Web page furniture skipped'],
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
  compareItem: ['比较各地同一工作内容', 'Compare this work item across plans'],
  perItem: ['各地同一工作内容', 'One work item across plans'],
  byPlan: ['按规划', 'By plan'],
  colourBy: ['颜色表示', 'Colour by'],
  byShare: ['该主题措施占比', 'share of the plan’s measures on the theme'],
  byScore: ['关键词得分', 'keyword score'],
};

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
/** A parser diagnostic in the reader's language, its English particulars after it. */
export const diagnosticLabel = (d) => (strings[`diag_${d.code}`] ? `${t(`diag_${d.code}`)} (${d.message})` : d.message);
