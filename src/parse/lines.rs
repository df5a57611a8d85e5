//! Stage 1: split a seed into numbered lines and repair what PDF extraction did to single lines.
//!
//! Repairs here are local to one line: trimming, overprinted bold text (every run printed four
//! times), runs of 。, and recognising lines that carry no content (blank lines, page numbers,
//! repeated table headers). Everything else is left for the later stages.

/// One line of a seed, 1-based, with its cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub no: u32,
    /// Trimmed and repaired text; internal spaces are kept (they separate table columns).
    pub text: String,
}

/// Split text into lines, trimming each (a web page's list bullet too) and repairing overprinted
/// bold runs. Blank lines are kept (as empty text) so that line numbers stay those of the seed.
pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let text = without_lost_spaces(raw);
            let text = without_inline_page_marks(&text);
            Line { no: i as u32 + 1, text: collapse_overprint(without_bullet(trim(&text))) }
        })
        .collect();
    unnumber_preview_chunks(&mut lines);
    lines
}

/// Characters a document-sharing site's preview chunk is long at least: the site cuts the
/// flattened text every few hundred characters.
const PREVIEW_CHUNK_CHARS: usize = 150;

/// A document-sharing site's preview (课桌文档, 天天文库, 人人文库) prints the text flattened and cut
/// into chunks of a fixed length, each on a line opening with its number (`1、…工作方案为认真贯彻…以推动
/// 高质量发展为 主题`, `2、,以建设…`). A chunk ends wherever the cut fell, mid-sentence, which no item
/// does: so a run 1、, 2、… whose every chunk but the last is long and ends on a letter, not a mark,
/// loses its numbers, and the chunks read on as the text they were cut from.
fn unnumber_preview_chunks(lines: &mut [Line]) {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].text.is_empty()).collect();
    let chunk_body = |text: &str, n: usize| text.strip_prefix(&format!("{n}、")).map(str::len);
    let Some(first) = filled.iter().position(|&i| chunk_body(&lines[i].text, 1).is_some()) else { return };
    let run: Vec<usize> = filled[first..]
        .iter()
        .enumerate()
        .take_while(|&(k, &i)| chunk_body(&lines[i].text, k + 1).is_some())
        .map(|(_, &i)| i)
        .collect();
    let cut_short = |i: usize| {
        let t = &lines[i].text;
        t.chars().count() >= PREVIEW_CHUNK_CHARS && t.chars().next_back().is_some_and(char::is_alphanumeric)
    };
    if run.len() < 2 || !run[..run.len() - 1].iter().all(|&i| cut_short(i)) {
        return;
    }
    for (k, &i) in run.iter().enumerate() {
        let marker = format!("{}、", k + 1);
        if let Some(body) = lines[i].text.strip_prefix(&marker) {
            lines[i].text = trim(body).to_string();
        }
    }
}

