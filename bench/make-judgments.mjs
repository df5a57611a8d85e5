// Writes bench/judgments.json: the judged relevant measures of each search query.
//
// How the judgements were made (2026-11-21, on the export of this commit): for each topic, every
// measure whose own words (title + text; the 003 template work item only where the row has no text of
// its own) contain any keyword variant was listed with `node bench/judge.mjs <variants>` and read; the
// ids read and found NOT relevant are in `exclude` with the reason, relevant measures that no variant
// finds are in `include`. A row is not relevant merely because its template work item names the topic:
// the row's own words must carry it out (e.g. 上海's row under the pledge-and-fund work item only speaks
// of the operating fund). Lenient on lists: one clause among several actions counts.
// Pooling pass (after the first full run): the top 10 of every engine (plan-compare, MiniSearch,
// FlexSearch) for every query that were not yet judged were read too; 7 relevant measures that no
// keyword variant found were added (`include`: 快维中心, 快速审查、确权、维权, 军民双向转化, IP colleges and
// talent programmes, overseas dispute services), the rest stayed not relevant.
// English queries and synonyms are judged against the same topic as their Chinese counterpart: the
// corpus is Chinese, and an English reader asking "customs enforcement" wants the same measures.
// More English (`en-extra`, added 2026-12-03), judged by keyword alone (every measure whose own words
// hold a variant; the variants are unambiguous in this corpus), not read one by one like the topics
// above, and reported apart from issue 12's figures. Five topics no theme of data/themes.toml names,
// so that only the English dictionary carries the query to Chinese (traditional Chinese medicine,
// intangible cultural heritage, traditional knowledge, genetic resources, poverty alleviation); six
// that a theme holds among its Chinese keywords, asked in English words of their own (folk literature
// and art, service inventions, administrative penalties, patent agencies, time-honoured brands,
// public services).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, loadExport } from './lib/corpus.mjs';
import { ownWords } from './judge.mjs';