/// A line with the spaces a page's encoding lost as `?` put back (`第一条??为加强` → `第一条 为加强`,
/// a line of `?` alone → blank): a run of two or more, or a lone one on a line of its own; a
/// single `?` inside text (a web address's query) is kept.
fn without_lost_spaces(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('?') {
        return std::borrow::Cow::Borrowed(line);
    }
    if line.chars().all(|c| c == '?' || c.is_whitespace()) {
        return std::borrow::Cow::Borrowed("");
    }
    let mut out = String::with_capacity(line.len());
    let mut run = 0;
    for c in line.chars().chain(std::iter::once('\n')) {
        if c == '?' {
            run += 1;
            continue;
        }
        match run {
            0 => {}
            1 => out.push('?'),
            _ => out.push(' '),
        }
        run = 0;
        if c != '\n' {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A line without the page mark a PDF flowed into a web page leaves inside a word (`重要举- 3 -措`
/// → `重要举措`): one to three digits between two dashes, a Chinese character on either side, which
/// no sentence writes.
fn without_inline_page_marks(line: &str) -> std::borrow::Cow<'_, str> {
    const DASHES: [char; 4] = ['-', '—', '－', '–'];
    if !line.contains(DASHES) {
        return std::borrow::Cow::Borrowed(line);
    }
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let skip = |k: usize, wanted: &dyn Fn(char) -> bool, most: usize| {
        let n = chars[k.min(chars.len())..].iter().take_while(|(_, c)| wanted(*c)).take(most).count();
        k + n
    };
    // The end (in chars) of a mark that starts at `k`, if one does.
    let mark_end = |k: usize| {
        let k = skip(k, &|c| c == ' ', 2);
        let k = (chars.get(k).is_some_and(|(_, c)| DASHES.contains(c))).then_some(k + 1)?;
        let k = skip(k, &|c| c == ' ', 2);
        let digits_end = skip(k, &|c| c.is_ascii_digit(), 4);
        if !(1..=3).contains(&(digits_end - k)) {
            return None;
        }
        let k = skip(digits_end, &|c| c == ' ', 2);
        let k = (chars.get(k).is_some_and(|(_, c)| DASHES.contains(c))).then_some(k + 1)?;
        let k = skip(k, &|c| c == ' ', 2);
        chars.get(k).is_some_and(|(_, c)| is_han(*c)).then_some(k)
    };
    let mut out = String::with_capacity(line.len());
    let mut from = 0; // byte offset of the text not yet copied
    let mut k = 1;
    while k < chars.len() {
        match mark_end(k).filter(|_| is_han(chars[k - 1].1)) {
            Some(end) => {
                out.push_str(&line[from..chars[k].0]);
                from = chars[end].0;
                k = end + 1;
            }
            None => k += 1,
        }
    }
    if from == 0 {
        return std::borrow::Cow::Borrowed(line);
    }
    out.push_str(&line[from..]);
    std::borrow::Cow::Owned(out)
}

/// A line without the bullet a web page's list puts before it (`• 厦门市知识产权局2018年工作要点`).
fn without_bullet(line: &str) -> &str {
    match line.strip_prefix(['•', '●']) {
        Some(rest) => trim(rest),
        None => line,
    }
}

/// The text with each table row drawn with bars (`bar_row`) as tab-separated cells, line for
/// line (the first stage: every reader sees the rows so).
pub fn bar_rows_as_tabs(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.split('\n').any(|l| bar_row(trim(l)).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<String> = text.split('\n').map(|l| bar_row(trim(l)).unwrap_or_else(|| l.to_string())).collect();
    std::borrow::Cow::Owned(lines.join("\n"))
}

/// Vowels with a tone mark: a bracketed syllable with one is pinyin, not text of the plan.
const TONE_VOWELS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

/// The text without the pinyin some sites print after characters (`產(chǎn)權(quán)` is `產權`,
/// `知【zhī】识` is `知识`): a lower-case syllable with a tone mark, in brackets, right after a Han
/// character. On a page with several such, a syllable of the neutral tone (`的【de】`) goes too.
pub fn without_pinyin(text: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    // The syllable's end (its closing bracket) when one starts at `k`, and whether it has a tone.
    let syllable_at = |k: usize| -> Option<(usize, bool)> {
        if !matches!(chars.get(k), Some('(' | '（' | '【' | '['))
            || !chars.get(k.wrapping_sub(1)).is_some_and(|&c| crate::index::is_han(c))
        {
            return None;
        }
        let close = (k + 2..chars.len().min(k + 9)).find(|&j| matches!(chars[j], ')' | '）' | '】' | ']'))?;
        let inner = &chars[k + 1..close];
        let letters = inner.iter().all(|c| c.is_ascii_lowercase() || TONE_VOWELS.contains(*c) || *c == 'ü');
        letters.then_some((close, inner.iter().any(|c| TONE_VOWELS.contains(*c))))
    };
    let toned = (0..chars.len()).filter(|&k| syllable_at(k).is_some_and(|(_, tone)| tone)).take(3).count();
    if toned == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        match syllable_at(k) {
            Some((close, tone)) if tone || toned >= 3 => k = close + 1,
            _ => {
                out.push(chars[k]);
                k += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The text without the marks some scraped copies put between words (`各省@@、自治区@@`): runs
/// of two or more `@`, where the text has several (one could be part of what a plan prints).
pub fn without_word_marks(text: &str) -> std::borrow::Cow<'_, str> {
    if text.matches("@@").take(3).count() < 3 {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("@@") {
        out.push_str(&rest[..at]);
        rest = rest[at..].trim_start_matches('@');
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A table row as web pages and converters print one, `| 1 | 推进… | 市知识产权局 |`, or without
/// the first bar when it starts with 序号 or a row number (`1 | 包头市 | 固阳县 |`; a page's own
/// details print so too, `文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |`, and stay as they are): its
/// cells separated by tabs, as a spreadsheet's text gives them (what the table reader takes). A
/// rule row (`|---|:---|`) is blank. None for any other line.
fn bar_row(line: &str) -> Option<String> {
    const BARS: [char; 2] = ['|', '｜'];
    let inner = line.strip_suffix(BARS)?;
    let inner = match inner.strip_prefix(BARS) {
        Some(inner) => inner,
        None => {
            let first = trim(inner.split(BARS).next().unwrap_or_default());
            let numbered = !first.is_empty() && first.len() <= 4 && first.bytes().all(|b| b.is_ascii_digit());
            if !(numbered || first == "序号") {
                return None;
            }
            inner
        }
    };
    let cells: Vec<&str> = inner.split(BARS).map(trim).collect();
    if cells.len() < 2 {
        return None;
    }
    if cells.iter().all(|c| c.chars().all(|ch| matches!(ch, '-' | ':'))) {
        return Some(String::new());
    }
    Some(cells.join("\t"))
}

/// Trim ASCII and full-width whitespace and control characters.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c.is_control() || c == '\u{feff}')
}

/// Punctuation that follows an overprinted run and was drawn as often as it.
const OVERPRINTABLE_PUNCTUATION: &str = "。，、；：";

/// Undo bold text that the PDF drew several times over: `加大加大加大加大` → `加大`,
/// `开开开开展` → `开展`, and the punctuation drawn as often after them (`工作。。。。` → `工作。`).
/// Runs of punctuation elsewhere (`示范校。。`) and ASCII runs (e.g. `50000`) are kept as printed.
pub fn collapse_overprint(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    // The last run was overprinted: its punctuation (。。。。) was drawn as often as its words.
    let mut after_overprint = false;
    'outer: while i < chars.len() {
        if OVERPRINTABLE_PUNCTUATION.contains(chars[i]) {
            let run = chars[i..].iter().take_while(|c| **c == chars[i]).count();
            // Only an overprinted run loses its repeats; 示范校。。 keeps them as printed.
            let kept = if after_overprint { 1 } else { run };
            out.extend(chars[i..i + kept].iter());
            i += run;
            continue;
        }
        let max_len = ((chars.len() - i) / 3).min(40);
        for len in 1..=max_len {
            let unit = &chars[i..i + len];
            if unit.iter().all(|c| c.is_ascii()) {
                continue;
            }
            let mut reps = 1;
            while i + (reps + 1) * len <= chars.len() && &chars[i + reps * len..i + (reps + 1) * len] == unit {
                reps += 1;
            }
            // Overprinting repeats a run four times; a single character repeated three times
            // can be genuine, a phrase repeated three times cannot.
            let needed = if len == 1 { 4 } else { 3 };
            if reps >= needed {
                out.extend(unit);
                i += reps * len;
                after_overprint = true;
                continue 'outer;
            }
        }
        out.push(chars[i]);
        after_overprint = false;
        i += 1;
    }
    out
}

/// True for a line that is only a page number such as `9`, `26`, `- 3 -` or `第 3 页`, or a
/// page number with the page count a PDF's footer prints (`第 3 页 共 20 页`, `第3页/共20页`; a
/// bare `3/20` may be a table's fraction, so it is not one).
pub fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '—').collect();
    let number = |t: &str| {
        let t = t.strip_prefix('第').unwrap_or(t);
        let t = t.strip_suffix('页').unwrap_or(t);
        !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
    };
    let count = |t: &str| t.strip_prefix('共').and_then(|c| c.strip_suffix('页')).is_some_and(number);
    let of_count = |t: &str| {
        let (page, of) = t.split_once('共').map(|(p, c)| (p.trim_end_matches(['/', '，', ',']), format!("共{c}")))?;
        Some(page.ends_with('页') && number(page) && count(&of))
    };
    number(&t) || of_count(&t) == Some(true)
}

/// Words of a web page's own controls: a line made only of these is not part of the document.
const PAGE_CONTROLS: &[&str] = &[
    "打印本页",
    "打印",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "分享到",
    "分享",
    "字号",
    "字体",
    "默认",
    "大",
    "中",
    "小",
    "收藏",
    "返回顶部",
    "回到顶部",
    "返回",
    "微信",
    "微博",
    "QQ空间",
    "扫一扫",
    // A news site's call to share the article (分享让更多人看到), and the buttons under it
    // (- 评论 / - 关注).
    "分享让更多人看到",
    "评论",
    "关注",
    // A newspaper site's link to its e-paper, over the article (数字报).
    "数字报",
    // The caption of the page's QR code (扫一扫在手机打开当前页).
    "在手机打开当前页",
    "在手机上打开当前页",
    "保存本页",
    "保存",
    "纠错",
    "复制链接",
    "朗读",
    "视力保护色",
    "保护视力色",
    "无障碍",
    // The versions a government site offers older readers (无障碍 | 长者版, 关怀版).
    "长者版",
    "关怀版",
    "适老版",
    // … and its switch to and from that mode (退出长者模式 / 长者浏览模式).
    "长者模式",
    "长者浏览模式",
    // A news site's buttons under the dateline (訂閱已訂閱已收藏收藏小字號, People's Daily).
    "订阅",
    "已订阅",
    "已收藏",
    // … and the script it is printed in (无障碍 简体| 繁体).
    "简体",
    "繁体",
    "打开",
    "放大",
    "缩小",
    "重置",
    "设为首页",
    "加入收藏",
    "收藏本站",
    // The tabs of a government site's page for a major decision (重大行政决策): its stages and
    // its draft, one tab a line above the draft's text.
    "决策启动",
    "公众参与",
    "专家论证",
    "风险评估",
    "集体讨论",
    "决策公布",
    "执行评估",
    "决策草案",
    "草案解读",
    // What a reposting app prints around a saved article (保存成功, 微信查看, 查看原文).
    "保存成功",
    "微信查看",
    "查看原文",
    // A site's account links (登录 注册 退出) above the text.
    "登录",
    "注册",
    "退出",
    "我要纠错",
    "搜索",
    // A service firm's contact links in its top bar (• 回到顶部 / • QQ客服).
    "QQ客服",
    "在线客服",
    // A site's search box over the text (• 站内搜索:; a law site's 精确检索 / 开始检索).
    "站内搜索",
    "精确检索",
    "开始检索",
    "search",
    "Search",
    // The reaction buttons a portal prints under an article (Discuz!: 鲜花 握手 雷人 路过 鸡蛋).
    "鲜花",
    "握手",
    "雷人",
    "路过",
    "鸡蛋",
    // The comment form under an article (验证码: [ ] 提交).
    "验证码",
    "请输入",
    "提交",
];
/// Labels of a page's publication data (发布日期：… 来源：…).
const PAGE_LABELS: &[&str] = &[
    "发布日期",
    "发布时间",
    "来源",
    "信息来源",
    "文章来源",
    "字号",
    // The control some sites print for it (字体:【大】【中】【小】), after the page's date
    // (日期:2017年11月14日), which no plan labels so.
    "字体",
    "日期",
    "浏览次数",
    "浏览量",
    "访问量",
    "点击数",
    "阅读次数",
    "作者",
    "责任编辑",
    "编辑",
    // The credits under a bureau's own news (供稿:战略规划处 / 审校:… / 审核:…).
    "供稿",
    "审校",
    "审核",
    "发布机构",
    "索引号",
    "主题分类",
    "成文日期",
    "生效日期",
    "分享到",
    "时间",
    "阅读",
    "文号",
    "发文字号",
    "有效性",
    "名称",
    "分类",
    "组配分类",
    "上传者",
    "大小",
    "页数",
    "ID",
    "资源描述",
    "累计次数",
    // Fields of a government site's data table (【发文机构】…, [实施日期] …).
    "发文机构",
    "联合发文单位",
    "实施日期",
    "废止日期",
    "文件来源",
    "体裁分类",
    "发文日期",
    // … and of a law database's record (法律领域：… 当前状态：有效 颁布日期：…).
    "法律领域",
    "法律类别",
    "当前状态",
    "颁布日期",
    "时效性",
    "效力级别",
    // (pkulaw's • 发布部门: 天津市知识产权局 / • 法规类别: 知识产权法规).
    "发布部门",
    "法规类别",
    // … and of a city portal's (发布单位 / 公开形式 / 公开时限, 主题词, 发文单位, 规范性文件登记号).
    "发布单位",
    "发文单位",
    "公开形式",
    "公开时限",
    "主题词",
    "规范性文件登记号",
    "文件有效性",
    "成文时间",
    // A news platform's line over its footer (发布于：北京), and a notice board's date
    // (发表于:2024-02-27 关注).
    "发布于",
    "发表于",
    // A portal's record of the file (标题 … 有效性 有效, 生成日期 2025-06-25).
    "生成日期",
    "标题",
    // The link to the explainer beside it (政策解读:), empty where the page has none.
    "政策解读",
    // A county media centre's masthead over its news (投稿邮箱: mczfw@163.com).
    "投稿邮箱",
    "投稿信箱",
    // A library's record of a reprinted article (所属类别: 政策措施 / 文章出处: 黑龙江日报), and a
    // news page's tags under it (标签: …).
    "所属类别",
    "文章出处",
    "标签",
    // … or its keywords (关键词: 知识产权宣传周 中国专利奖获奖名单…; Nanshan 2022 news).
    "关键词",
    // A news page's note of the headline it first ran under (原标题:…).
    "原标题",
];
/// Openings of a page's navigation and footer lines.
const PAGE_OPENINGS: &[&str] = &[
    "首页>",
    "首页＞",
    "首页»",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "您当前的位置",
    "现在位置",
    // A site's own summary of the page above the text (核心提示：…).
    "核心提示",
    "欢迎来到",
    "欢迎访问",
    "上一篇",
    "下一篇",
    "版权所有",
    // A site's copyright line (Copyright © 2023 Sohu All Rights Reserved).
    "Copyright",
    "COPYRIGHT",
    "©",
    "网站标识码",
    // A newspaper's masthead over its digital edition (国内统一刊号:CN43-0003 …报社出版 …热线).
    "国内统一刊号",
    "网站地图",
    "联系我们",
    "技术支持",
    "相关链接",
    "相关文章",
    "相关阅读",
    "相关新闻",
    // A document-sharing site's box of notes to its readers, and its help desk.
    "温馨提示",
    "网站客服",
    // The comment box under an article (留言与评论(共有 0 条评论), 网友评论).
    "留言与评论",
    "发表评论",
    "网友评论",
    // A forum's footer (Powered by Discuz! X3.4 © 2001-2016 Comsenz Inc.).
    "Powered by",
];

/// Names of news sites as their pages print them alone over an article (人民网 / 人民网).
const NEWS_MASTHEADS: &[&str] = &[
    "人民网",
    "新华网",
    "央视网",
    "光明网",
    "中国网",
    "中国新闻网",
    "中新网",
    "中国经济网",
    "中国日报网",
    "中青网",
    "中国青年网",
    "环球网",
    "澎湃新闻",
    "中工网",
    "东方网",
    "南海网",
    "大众网",
    "红网",
    "荆楚网",
    "浙江在线",
    "东南网",
    "北青网",
    "千龙网",
];

/// What a news site prints alone on a line around an article (Wuzhong 2023, Jiangsu 2023 news).
const SITE_WORDS_ALONE: &[&str] = &[
    "声明:",
    "声明：",
    "关键词:",
    "关键词：",
    "阅读推荐",
    "新闻爆料",
    "相关内容",
    "(资料图片仅供参考)",
    "（资料图片仅供参考）",
    "(资料图)",
    "（资料图）",
    // The titles of its boxes of links under the article (Hangzhou 2022 news).
    "最新资讯",
    "新闻热点",
    "热点新闻",
    "最新新闻",
    "热门新闻",
    // … and of its boxes of recommended articles (Guandu 2022, Yunnan 2024 news).
    "推荐内容",
    "你可能感兴趣",
    // … and its comment box (Wuzhou 2024 news: 精彩推荐 / 评论 / 文明上网,理性发言 / 全部评论 / 加载更多).
    "精彩推荐",
    "全部评论",
    "加载更多",
    "文明上网,理性发言",
    "文明上网，理性发言",
];

/// Links of a site's footer (关于我们|联系我们|网站地图).
const FOOTER_LINKS: &[&str] =
    &["关于我们", "联系我们", "网站地图", "版权声明", "法律声明", "免责声明", "隐私政策", "网站声明"];

/// Words of a document-sharing site's notes to its readers (本文档由用户上传…，下载前请仔细阅读文档
/// 内容…); a plan's sentence hardly ever holds two of them.
const SHARING_SITE_WORDS: &[&str] = &["文档", "下载", "预览", "上传", "客服", "在线阅读"];
/// … and words by which such a note speaks of the site itself, which a plan's sentence about
/// patent documents and their download (提供专利文档检索、下载服务) does not; nor does a member's
/// upload (《….docx》由会员分享，可在线阅读).
/// A library's terms (平台不提供额外的编辑…附加服务; 可反馈申请退款, Yan'an 2018) speak of its service.
const SITE_SELF_WORDS: &[&str] = &["本文档", "本站", "客服", "付费", "放心下载", "由会员", "附加服务", "申请退款"];

/// True for a line of the web page around a document: breadcrumbs (首页 > 政务公开 > …),
/// publication data (发布日期：… 来源：… 字号：大 中 小), buttons (打印 关闭 分享到), footers.
pub fn is_page_furniture(s: &str) -> bool {
    let t = normalise(s);
    // The site's notes are whole sentences, numbered as a plan's items are (1. 部分包含数学公式…).
    let site_words = SHARING_SITE_WORDS.iter().filter(|w| t.contains(*w)).count();
    if site_words >= 2 && SITE_SELF_WORDS.iter().any(|w| t.contains(w)) && t.chars().count() <= 100 {
        return true;
    }
    // A reposting site's disclaimer under the article (郑重声明:本文版权归原作者所有,转载文章仅为
    // 传播更多信息之目的…): whole sentences, but about the site's copy, not the plan.
    // A news platform's note that the article is its author's (声明：该文观点仅代表作者本人，…).
    let disclaimer = ["郑重声明", "免责声明", "版权声明", "特别声明", "声明"].iter().any(|w| t.starts_with(w));
    // A news platform's for the account that posted it (…仅代表该入驻单位观点，…请联系删除！;
    // …用户上传并发布，本平台仅提供信息存储服务。).
    let disclaimed = ["转载", "版权", "原作者", "仅代表作者", "请联系删除", "信息存储服务"];
    if disclaimer && disclaimed.iter().any(|w| t.contains(w)) && t.chars().count() <= 150 {
        return true;
    }
    // … and the same note in English (Notice: The content above … is uploaded and posted by a
    // user of NetEase Hao …): no line of a Chinese plan.
    let english = !t.chars().any(crate::index::is_han);
    if english && t.starts_with("Notice:") && ["uploaded", "posted by"].iter().any(|w| t.contains(w)) {
        return true;
    }
    // A reposting site's note that it will take the copy down (本文转载自网络，如有侵权，请联系删除;
    // 以上文案信息均为网络采集 版权归原作者所有 如有侵权请微信联系): a plan never asks so.
    // A bureau's account asks the same in brackets (（如涉及版权或其他权益问题，请及时联系告知。）).
    if t.contains("如涉及版权") && t.contains("联系") && t.chars().count() <= 60 {
        return true;
    }
    let takedown = t.contains("如有侵权") && ["联系", "删除"].iter().any(|w| t.contains(w));
    if takedown
        && ["转载", "原作者", "网络采集", "来源于网络"].iter().any(|w| t.contains(w))
        && t.chars().count() <= 200
    {
        return true;
    }
    // A site's note that the article speaks for its author (文章为作者独立观点，不代表本站观点).
    let own_view = t.contains("不代表") && ["观点", "立场"].iter().any(|w| t.contains(w));
    if own_view && ["作者", "本站", "本网", "本平台"].iter().any(|w| t.contains(w)) && t.chars().count() <= 60
    {
        return true;
    }
    // … or opens the line under its label (声明: / 本文仅代表作者个人观点，与新江南网无关。…仅提供信息
    // 存储空间服务。如有侵权…删除!).
    let authors_own = t.starts_with("本文仅代表作者") && ["本站", "信息存储", "侵权"].iter().any(|w| t.contains(w));
    if authors_own && t.chars().count() <= 300 {
        return true;
    }
    if t.is_empty() || t.contains('。') {
        return false;
    }
    // A news site's words alone on a line: an empty label over such a note or over the tags, its
    // link boxes (阅读推荐, 相关内容), the note under a stock picture ((资料图片仅供参考)); its
    // masthead (人民網 over the headline, Sanya 2026).
    if SITE_WORDS_ALONE.contains(&t.as_str()) || NEWS_MASTHEADS.contains(&t.as_str()) {
        return true;
    }
    // A reposting site's channel label, a province's short name spaced out on a line of its own
    // (`安 徽`); a PDF copy's spaced heading prints the full name (安 徽 省) and stays.
    let spaced = s.split_whitespace().count() >= 2 && s.split_whitespace().all(|w| w.chars().count() == 1);
    if spaced && super::regions::provinces().any(|r| r.short == t && r.name != t) {
        return true;
    }
    // A news channel's name over its article (汉阴要闻, 政务要闻), as the breadcrumb ends: a plan
    // heads nothing so.
    if t.ends_with("要闻") && (4..=6).contains(&t.chars().count()) && t.chars().all(crate::index::is_han) {
        return true;
    }
    // … or a portal's column the notice is filed under (政策文件 over 临沂市人民政府办公室关于…).
    if ["政策文件", "通知公告"].contains(&t.as_str()) {
        return true;
    }
    // The source credited in brackets under a news article ((来源:农业农村部新闻办公室)).
    let credited = t.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])).is_some_and(|inner| {
        ["来源", "信息来源", "文章来源"]
            .iter()
            .any(|l| inner.strip_prefix(l).is_some_and(|r| r.starts_with(['：', ':'])))
    });
    if credited && t.chars().count() <= 40 {
        return true;
    }
    // One publication field set off by a bar (来源 | 国家知识产权局), as a reposting account prints it.
    let barred = t.split_once(['|', '｜']).filter(|(label, value)| {
        PAGE_LABELS.contains(label) && !value.is_empty() && !value.contains(['|', '｜', '，', ','])
    });
    if barred.is_some() && t.chars().count() <= 40 {
        return true;
    }
    // A site's telephone alone on a line in its footer (15260959666, 0591-87654321).
    if is_bare_phone(&t) {
        return true;
    }
    // A site's hotline in its top bar (全国服务热线:13980619315, 咨询热线：400-888-1234): a label
    // ending in 热线 and a number of 7 digits or more; a plan's hotline (12330) is shorter.
    if is_hotline(&t) {
        return true;
    }
    // A news site's slogan under the article (粤港澳都市网为您提供最新资讯): it addresses the reader.
    let slogan = t.contains("为您提供") && ["资讯", "新闻", "信息", "报道"].iter().any(|w| t.ends_with(w));
    if slogan && t.chars().count() <= 30 {
        return true;
    }
    // A news site's links to its other articles under the text (相关新闻 / - 2018-03-09张掖加快推进
    // 安居工程建设, Gaotai 2018): a bullet, a date, another headline.
    let linked = t.strip_prefix(['-', '•', '·', '●']).is_some_and(|entry| {
        let date = entry.get(..10).is_some_and(|d| {
            d.bytes().enumerate().all(|(k, b)| if k == 4 || k == 7 { b == b'-' } else { b.is_ascii_digit() })
        });
        date && entry.chars().count() <= 60 && !entry.contains(['，', ',', '；'])
    });
    if linked {
        return true;
    }
    // The rule under a table's header that lost its opening bar (索 引 号 | … / ---|---|---|),
    // left over where the rows were not read as a table.
    let rule = t.contains('-') && t.contains('|') && t.chars().all(|c| "-|:｜".contains(c));
    if rule {
        return true;
    }
    if PAGE_OPENINGS.iter().any(|o| t.starts_with(o)) || t.contains("ICP备") {
        return true;
    }
    // The owner before its claim (搜狐公司 版权所有).
    if t.ends_with("版权所有") && t.chars().count() <= 30 && !t.contains(['，', ',']) {
        return true;
    }
    // A site's footer of links set off by bars (关于我们|联系我们|法律顾问|版权声明), whatever link
    // it opens with.
    let links: Vec<&str> = t.split(['|', '｜']).collect();
    let short_links = links.iter().all(|l| (2..=6).contains(&l.chars().count()));
    if links.len() >= 3 && short_links && links.iter().any(|l| FOOTER_LINKS.contains(l)) {
        return true;
    }
    // Breadcrumbs: 首页 > 政务公开 > …, or with slashes (首页 / 活动方案 / …), or with closing
    // guillemets (…监督管理局 》 新闻动态 》 工作通知), which a title's citation opens too.
    let slashes = if t.contains("首页") { t.matches('/').count() } else { 0 };
    let guillemets = if t.contains('《') { 0 } else { t.matches('》').count() };
    let arrows = t.chars().filter(|c| matches!(c, '>' | '＞' | '»' | '›')).count().max(slashes).max(guillemets);
    if arrows >= 2 && t.chars().count() <= 80 {
        return true;
    }
    // … or a channel and its column alone (地方频道 > 看浙里, Zhejiang Online 2024): two short names
    // of Chinese characters, as no sentence of a plan is.
    let crumb = t.split_once(['>', '＞', '»', '›']).is_some_and(|(a, b)| {
        let name = |s: &str| (2..=8).contains(&s.chars().count()) && s.chars().all(crate::index::is_han);
        name(a) && name(b)
    });
    if crumb {
        return true;
    }
    // A picture's credit under it (图源杭州日报 制图 王).
    let credited_picture = s.split_whitespace().next().and_then(|w| w.strip_prefix("图源")).is_some_and(|source| {
        let source = source.trim_start_matches(['：', ':']);
        ["报", "网", "社", "台"].iter().any(|e| source.ends_with(e))
    });
    if credited_picture && t.chars().count() <= 20 && !t.contains(['，', ',', '；']) {
        return true;
    }
    let labelled = |l: &str| t.match_indices(l).any(|(i, _)| t[i + l.len()..].starts_with(['：', ':']));
    let labels = PAGE_LABELS.iter().filter(|l| labelled(l)).count();
    let dated = has_date(&t) || has_clock_date(&t);
    if labels >= 2 || labels == 1 && dated && t.chars().count() <= 60 {
        return true;
    }
    // One publication field on a line of its own (文号: …, 名称: …), or a row of the page's
    // data table (索引号 | … | 发布机构 | …).
    let opens_with_label =
        PAGE_LABELS.iter().any(|l| t.strip_prefix(l).map(|r| r.starts_with(['：', ':'])).unwrap_or(false));
    if opens_with_label && t.chars().count() <= 80 {
        return true;
    }
    // Not a statistics table's header whose first column's name opens with a label (分类名称 | 增加值).
    let opens_row = |l: &&str| t.strip_prefix(*l).is_some_and(|r| !r.starts_with(crate::index::is_han));
    if t.matches('|').count() >= 2 && PAGE_LABELS.iter().any(opens_row) {
        return true;
    }
    // A field of the data table printed as a list, its value after a space and no colon
    // (`• 索引号 2464805076585154783`, `• 成文日期 2022-10-11`), or a label with no value
    // (`• 规范性文件登记号`). Labels of two characters (名称, 时间) may open a plan's line.
    let bare = s.trim().trim_start_matches(['•', '·', '●', '*']).trim();
    let fields: Vec<&str> = bare.split_whitespace().collect();
    // A label spaced out to the width of the others (`索 引 号 PT00207-…`) is one word.
    let spaced = fields.iter().take_while(|w| w.chars().count() == 1).count();
    let label =
        if spaced >= 2 { fields[..spaced].concat() } else { fields.first().map_or(String::new(), |w| w.to_string()) };
    let long_label = |l: &str| l.chars().count() >= 3 || l == "标题";
    if long_label(&label) && PAGE_LABELS.contains(&label.as_str()) && t.chars().count() <= 60 {
        return true;
    }
    // Or two fields of it in a row, label and value apart (`标题 …的通知 有效性 有效`).
    let label_words: Vec<&&str> = fields.iter().filter(|w| PAGE_LABELS.contains(*w)).collect();
    if label_words.len() >= 2 && label_words.iter().any(|w| long_label(w)) && t.chars().count() <= 120 {
        return true;
    }
    // The same data table with its labels in brackets, its rows sometimes numbered as a list
    // (`6. [发文字号] 京知局〔2022〕88号`, `[ 索引号 ] … [ 发文字号 ] …`): a plan's item never
    // opens with a page's label in brackets.
    if bracketed_page_label(&t) && t.chars().count() <= 100 {
        return true;
    }
    // The site's logo and its social accounts over the text (`立业云logo`, `…人民政府官方微信`,
    // a service firm's `知识产权顾问微信`).
    let banner = ["logo", "LOGO", "Logo", "官方微信", "官方微博", "顾问微信", "客服微信", "微信订阅号"]
        .iter()
        .any(|w| t.ends_with(w));
    if banner && t.chars().count() <= 30 && !t.contains(['，', ',', '：', ':']) {
        return true;
    }
    // … and a news site's app and accounts listed under the article (南海网手机客户端, 南海网微信公众号,
    // 南海网微博), the site named first: a plan's task opens a verb (开通知识产权微信公众号).
    let account = ["手机客户端", "客户端", "微信公众号", "公众号", "微博"].iter().find_map(|w| t.strip_suffix(w));
    if account.is_some_and(|site| (2..=8).contains(&site.chars().count()) && site.ends_with(['网', '报'])) {
        return true;
    }
    // Its newsroom's credits set off by a bar (记者丨孙洪 邓凯晖, 编辑丨卢诗晴, 监制丨杨子雄): a label
    // and names only.
    let credit = t.split_once(['丨', '|', '｜']).is_some_and(|(label, names)| {
        const NEWSROOM: &[&str] = &["记者", "通讯员", "编辑", "责编", "责任编辑", "审核", "监制", "校对", "摄影"];
        let names = names.trim();
        NEWSROOM.contains(&label.trim())
            && (2..=20).contains(&names.chars().count())
            && names.chars().all(|c| crate::index::is_han(c) || c.is_whitespace() || c == '、')
    });
    if credit {
        return true;
    }
    // Its reporter's byline (記者劉杰): 记者 and a name, no sentence. A plan's line never opens so,
    // but a meeting may (记者招待会).
    let byline = t.strip_prefix("记者").is_some_and(|name| {
        (2..=4).contains(&name.chars().count())
            && name.chars().all(crate::index::is_han)
            && !name.ends_with(['会', '站', '节', '日', '证', '团', '们'])
    });
    // Or its writers' (文/黃星星 易楚薇): names alone after 文/, with no sentence.
    let raw = s.trim();
    let writers = raw.strip_prefix("文/").or_else(|| raw.strip_prefix("文／")).is_some_and(|names| {
        let names: Vec<&str> = names.split_whitespace().collect();
        (1..=4).contains(&names.len())
            && names.iter().all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(crate::index::is_han))
    });
    if byline || writers {
        return true;
    }
    // A web page's template placeholders left unfilled (`{{ v.name }}`, `{{ v.price }} ¥{{ v.price }}`):
    // markup, with at most a character or two of the page around them.
    if t.contains("{{") && t.contains("}}") {
        let mut rest = t.as_str();
        let mut outside = 0;
        while let Some(open) = rest.find("{{") {
            outside += rest[..open].chars().count();
            match rest[open..].find("}}") {
                Some(close) => rest = &rest[open + close + 2..],
                None => break,
            }
        }
        if outside + rest.chars().count() <= 3 && !rest.contains("{{") {
            return true;
        }
    }
    // The count of comments under an article (0条评论).
    let comments = t.strip_suffix("条评论").is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if comments {
        return true;
    }
    // A government site's bar of links to the portals above it (中国政府网 山西省政府 忻州市政府):
    // the national portal first, every link a portal's name.
    let words: Vec<&str> = s.split_whitespace().collect();
    let portal = |p: &&str| p.ends_with("政府网") || p.ends_with("政府") && p.chars().count() <= 10;
    if words.len() >= 2 && words[0] == "中国政府网" && words.iter().all(portal) {
        return true;
    }
    // A link to the site's explainer of the plan (`『图文解读』 图解：…`, `【政策解读】…`).
    if links_an_explainer(&t) && t.chars().count() <= 100 {
        return true;
    }
    // A link to an attached file under the notice (甬政发(2023)73号.pdf): its name, not text.
    let lower = t.to_ascii_lowercase();
    let attached = [".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx"].iter().any(|e| lower.ends_with(e));
    if attached && t.chars().count() <= 60 {
        return true;
    }
    // A picture's file name printed where the picture stood (微信图片_20240312083018.jpg): the
    // page's, never a sentence of the text.
    let picture = [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"].iter().any(|e| lower.ends_with(e));
    if picture && t.chars().count() <= 60 && !t.contains(['，', ',', '：', ':']) {
        return true;
    }
    // The link that downloads it, without its name (点击下载此文件, 附件下载).
    let download = ["点击下载", "点击此处下载", "附件下载", "下载附件"].iter().any(|w| t.starts_with(w));
    if download && t.chars().count() <= 20 {
        return true;
    }
    // A picture the page embedded, left as its markup on a line of its own
    // (`<image>data:image/png;base64,…</image>`, `![](…)`).
    if is_image_markup(s.trim()) {
        return true;
    }
    // A document-sharing site's page list: 标题_第3页.
    if t.ends_with('页') && t.contains("_第") {
        return true;
    }
    // The title of a box of links beside a news article with its link to the rest (青岛新闻 更多,
    // 影像青岛 更多>>): a plan's line never ends in a bare 更多.
    let more = ["更多", "更多>>", "更多»", "更多>", "更多+"];
    if words.len() == 2
        && more.contains(&words[1])
        && words[0].chars().count() <= 8
        && words[0].chars().all(crate::index::is_han)
    {
        return true;
    }
    // A site's menu of channels under its home link (首页 股票 财经 基金 导航).
    if words.len() >= 3 && words[0] == "首页" && words.iter().all(|w| w.chars().count() <= 4) {
        return true;
    }
    if is_time_stamp(s.trim()) || is_editor_credit(&t) || is_site_dateline(&t) {
        return true;
    }
    // The site's name before that date (天津市静海区人民政府 2019年12月3日星期二): a plan's
    // signature dates itself without the weekday.
    if words.len() == 2 && words[0].chars().count() <= 20 && is_site_dateline(&normalise(words[1])) {
        return true;
    }
    only_controls(&t)
}

/// Is this (normalised) line only a news page's credit of its editors in round brackets
/// (`(责编:林露、李昉)`), or of its reporter and editors in turn (`(记者:李岸;编辑:张飞;校对:王振伟)`)?
/// Only newsroom labels: a plan's bracketed lines name who does a task (（责任单位：…）) and stay.
fn is_editor_credit(t: &str) -> bool {
    let Some(inner) = t.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])) else { return false };
    const NEWSROOM: &[&str] = &["责编", "责任编辑", "编辑", "记者", "通讯员", "校对", "审核", "审校", "摄影"];
    let credit = |part: &str| {
        let Some((label, names)) = part.split_once(['：', ':']) else { return false };
        NEWSROOM.contains(&label) && !names.is_empty() && !names.contains(['。', '(', '（'])
    };
    let parts: Vec<&str> = inner.split(['；', ';']).collect();
    let editors = parts.iter().any(|p| ["责编", "责任编辑", "编辑"].iter().any(|l| p.starts_with(l)));
    // A reporter named alone may be a plan's; a credit names its editor too.
    editors && parts.iter().all(|p| credit(p))
}

/// Is this (normalised) line only a site header's date with its weekday (`周六. 9 月 27th, 2025`,
/// `2025年9月27日 星期六`)? The day the page was viewed: a plan dates itself without the weekday,
/// and an activity's day (4月26日(星期三)) has no year.
fn is_site_dateline(t: &str) -> bool {
    const DAYS: &[&str] = &["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天"];
    const SHORT: &[&str] = &["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let Some(rest) = DAYS.iter().chain(SHORT).find_map(|d| t.strip_prefix(d).or_else(|| t.strip_suffix(d))) else {
        return false;
    };
    let year = rest.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'));
    let date = rest.chars().all(|c| c.is_ascii_digit() || " .,，-/年月日号stndrh".contains(c));
    year && date && t.chars().count() <= 30
}

/// Is this line only the moment a page was posted (`2025-03-07 16:22:49`, `2022/04/22 16:11`,
/// `• 2018年02月07日 10时31分`)? A plan dates itself in words (2022年4月22日), never by the clock.
fn is_time_stamp(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['•', '·', '●', '*']).trim();
    let Some((date, time)) = t.split_once(char::is_whitespace) else { return false };
    // The lengths of the numbers between separators; 0 for a part that is not one.
    let numbers = |s: &str, seps: &[char]| -> Vec<usize> {
        let s = s.trim_end_matches(seps);
        s.split(seps).map(|p| if p.chars().all(|c| c.is_ascii_digit()) { p.len() } else { 0 }).collect()
    };
    let day = |n: &[usize]| n.len() == 3 && n[0] == 4 && n[1..].iter().all(|&l| (1..=2).contains(&l));
    let clock = |n: &[usize]| (2..=3).contains(&n.len()) && n.iter().all(|&l| (1..=2).contains(&l));
    let dated = day(&numbers(date, &['-'])) || day(&numbers(date, &['/'])) || day(&numbers(date, &['年', '月', '日']));
    let timed = clock(&numbers(time.trim(), &[':'])) || clock(&numbers(time.trim(), &['时', '分', '秒']));
    dated && timed
}