const topics = {
  pledge: {
    criterion: 'The measure itself commits to IP-backed pledge financing or loans (质押融资, 质押贷款, 质权, its risk compensation, subsidies, training, targets); not a platform merely listing pledge among its functions.',
    any: ['质押', '质权'],
    exclude: {
      'guangdong-2016-073': 'copyright trading platform listing 质押 among functions',
      'liaoning-2018-021': 'online operation platform listing 质押融资 among services',
      'hainan-2018-013': 'public service platform listing services',
      'guangxi-2018-041': 'custody institutions for disposal, pledge only as context',
      'guangdong-2018-058': 'patent agency office services incl. pledge registration, in a list of services',
    },
  },
  gi: {
    criterion: 'An action on geographical indications (地理标志/地标): registration, protection, supervision, enforcement, promotion, mutual recognition, poverty alleviation through GI trademarks.',
    any: ['地理标志', '地标', '原产地'],
  },
  customs: {
    criterion: 'IP protection at the border: customs enforcement, recordation, import/export infringement, customs cooperation (incl. rows of the 加强海关知识产权保护 work item whose text does customs work).',
    any: ['海关', '口岸', '进出口', '进出境', '关区', '关员', '通关', '龙腾', '边境'],
    include: ['ningxia-2018-006', 'anhui-2018-008', 'jilin-2018-005'],
    exclude: {
      'guangdong-2016-149': 'student copyright exchange organised with HK customs, not enforcement',
      'jiangsu-2018-039': 'foreign-related IP training for exporters',
      'zhejiang-2018-059': 'publicity venues',
      'fujian-2018-039': 'risk assessment of trade activities',
      'jiangxi-2018-033': 'cultural trade',
      'shandong-2018-040': 'analysis and review mechanism',
      'hunan-2018-045': 'IP services for import/export',
      'guangxi-2018-042': 'analysis and review mechanism',
      'sichuan-2018-044': 'review guideline',
      'gansu-2018-049': 'risk assessment survey',
      'shaanxi-2018-010': 'overseas dispute training (not border)',
    },
  },
  rapid: {
    criterion: 'Builds, runs or uses IP rapid rights-protection centres or fast protection (快速维权).',
    any: ['快速维权'],
    include: ['hunan-2018-009', 'hebei-2018-007'],
    exclude: { 'hainan-2018-013': 'a service platform listing 快速维权 among services' },
  },
  software: {
    criterion: 'Software legalisation (软件正版化, use of licensed software), its supervision, assessment or staff training.',
    any: ['正版化', '正版软件'],
  },
  milciv: {
    criterion: 'Military-civilian integration of IP (军民融合, defence patents, 军转民).',
    any: ['军民融合', '国防', '军转民'],
    include: ['shaanxi-2018-006'],
    exclude: { 'chongqing-2018-051': 'training base serving defence units among others' },
  },
  gba: {
    criterion: 'Guangdong-Hong Kong-Macao / Greater Bay Area IP cooperation.',
    any: ['粤港澳', '大湾区', '港澳', '粤港', '粤澳'],
  },
  unitransfer: {
    criterion: 'Technology transfer or commercialisation of IP by universities and research institutes (transfer offices, incentives, ownership and reward rules).',
    all: [['技术转移', '成果转化', '转移转化', '转化', '运营', '入股', '收益分配', '交易'], ['高校', '高等院校', '高等学校', '大学', '院校', '科研院所']],
    exclude: {
      'fujian-2018-025': 'online government services',
      'jiangxi-2018-023': 'university IP management office, not transfer',
      'shantou-2016-2020-016': 'IP management of universities, not transfer',
      'jiangsu-2018-045': 'international summit inviting institutes',
      'henan-2018-055': 'publicity lecture tour',
      'hubei-2018-031': 'talent and research institute abroad',
      'hainan-2018-003': 'customs recordation; awareness campaign in universities',
      'hainan-2018-010': 'patent ranking of institutes',
      'chongqing-2018-034': 'patent information bases at universities',
    },
  },
  navigation: {
    criterion: 'Patent navigation (专利导航) projects, pilots, training, experimental zones.',
    any: ['导航'],
    exclude: { 'hainan-2018-013': 'a service platform listing 专利导航 among services' },
  },
  insurance: {
    criterion: 'IP insurance (专利保险, infringement liability insurance, pledge-loan guarantee insurance) products, pilots, subsidies.',
    any: ['保险'],
    exclude: { 'fujian-2018-030': 'investment insurance support for firms going abroad, not IP insurance' },
  },
  overseas: {
    criterion: 'Protecting IP abroad: overseas rights-protection assistance, foreign-related dispute response, overseas infringement liability or dispute insurance, trade-friction early warning and rights protection.',
    include: ['yunnan-2018-020'],
    any: ['海外维权', '海外知识产权', '涉外知识产权', '海外侵权', '海外纠纷', '涉外应对', '境外展会', '海外护航', '维权平台'],
    exclude: {
      'jiangsu-2018-039': 'training', 'shandong-2018-042': 'training', 'shandong-2018-043': 'cross-border service cooperation',
      'hunan-2018-055': 'overseas IP training', 'sichuan-2018-033': 'overseas portfolio, not protection',
      'shandong-2018-036': 'filing abroad',
      'shanwei-chengqu-2018-027': 'trademark portfolio abroad', 'beijing-2018-032': 'PCT and Madrid filings',
      'hubei-2018-031': 'research institute abroad', 'guangdong-2018-061': 'risk prevention services, not protection',
    },
  },
  beltroad: {
    criterion: 'Belt and Road (一带一路, Silk Road) cooperation or trade.',
    any: ['一带一路', '丝绸之路'],
  },
  talent: {
    criterion: 'Training or cultivating IP professionals (talent programmes, degrees, practitioner training); not raising the public\'s awareness.',
    any: ['人才培养', '培养', '人才队伍', '人才培训'],
    include: ['henan-2018-052', 'jiangsu-2018-053', 'chongqing-2018-051'],
    exclude: {
      'shantou-2016-2020-021': 'awareness of pupils', 'guangxi-2018-015': 'awareness of researchers',
      'inner-mongolia-2018-012': 'attracting patent agencies', 'hubei-2018-024': 'a platform listing services',
      'guangxi-2018-023': 'a pledge-loan team',
    },
  },
  copyright: {
    criterion: 'An action specifically on copyright (版权, 著作权, piracy, software legalisation), incl. one clause in a list of IP kinds; not a copyright office named only as a department.',
    any: ['版权', '著作权', '盗版', '正版化', '正版软件'],
    exclude: {
      'shanwei-chengqu-2018-014': 'copyright office as a partner department',
      'jiangsu-2018-040': 'copyright bureau as co-issuing department', 'guangdong-2018-063': 'copyright bureau as co-issuing department',
      'hunan-2018-016': 'copyright department coordination only',
    },
  },
  // More English (en-extra): judged by keyword alone (see the header).
  tcm: { criterion: 'Traditional Chinese medicine (中医药, 中医, 中药).', any: ['中医', '中药'] },
  heritage: { criterion: 'Intangible cultural heritage (非物质文化遗产, 非遗).', any: ['非物质文化遗产', '非遗'] },
  folkart: { criterion: 'Folk literature and art (民间文艺).', any: ['民间文艺'] },
  tradknow: { criterion: 'Traditional knowledge (传统知识).', any: ['传统知识'] },
  genetic: { criterion: 'Genetic resources (遗传资源).', any: ['遗传资源'] },
  serviceinv: { criterion: 'Service (employee) inventions (职务发明).', any: ['职务发明'] },
  penalty: { criterion: 'Administrative penalties (行政处罚).', any: ['行政处罚'] },
  agency: { criterion: 'Patent agencies and agents (专利代理).', any: ['专利代理'] },
  oldbrand: { criterion: 'Time-honoured brands (老字号).', any: ['老字号'] },
  poverty: { criterion: 'Poverty alleviation (扶贫).', any: ['扶贫'] },
  publicsvc: { criterion: 'Public services (公共服务).', any: ['公共服务'] },
};