/// Does a (normalised) line open, after a list number, with one of a page's labels in brackets
/// (`[发文字号]`, `【成文日期】`)?
fn bracketed_page_label(t: &str) -> bool {
    let unnumbered = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = if unnumbered.len() < t.len() { unnumbered.trim_start_matches(['.', '．', '、']) } else { t };
    let Some(inner) = t.strip_prefix(['[', '【', '［']) else { return false };
    let Some(close) = inner.find([']', '】', '］']) else { return false };
    // Or a whole field in the brackets, its value too (`【编辑:邵婉云】` closing a news article).
    let field = inner[..close].split_once(['：', ':']).map_or(&inner[..close], |(label, _)| label);
    PAGE_LABELS.contains(&&inner[..close]) || PAGE_LABELS.contains(&field) && inner[close..].chars().count() <= 1
}

/// Does a (normalised) line open with a link label in brackets for an explainer of the plan
/// (`『图文解读』`, `【政策解读】`, `[图解]`)? A plan's own lines never open so.
fn links_an_explainer(t: &str) -> bool {
    let Some(inner) = t.strip_prefix(['『', '【', '[', '［', '〖']) else { return false };
    let Some(close) = inner.find(['』', '】', ']', '］', '〗']) else { return false };
    let label = &inner[..close];
    label.ends_with("解读") || label == "图解"
}

/// A notice's contact details on a line of their own (`联系人：王琼`, `联系电话：010-84239104`,
/// `传真：…`): who to call, no part of the plan. In brackets inside an item (（联系人：…）) they
/// stay with it.
pub fn is_contact_line(s: &str) -> bool {
    const LABELS: [&str; 12] = [
        "联系人",
        "联系电话",
        "联系方式",
        "电话",
        "传真",
        "电子邮箱",
        "电子邮件",
        "邮箱",
        "邮编",
        // Gansu 2012: 邮政编码:730000 under the address.
        "邮政编码",
        "通信地址",
        "通讯地址",
    ];
    let t = normalise(s);
    let labelled = LABELS.iter().any(|l| t.strip_prefix(l).is_some_and(|r| r.starts_with(['：', ':'])));
    labelled && t.chars().count() <= 60 && !t.contains(['。', '；'])
}

/// A line of a draft's consultation notice that says where to send comments, numbered as it may
/// be (`1.通过电子邮件将意见发送至:…@163.com。`, `2.通过信函将意见寄至:…,邮编:341000。`): the
/// notice's contact details, not a task of the draft printed under it.
pub fn is_comment_channel(s: &str) -> bool {
    let t = normalise(s);
    let sends = ["发送至", "发送到", "寄至", "寄送至", "寄到", "传真至", "反馈至", "反馈到", "提交至"]
        .iter()
        .any(|w| t.contains(w));
    let address = t.contains('@') || ["邮编", "邮政编码", "传真"].iter().any(|w| t.contains(w));
    t.contains("意见") && sends && address && t.chars().count() <= 120
}

/// A label alone on its line before a colon (`索   引  号 :`, `主 题 :`), as a government page's
/// record prints its fields when the value went to the next line: Some(true) for one of the page's
/// record labels, Some(false) for another short label of Chinese characters, None for anything
/// else. The page's controls and counters (字号:, 分享到:, 浏览次数:) have no value under them.
pub fn bare_page_label(s: &str) -> Option<bool> {
    const CONTROLS: &[&str] =
        &["字号", "字体", "分享到", "浏览次数", "浏览量", "访问量", "点击数", "阅读次数", "阅读", "累计次数"];
    let t = normalise(s);
    let label = t.trim_start_matches(['•', '·', '●', '*']).strip_suffix(['：', ':'])?;
    let n = label.chars().count();
    if !(2..=8).contains(&n) || !label.chars().all(crate::index::is_han) || CONTROLS.contains(&label) {
        return None;
    }
    Some(PAGE_LABELS.contains(&label))
}

/// A short line made only of page controls (【打印】【关闭】, 字号：大 中 小).
fn only_controls(t: &str) -> bool {
    // The square brackets of a control whose words stood on the line before (字体:[ / ]).
    // … or the bar that stood between two links (`|` left alone under a footer).
    if !t.is_empty() && t.chars().all(|c| "[]【】|｜".contains(c)) {
        return true;
    }
    // Buttons set off by 〖〗 and joined by arrows (〖打印〗 >〖关闭窗口〗) are controls too.
    // A list's dash before a button (- 评论) is no word of it.
    let mut rest: String = t.chars().filter(|c| !"【】[]〖〗()（）|｜·•:：/、>＞-".contains(*c)).collect();
    if rest.is_empty() || rest.chars().count() > 40 {
        return false;
    }
    let mut words = Vec::new();
    while !rest.is_empty() {
        match PAGE_CONTROLS.iter().filter(|w| rest.starts_with(*w)).max_by_key(|w| w.len()) {
            Some(w) => {
                rest = rest[w.len()..].to_string();
                words.push(*w);
            }
            None => return false,
        }
    }
    // One character alone (大, 中) may be text; a control word or a row of them is not.
    words.len() >= 2 || words.iter().any(|w| w.chars().count() >= 2)
}

/// A hotline's label and its number, nothing else (`全国服务热线:13980619315`).
pub(crate) fn is_hotline(t: &str) -> bool {
    let Some((label, number)) = t.split_once(['：', ':']) else { return false };
    let label_ok = label.ends_with("热线") && label.chars().count() <= 10 && !label.contains(['，', ',', '。']);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let number_ok = number.chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ') && (7..=13).contains(&digits);
    label_ok && number_ok
}

/// A company's name alone on a line (成都刘江宏展商务咨询有限公司): Chinese characters ending in 公司.
pub(crate) fn is_company_name(s: &str) -> bool {
    let t = normalise(s);
    let n = t.chars().count();
    t.ends_with("公司") && (6..=24).contains(&n) && t.chars().all(crate::index::is_han)
}

/// A telephone number and nothing else: a mobile's eleven digits (1 and 3–9 first), or a fixed
/// line's area code and number (0591-87654321). Page numbers, years and figures are shorter or
/// carry their unit.
fn is_bare_phone(t: &str) -> bool {
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let only = t.chars().all(|c| c.is_ascii_digit() || c == '-');
    let mobile = digits.len() == 11 && digits.starts_with('1') && digits[1..2] >= *"3" && !t.contains('-');
    let fixed = t.starts_with('0') && t.split('-').count() == 2 && (10..=12).contains(&digits.len());
    only && (mobile || fixed)
}

/// Is this line only a picture's markup: an `<image>…</image>` element or a Markdown image
/// (`![alt](src)`)? Markup no printed text has.
fn is_image_markup(t: &str) -> bool {
    let element = t.starts_with("<image") && t.ends_with("</image>");
    let markdown = t
        .strip_prefix("![")
        .and_then(|r| r.split_once("]("))
        .is_some_and(|(_, src)| src.ends_with(')') && !src[..src.len() - 1].contains([')', '(']));
    element || markdown
}