const queries = [
  // Chinese
  ['专利质押融资', 'zh', 'pledge'], ['地理标志', 'zh', 'gi'], ['海关 知识产权保护', 'zh', 'customs'],
  ['快速维权中心', 'zh', 'rapid'], ['软件正版化', 'zh', 'software'], ['军民融合', 'zh', 'milciv'],
  ['粤港澳大湾区', 'zh', 'gba'], ['高校 技术转移', 'zh', 'unitransfer'], ['专利导航', 'zh', 'navigation'],
  ['知识产权保险', 'zh', 'insurance'], ['海外维权', 'zh', 'overseas'], ['一带一路', 'zh', 'beltroad'],
  ['知识产权人才培养', 'zh', 'talent'], ['版权', 'zh', 'copyright'],
  // Chinese synonyms and rewordings (different words, same need)
  ['知识产权质押贷款', 'zh-synonym', 'pledge'], ['地标产品保护', 'zh-synonym', 'gi'], ['边境执法', 'zh-synonym', 'customs'],
  ['正版软件', 'zh-synonym', 'software'], ['涉外知识产权纠纷应对', 'zh-synonym', 'overseas'], ['著作权保护', 'zh-synonym', 'copyright'],
  // English
  ['patent pledge financing', 'en', 'pledge'], ['IP-backed loans', 'en', 'pledge'], ['geographical indications', 'en', 'gi'],
  ['customs enforcement', 'en', 'customs'], ['border protection of intellectual property', 'en', 'customs'],
  ['rapid rights protection center', 'en', 'rapid'], ['software legalization', 'en', 'software'],
  ['military-civilian integration', 'en', 'milciv'], ['Greater Bay Area', 'en', 'gba'],
  ['university technology transfer', 'en', 'unitransfer'], ['patent navigation', 'en', 'navigation'],
  ['IP insurance', 'en', 'insurance'], ['overseas rights protection', 'en', 'overseas'], ['Belt and Road', 'en', 'beltroad'],
  ['talent training', 'en', 'talent'], ['copyright', 'en', 'copyright'],
  // More English, judged by keyword alone
  ['traditional Chinese medicine', 'en-extra', 'tcm'], ['intangible cultural heritage', 'en-extra', 'heritage'],
  ['folk literature and art', 'en-extra', 'folkart'], ['traditional knowledge', 'en-extra', 'tradknow'],
  ['genetic resources', 'en-extra', 'genetic'], ['service inventions', 'en-extra', 'serviceinv'],
  ['administrative penalties', 'en-extra', 'penalty'], ['patent agencies', 'en-extra', 'agency'],
  ['time-honored brands', 'en-extra', 'oldbrand'], ['poverty alleviation', 'en-extra', 'poverty'],
  ['public services', 'en-extra', 'publicsvc'],
];

const data = loadExport();
const known = new Set(data.measures.map((m) => m.id));
const relevantOf = {};
for (const [name, t] of Object.entries(topics)) {
  const lower = (s) => s.toLowerCase();
  const has = (hay, vs) => vs.some((v) => hay.includes(lower(v)));
  const groups = t.all ?? [t.any];
  const ids = data.measures
    .filter((m) => groups.every((g) => has(lower(ownWords(m)), g)))
    .map((m) => m.id)
    .filter((id) => !(id in (t.exclude ?? {})));
  for (const id of [...(t.include ?? []), ...Object.keys(t.exclude ?? {})]) {
    if (!known.has(id)) throw new Error(`${name}: unknown measure ${id}`);
  }
  relevantOf[name] = [...new Set([...ids, ...(t.include ?? [])])].sort(
    (a, b) => data.measures.findIndex((m) => m.id === a) - data.measures.findIndex((m) => m.id === b),
  );
}
const out = {
  about: 'Judged relevant measure ids per search query; made by bench/make-judgments.mjs (read its header).',
  topics: Object.fromEntries(Object.entries(topics).map(([k, t]) => [k, { criterion: t.criterion, keywords: t.all ?? t.any, excluded: t.exclude ?? {}, added: t.include ?? [], relevant: relevantOf[k].length }])),
  queries: queries.map(([query, lang, topic]) => ({ query, lang, topic, criterion: topics[topic].criterion, relevant: relevantOf[topic] })),
};
writeFileSync(join(bench, 'judgments.json'), JSON.stringify(out, null, 1) + '\n');
for (const [k, v] of Object.entries(relevantOf)) console.log(k.padEnd(12), v.length);
console.log(`${queries.length} queries`);