/// Does the text hold a date with the clock time a site posted it at (`2024年01月12日08:15`)? A
/// plan dates itself without the clock.
fn has_clock_date(t: &str) -> bool {
    // (Asked once, not at every 日: a line of them would make this quadratic.)
    if !t.contains('年') || !t.contains('月') {
        return false;
    }
    let chars: Vec<char> = t.chars().collect();
    let digits = |from: usize| chars.get(from..).map_or(0, |w| w.iter().take_while(|c| c.is_ascii_digit()).count());
    chars.iter().enumerate().any(|(i, &c)| {
        if c != '日' || i < 8 {
            return false;
        }
        let mut j = i + 1;
        while chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        let h = digits(j);
        (1..=2).contains(&h) && matches!(chars.get(j + h), Some(':' | '：')) && digits(j + h + 1) == 2
    })
}

/// Does the text hold a date written as web pages do: 2019-03-12, 2019/3/12, 2019.03.12?
pub fn has_date(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    (0..chars.len()).any(|i| {
        let digits = |from: usize, n: usize| chars.get(from..from + n).map(|w| w.iter().all(|c| c.is_ascii_digit()));
        digits(i, 4) == Some(true)
            && matches!(chars.get(i + 4), Some('-' | '/' | '.'))
            && chars.get(i + 5).map(|c| c.is_ascii_digit()).unwrap_or(false)
    })
}

/// Number of display columns a string takes in the PDF: CJK and full-width characters one,
/// ASCII letters, digits and spaces half.
pub fn width(s: &str) -> f32 {
    s.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// Remove all whitespace: PDF line breaks and spaces inside Chinese text carry no meaning.
/// A space between two ASCII words is kept as one space (e.g. `Zhejiang Made`), and so is one
/// between two numbers (`5.2 9`).
pub fn normalise(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = out.chars().last();
            let after = chars.get(i).copied();
            if let (Some(b), Some(a)) = (before, after) {
                // Two numbers stay two (`5.2 9`: a baseline and a target, not 5.29).
                let word = |c: char| c.is_ascii_alphabetic();
                let number = |c: char| c.is_ascii_digit();
                if (word(b) && word(a) || number(b) && number(a)) && start > 0 {
                    out.push(' ');
                }
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_list_bullets_are_no_part_of_a_line() {
        let lines = split_lines("  • 厦门市知识产权局2018年工作要点\n●\n• 一是加强保护");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["厦门市知识产权局2018年工作要点", "", "一是加强保护"]);
    }

    #[test]
    fn spaces_the_encoding_lost_as_question_marks() {
        // Rong'an 2021 (a county's page): the non-breaking spaces came through as `?`.
        let lines = split_lines("第一章??????\n?\n第一條??為加強保護\nhttp://x.cn/a?id=1");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["第一章", "", "第一條 為加強保護", "http://x.cn/a?id=1"]);
    }

    #[test]
    fn bar_rows_are_read_as_cells() {
        assert_eq!(
            bar_row("| 1 | 推进保护中心建设。 | 市知识产权局 |").as_deref(),
            Some("1\t推进保护中心建设。\t市知识产权局")
        );
        assert_eq!(bar_row("｜序号｜工作任务｜｜").as_deref(), Some("序号\t工作任务\t"));
        assert_eq!(bar_row("|---|:---:|").as_deref(), Some(""));
        assert_eq!(bar_row("文号 | 宜政发〔2022〕203号 |"), None);
        assert_eq!(bar_row("1 | 包头市 | 固阳县 |").as_deref(), Some("1\t包头市\t固阳县"));
        assert_eq!(bar_row("序号 | 盟市 |").as_deref(), Some("序号\t盟市"));
        assert_eq!(bar_row("文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |"), None);
        assert_eq!(bar_row("| 只有一格 |"), None);
        assert_eq!(bar_row("|"), None);
        let text = "标题\n| 序号 | 工作任务 |\n|---|---|\n| 1 | 推进。 |";
        assert_eq!(bar_rows_as_tabs(text), "标题\n序号\t工作任务\n\n1\t推进。");
        assert!(matches!(bar_rows_as_tabs("一、强化保护"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn word_marks_are_dropped() {
        assert_eq!(without_word_marks("各省@@、自治区@@、直辖市和@@新疆@@@@"), "各省、自治区、直辖市和新疆");
        // One or two runs are left as printed.
        assert!(matches!(without_word_marks("邮箱:ip@@example.cn"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn pinyin_after_characters_is_dropped() {
        assert_eq!(without_pinyin("知識產(chǎn)權(quán)局、農業(yè)部"), "知識產權局、農業部");
        assert_eq!(without_pinyin("聯(lián)席（xí）會議"), "聯席會議");
        // Pinyin in lenticular brackets; with several toned syllables, the neutral tone's too.
        assert_eq!(
            without_pinyin("国务院【yuàn】印发《知【zhī】识产权强【qiáng】国建设纲要》的【de】通知"),
            "国务院印发《知识产权强国建设纲要》的通知"
        );
        // One toned syllable is not enough to take a toneless bracket for pinyin.
        assert_eq!(without_pinyin("推进【ip】试点(ā)，院【yuàn】"), "推进【ip】试点，院");
        // Brackets of the plan itself stay: no tone mark, or not after a character.
        assert!(matches!(without_pinyin("新聞出版廣電總局(版權局)負責"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(without_pinyin("推进(ip)试点，(ā)"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn overprinted_runs_collapse() {
        assert_eq!(collapse_overprint("加大加大加大加大“两法衔接两法衔接两法衔接两法衔接”"), "加大“两法衔接”");
        assert_eq!(collapse_overprint("开开开开展工作"), "开展工作");
        assert_eq!(collapse_overprint("全过程全过程全过程全过程。。。。在"), "全过程。在");
        assert_eq!(collapse_overprint("企业达 30000 家"), "企业达 30000 家");
        assert_eq!(collapse_overprint("示范校。。"), "示范校。。");
        assert_eq!(collapse_overprint("开展专项行动。。。。确立"), "开展专项行动。。。。确立");
        assert_eq!(collapse_overprint("工作力度工作力度工作力度工作力度，，，，提高"), "工作力度，提高");
        assert_eq!(collapse_overprint("省知识产权局、省知识产权局、"), "省知识产权局、省知识产权局、");
    }

    #[test]
    fn page_marks_inside_a_word() {
        assert_eq!(without_inline_page_marks("实施一批重要举- 3 -措，推动证券化"), "实施一批重要举措，推动证券化");
        assert_eq!(without_inline_page_marks("加强—12—保护"), "加强保护");
        // Ranges, dates and numbered steps are text.
        for kept in ["2021-2025年", "第1-3项", "共-3-", "一是- 3 -", "举- 3 - 2024年", "举-1234-措"] {
            assert_eq!(without_inline_page_marks(kept), kept);
        }
    }

    #[test]
    fn page_furniture() {
        assert!(is_page_furniture("首页 > 政务公开 > 通知公告"));
        // Hongqiao 2023: a breadcrumb set off by closing guillemets; a line citing documents stays.
        assert!(is_page_furniture("天津市红桥区市场监督管理局  》 新闻动态  》 工作通知"));
        assert!(!is_page_furniture("《专利法》《商标法》"));
        // Sanya 2026 (People's Daily): masthead, byline, buttons, the original headline.
        for line in ["人民网", "记者刘杰", "订阅已订阅已收藏收藏小字号", "原标题:三亚崖州湾科技城高新区入选示范园区"]
        {
            assert!(is_page_furniture(line), "{line}");
        }
        assert!(!is_page_furniture("记者招待会") && !is_page_furniture("互联网"));
        // Its writers' byline (Zhuzhou 2022 news), not a sentence that opens with 文.
        assert!(is_page_furniture("  文/黃星星 易楚薇") && is_page_furniture("文／张三"));
        assert!(!is_page_furniture("文/旅融合发展") && !is_page_furniture("文化产业发展"));
        // Zhejiang Online 2024 and Hangzhou 2022 news: a channel over its column, a picture's
        // credit, the titles of boxes of links.
        for line in ["地方频道 > 看浙里", "图源杭州日报 制图 王", "最新资讯", "新闻热点"] {
            assert!(is_page_furniture(line), "{line}");
        }
        assert!(!is_page_furniture("专利申请量>1000件") && !is_page_furniture("图源数据库建设"));
        // Linyi 2023: the switch to the site's mode for older readers.
        for line in ["退出长者模式", "长者浏览模式", "政策文件"] {
            assert!(is_page_furniture(line), "{line}");
        }
        // Fuzhou 2022: a page's template placeholders left unfilled.
        for line in ["{{ v.name }}", "{{ v.cls }}类", "{{ v.price }} ¥{{ v.price }}"] {
            assert!(is_page_furniture(line), "{line}");
        }
        assert!(!is_page_furniture("{{ v.name }}知识产权强市建设"));
        // Wuzhong 2023, Jiangsu 2023 news on aggregator sites: a stock picture's note, empty labels,
        // link boxes, the platform's note that the article is its author's.
        for line in
            ["(资料图片仅供参考)", "声明:", "关键词:", "阅读推荐", "新闻爆料", "相关内容", "推荐内容", "你可能感兴趣"]
        {
            assert!(is_page_furniture(line), "{line}");
        }
        assert!(is_page_furniture("本文仅代表作者个人观点,与新江南网无关。其原创性以及文中陈述文字和内容未经本站证实,请读者仅作参考。新江南网仅提供信息存储空间服务。如有侵权请联系管理员删除!"));
        assert!(!is_page_furniture("本文仅代表作者个人观点。"));
        assert!(!is_page_furniture("相关内容纳入年度考核"));
        // A news page's keywords under the article (Nanshan 2022).
        assert!(is_page_furniture("关键词: 知识产权宣传周 中国专利奖获奖名单 知识产权数据 腾讯科技"));
        // A city TV site's credits and comment box under the article (Wuzhou 2024).
        for line in
            ["记者丨孙洪 邓凯晖", "编辑丨卢诗晴", "审核丨蒙小清 林嘉旋", "精彩推荐", "文明上网,理性发言", "加载更多"]
        {
            assert!(is_page_furniture(line), "{line}");
        }
        assert!(!is_page_furniture("审核丨严格审查专利申请。"));
        // Xiamen 2022 on a law site: its search box's buttons over the notice.
        for line in ["精确检索", "开始检索"] {
            assert!(is_page_furniture(line), "{line}");
        }
        // Fujian 2024 news: the site's controls and its telephone in the footer.
        for line in ["收藏本站", "15260959666", "0591-87654321"] {
            assert!(is_page_furniture(line), "{line}");
        }
        for line in ["2024", "12", "100000", "2021-2025"] {
            assert!(!is_page_furniture(line), "{line}");
        }
        // Hefei 2023 news: the buttons under the article; Nanjing 2022: the e-paper's link.
        for line in ["- 评论", "- 关注", "数字报"] {
            assert!(is_page_furniture(line), "{line}");
        }
        // Hefei 2023 and Liaoning 2024 news: the dateline with the clock; an embedded picture.
        for line in [
            "2024年01月12日08:15 | 来源:辽宁日报",
            "<image>data:image/png;base64,iVBORw0KGgo=</image>",
            "![](https://example.org/a.png)",
            "发表于:2024-02-27 关注 ",
        ] {
            assert!(is_page_furniture(line), "{line}");
        }
        for line in
            ["2024年1月12日", "（二）2024年1月12日前完成", "![]() 為進一步普及知識產權知識,增強公眾的意識。 ![]()"]
        {
            assert!(!is_page_furniture(line), "{line}");
        }
        // Shanghai 2024: a bureau's own news reposted on a platform, with its credits, its
        // account and the platform's notes.
        for line in [
            "供稿:战略规划处",
            "审校:石磊",
            "审核:聂莉",
            "(如涉及版权或其他权益问题,请及时联系告知。)",
            "唯一官方微信订阅号",
            "特别声明:本文经上观新闻客户端的“上观号”入驻单位授权发布,仅代表该入驻单位观点,“上观新闻”仅为信息发布平台,如您认为发布内容侵犯您的相关权益,请联系删除!",
            "特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。",
            "Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.",
        ] {
            assert!(is_page_furniture(line), "{line}");
        }
        for line in ["审核专利申请,严把质量关", "上海市知识产权局"] {
            assert!(!is_page_furniture(line), "{line}");
        }
        // A 2024 news page's top bar; Putian 2025: a portal's record of the file, its labels
        // spaced out or without colons.
        for line in [
            "  • 回到顶部",
            "  • QQ客服",
            "  • 知识产权顾问微信",
            "索 引 号 PT00207-0300-2025-00023 文号 莆市监知运〔2025〕113号",
            "标题 莆田市市场监督管理局关于印发2025年莆田市推动知识产权高质量发展任务清单的通知 有效性 有效",
            "生成日期 2025-06-25",
            "政策解读:",
        ] {
            assert!(is_page_furniture(line), "{line}");
        }
        for line in ["重点任务", "落实举措", "标题党治理专项行动", "开通知识产权公众号和微信"]
        {
            assert!(!is_page_furniture(line), "{line}");
        }
        // Guangdong 2022 news: the reposting site's slogan under the article.
        assert!(is_page_furniture("粤港澳都市网为您提供最新资讯"));
        assert!(!is_page_furniture("（三）为企业提供知识产权信息"), "a task about information");
        // Yantai 2022: the tabs of a major decision's page, a tab a line.
        for tab in ["决策启动", "专家论证", "  • 决策草案", "  • 草案解读"] {
            assert!(is_page_furniture(tab), "{tab}");
        }
        assert!(!is_page_furniture("六、风险评估"), "a plan's numbered heading");
        // Anhui 2023: a reposting site's channel label, the province's short name spaced out; a PDF
        // copy's spaced heading names the province in full and stays.
        assert!(is_page_furniture("安 徽"));
        assert!(!is_page_furniture("安 徽 省"));
        assert!(!is_page_furniture("安徽"));
        // Hanyin 2020: the news channel's name under the breadcrumb that ends with it.
        assert!(is_page_furniture("汉阴要闻"));
        assert!(!is_page_furniture("一、加强知识产权宣传要闻报道"));
        // Zhejiang 2024: a picture's file name where the picture stood, and the bracket that closes
        // the 字体:[ control on a line of its own.
        assert!(is_page_furniture("微信图片_20240312083018.jpg"));
        assert!(is_page_furniture("]"));
        assert!(!is_page_furniture("附图：专利导航流程（见下图）"));
        // Ningbo 2023: a reposting app's buttons and the attached file's link.
        for line in ["保存成功", "收藏 查看原文", "甬政发(2023)73号.pdf"] {
            assert!(is_page_furniture(line), "{line}");
        }
        // Sichuan 2024: the link under the notice that downloads its attachment.
        assert!(is_page_furniture("  点击下载此文件"));
        assert!(!is_page_furniture("（二）提供专利文献检索、下载服务"), "a task about downloads");
        assert!(is_page_furniture("当前位置：首页 > 规划计划"));
        assert!(is_page_furniture("发布日期：2019-03-12  来源：市知识产权局  字号：[大 中 小]"));
        // A law database's record fields (Tianjin 2014 on pkulaw, its list bullets gone).
        assert!(is_page_furniture("发布部门: 天津市知识产权局"));
        assert!(is_page_furniture("法规类别: 知识产权法规"));
        assert!(is_page_furniture("【打印本页】【关闭窗口】"));
        assert!(is_page_furniture("〖打印〗 >〖关闭窗口〗"));
        assert!(is_page_furniture("日期:2017年11月14日  字体:【大】【中】【小】"));
        assert!(is_page_furniture("  • 站内搜索:"));
        assert!(is_page_furniture("中国政府网 山西省政府 忻州市政府"));
        assert!(is_page_furniture("周六. 9 月 27th, 2025"));
        assert!(is_page_furniture("2025年9月27日 星期六"));
        assert!(!is_page_furniture("4月26日星期三"));
        assert!(!is_page_furniture("山西省人民政府 国家知识产权局"));
        // A city portal's switches for its accessible and elder-care versions (Yinchuan 2023).
        assert!(is_page_furniture("无障碍 | 长者版"));
        assert!(is_page_furniture("关怀版"));
        // … and its link to the plan's explainer.
        assert!(is_page_furniture("『图文解读』 图解:银川市国家知识产权强市建设试点城市工作方案(2022—2025年)"));
        assert!(is_page_furniture("【政策解读】"));
        // … and its logo, search box and social accounts (Ji'an 2023 on an aggregator, Ordos 2022).
        assert!(is_page_furniture("立业云logo") && is_page_furniture("search"));
        assert!(is_page_furniture("鄂尔多斯市人民政府官方微信"));
        assert!(!is_page_furniture("关注官方微信，获取最新政策。"));
        // A news site's footer of links, opening with another link than 联系我们 (中国报道 2021).
        assert!(is_page_furniture("关于我们|联系我们|法律顾问|版权声明"));
        assert!(!is_page_furniture("专利|商标|版权"));
        // A portal's reaction buttons under a county's news (Luxi 2022), a line each.
        assert!(["鲜花", "握手", "雷人", "路过", "鸡蛋"].iter().all(|b| is_page_furniture(b)));
        assert!(is_page_furniture("分享到："));
        assert!(is_page_furniture("字号：大 中 小"));
        assert!(!is_page_furniture("2016年9月1日"));
        assert!(is_page_furniture("2025-03-07 16:22:49") && is_page_furniture("2022/04/22 16:11"));
        assert!(!is_page_furniture("2025-03-07") && !is_page_furniture("2025-03-07 加强保护"));
        assert!(is_page_furniture("  • 2018年02月07日 10时31分") && !is_page_furniture("2018年2月7日"));
        assert!(is_page_furniture("扫一扫在手机打开当前页"));
        assert!(is_page_furniture("(责编:林露、李昉)") && is_page_furniture("分享让更多人看到"));
        assert!(is_page_furniture("青岛新闻 更多") && is_page_furniture("影像青岛 更多>>"));
        assert!(is_page_furniture("无障碍 简体| 繁体"));
        assert!(is_page_furniture("天津市静海区人民政府 2019年12月3日星期二"));
        assert!(!is_page_furniture("天津市静海区人民政府 2019年12月3日"));
        assert!(!is_page_furniture("推动更多") && !is_page_furniture("让企业 更多受益"));
        assert!(!is_page_furniture("（责任单位：省知识产权局）") && !is_page_furniture("(编辑:)"));
        // A news page's credits and a platform's footer (Baotou 2024, Sohu).
        assert!(is_page_furniture("(记者:李岸;编辑:张飞;校对:王振伟;审核:贾星慧)"));
        assert!(!is_page_furniture("（记者：李岸）") && !is_page_furniture("(牵头单位:市知识产权局;编辑:张飞)"));
        assert!(is_page_furniture("请输入验证码") && is_page_furniture("发布于:"));
        assert!(is_page_furniture("声明:该文观点仅代表作者本人,搜狐号系信息发布平台,搜狐仅提供信息存储空间服务。"));
        assert!(
            is_page_furniture("Copyright © 2023 Sohu All Rights Reserved") && is_page_furniture("搜狐公司 版权所有")
        );
        assert!(!is_page_furniture("声明:本方案由市知识产权局负责解释。"));
        assert!(is_page_furniture("国内统一刊号:CN43-0003 湘潭日报社出版党报热线:0731-58266666"));
        assert!(!is_page_furniture("公开方式：主动公开"));
        // A city portal's fields: with a colon, or as a list with the value after a space.
        assert!(is_page_furniture("公开时限: 长期公开"));
        assert!(is_page_furniture("主 题 词:"));
        assert!(is_page_furniture("  • 索引号 2464805076585154783"));
        assert!(is_page_furniture("  • 成文日期 2022-10-11"));
        assert!(is_page_furniture("  • 规范性文件登记号"));
        assert!(is_page_furniture("文件有效性: | 是 |"));
        assert_eq!(bare_page_label("索   引  号 :"), Some(true));
        assert_eq!(bare_page_label("主    题 :"), Some(false));
        assert_eq!(bare_page_label("字号:"), None);
        assert_eq!(bare_page_label("索引号: 001"), None);
        assert_eq!(bare_page_label("一、活动主题:"), None);
        assert!(is_page_furniture("【字体:: 保护视力色:"));
        assert!(!is_page_furniture("  • 名称 相关内容"));
        assert!(!is_page_furniture("  • 各区、市人民政府,市政府各部门,市直各单位:"));
        assert!(!is_page_furniture("（联系人：陈勘，联系电话：020-87686049）"));
        // A notice's contact block (a forestry notice of 2003), a line each; not in brackets.
        assert!(is_contact_line("    联系人：王琼") && is_contact_line("联系电话：010-84239104"));
        assert!(is_contact_line("传真:010-84238883") && is_contact_line("联系人:金虎0471-5271969  强健 0471-6628927"));
        assert!(!is_contact_line("（联系人：陈勘，联系电话：020-87686049）"));
        assert!(is_contact_line("邮政编码:730000"));
        assert!(!is_contact_line("电话咨询服务：建立12330热线，受理举报投诉。"));
        assert!(is_page_furniture("全国服务热线:13980619315") && is_page_furniture("咨询热线：400-888-1234"));
        assert!(!is_page_furniture("维权援助热线：12330") && !is_page_furniture("开通服务热线：受理投诉"));
        assert!(!is_page_furniture("分类名称 | 增加值 (亿元) | 增速 (%) | 构成 (%) |"));
        assert!(is_company_name("成都刘江宏展商务咨询有限公司") && !is_company_name("由省国资委监管的国有企业负责"));
        assert!(is_comment_channel("1.通过电子邮件将意见发送至:gzszscqj@163.com。"));
        assert!(is_comment_channel("2.通过信函将意见寄至:某市华坚南路68号某局知识产权科,邮编:341000。"));
        assert!(!is_comment_channel("3.建立专利信息推送机制，将检索结果发送至企业。"));
        // A national bureau's notice ends with its mail and post address too (2024 示范区 公示).
        assert!(
            is_contact_line("电子邮件:shifanqu@cnipa.gov.cn") && is_contact_line("通信地址:北京市海淀区西土城路6号")
        );
        assert!(!is_page_furniture("一、强化知识产权保护"));
        assert!(!is_page_furniture("中"));
        assert!(is_page_furniture("文号: 通政发〔2023〕4号"));
        assert!(is_page_furniture("索引号 | 001008003015081/2022-00489 | ||"));
        assert!(is_page_furniture("天津知识产权十四五规划_第10页"));
        assert!(!is_page_furniture("责任单位：市知识产权局"));
        assert!(is_page_furniture(
            "  现在位置: 首页  / 2024知识产权宣传周  / 活动方案  / 关于开展2024年知识产权宣传周活动的方案"
        ));
        assert!(is_page_furniture("首页 / 政务公开 / 通知公告"));
        assert!(is_page_furniture("欢迎来到某某平台! 设为首页 收藏"));
        assert!(is_page_furniture("设为首页 收藏"));
        // A government site's data table with bracketed labels, as a numbered list or in rows.
        assert!(is_page_furniture("  1. [主题分类] 科技教育/知识产权"));
        assert!(is_page_furniture("  3. [联合发文单位]"));
        assert!(is_page_furniture("6. [发文字号] 京知局〔2022〕88号"));
        assert!(is_page_furniture("[ 索引号 ] 11500227733953861E/2022-00035 [ 发文字号 ] 璧山府办发〔2022〕30号"));
        assert!(is_page_furniture("登录 注册 退出"));
        // A law database's record fields, one a line, and a portal's 发文日期.
        assert!(is_page_furniture("当前状态:有效"));
        assert!(is_page_furniture("颁布日期:2017-04-01"));
        assert!(is_page_furniture("发文日期: 2019-09-30"));
        assert!(!is_page_furniture("1. [重点任务] 加强知识产权保护"));
        assert!(!is_page_furniture("1.加强知识产权保护。"));
        assert!(is_page_furniture("搜索:"));
        assert!(is_page_furniture(
            "核心提示:  武知领办〔2011〕9号  关于印发《武汉市知识产权战略纲要(2011-2020年)任务分工》的通知"
        ));
        assert!(!is_page_furniture("加强知识产权保护/运用"));
        // A sharing site's notes to its readers are furniture; a task about patent documents is not.
        assert!(is_page_furniture(
            "3. 下载前请仔细阅读文档内容,确认文档内容符合您的需求后进行下载,若出现内容与标题不符可向本站投诉处理。"
        ));
        assert!(is_page_furniture(
            "1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。"
        ));
        assert!(is_page_furniture(
            "- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。"
        ));
        assert!(is_page_furniture(
            "- 2、\"仅部分预览\"的文档,不可在线预览部分如存在完整性等问题,可反馈申请退款(可完整预览的文档不适用该条件!)。"
        ));
        assert!(!is_page_furniture("1.建设专利信息公共服务平台，提供专利文档免费检索、下载服务。"));
        assert!(!is_page_furniture("（三）推动专利文献数据上传、下载和共享。"));
        // A reposting site's disclaimer, comment box and captcha under a news article, a forum's
        // footer, and a source set off by a bar (濮阳 2022, 天津 2016, a 2025 report).
        assert!(is_page_furniture(
            "郑重声明:本文版权归原作者所有,转载文章仅为传播更多信息之目的,如作者信息标记有误,请第一时间联系我们修改或删除,多谢。"
        ));
        assert!(is_page_furniture("留言与评论(共有 0 条评论)"));
        assert!(is_page_furniture("验证码:"));
        assert!(is_page_furniture("Powered by Discuz! X3.4 © 2001-2016 Comsenz Inc."));
        assert!(is_page_furniture("来源 | 国家知识产权局"));
        assert!(is_page_furniture("【编辑:邵婉云】"));
        assert!(!is_page_furniture("【编辑:邵婉云】加强知识产权保护"));
        assert!(!is_page_furniture("郑重声明：本市将严厉打击侵犯知识产权行为。"));
        assert!(is_page_furniture("*本文转载自网络,如有侵权,请联系删除,电话:0371-63357633*"));
        assert!(
            is_page_furniture("南海网微信公众号")
                && is_page_furniture("南海网手机客户端")
                && is_page_furniture("0条评论")
        );
        assert!(!is_page_furniture("如有侵权行为，依法从严查处并联系公安机关。") && !is_page_furniture("开通政务微博"));
        assert!(!is_page_furniture("（二）开通知识产权微信公众号") && !is_page_furniture("建设知识产权服务手机客户端"));
        assert!(is_page_furniture("|") && is_page_furniture("｜"));
        assert!(is_page_furniture("首页 股票 财经 基金 导航"));
        assert!(is_page_furniture("投稿郵箱: mczfw@163.com") || is_page_furniture("投稿邮箱: mczfw@163.com"));
        assert!(is_page_furniture("所属类别: 政策措施") && is_page_furniture("文章出处: 黑龙江日报"));
        assert!(is_page_furniture("标签: 国家知识产权强县建设示范县 郑州市金水区"));
        assert!(is_page_furniture("- 2018-03-09张掖加快推进安居工程建设") && is_page_furniture("相关新闻"));
        assert!(is_page_furniture("---|---|---|---|") && !is_page_furniture("- 加强知识产权保护"));
        assert!(!is_page_furniture("首页 建设知识产权公共服务平台首页专栏"));
        assert!(
            is_page_furniture("文章为作者独立观点,不代表配资炒股观点")
                && is_page_furniture("(来源:农业农村部新闻办公室)")
        );
        assert!(!is_page_furniture("（来源：各区县统计数据）对照目标不代表最终考核观点。"));
    }

    #[test]
    fn a_sharing_sites_preview_chunks_lose_their_numbers() {
        let one = "1、新时代国家知识产权强区试点建设工作方案为认真贯彻落实习近平总书记关于知识产权工作的重 要指示论述,充分发挥知识产权支撑引领创新驱动发展和经 济转型升级作用,进一步深化知识产权强区建设,结合区实际情况,现制 定本工作方案。一、指导思想坚持以习近平新时代中国特色社会主义思想为指导,全 面贯彻党的二十大精神,紧紧围绕统筹推进“五位一体”总 体布局,以推动高质量发展为 主题";
        let two = "2、,以建设省知识产权建设示范区为目标,着力推进知识产权发展质量变革";
        let lines = split_lines(&format!("{one}\n{two}\n"));
        assert!(lines[0].text.starts_with("新时代") && lines[1].text.starts_with(",以建设"));
        // A plan's own items end as sentences do, however long, and keep their numbers.
        let item = format!("{}。", one.trim_end_matches(|c: char| c != '为'));
        let lines = split_lines(&format!("{item}\n2、开展专利导航。\n"));
        assert!(lines[0].text.starts_with("1、") && lines[1].text.starts_with("2、"));
        let short = split_lines("1、加强组织领导\n2、强化资金保障\n");
        assert_eq!(short[0].text, "1、加强组织领导");
        // The site's line over the preview, naming the member's upload, is furniture.
        let upload = "《强区试点建设工作方案.docx》由会员分享,可在线阅读,更多相关《强区试点建设工作方案.docx(12页珍藏版)》请在课桌文档上搜索。";
        assert!(is_page_furniture(upload));
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("9"));
        assert!(is_page_number("166"));
        assert!(is_page_number("- 3 -"));
        assert!(is_page_number("第 3 页 共 20 页"));
        assert!(is_page_number("第3页/共20页"));
        assert!(!is_page_number("共20页"));
        assert!(!is_page_number("1/4"));
        assert!(!is_page_number("第3页共计20项"));
        assert!(!is_page_number("2018年"));
        assert!(!is_page_number(""));
    }

    #[test]
    fn normalise_removes_breaks_but_keeps_latin_spaces() {
        assert_eq!(normalise("推进 2018 年区政府\n与市"), "推进2018年区政府与市");
        assert_eq!(normalise("“Zhejiang Made”"), "“Zhejiang Made”");
    }
}
