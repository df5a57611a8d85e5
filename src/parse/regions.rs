//! The gazetteer (data/regions.tsv): every province, city and county-level unit with its printed
//! and short names, GB/T 2260 code, English name and the slug used in plan ids, and the names such
//! units bore since 2000.

use crate::error::{Error, ErrorCode};
use crate::model::Level;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One region of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Full name as printed, e.g. 内蒙古自治区, 海门区.
    pub name: &'static str,
    /// Short form used inside texts, e.g. 内蒙古, 海门.
    pub short: &'static str,
    /// GB/T 2260 code; None where the standard has none (the country, the XPCC).
    pub code: Option<&'static str>,
    /// English name, a county-level unit's with its city's: `Haimen District, Nantong`.
    pub en: String,
    /// Slug used in plan ids, a county-level unit's after its city's: `nantong-haimen`.
    pub slug: String,
    /// The year an old name ended (海门市: 2020, when it became 海门区); None for a name in use.
    pub until: Option<u16>,
}

impl Region {
    /// The level of government the region is: by its code (provinces end 0000, cities 00).
    pub fn level(&self) -> Level {
        match self.code {
            None if self.name == "全国" => Level::National,
            None => Level::Province,
            Some(code) if code.ends_with("0000") => Level::Province,
            Some(code) if code.ends_with("00") => Level::City,
            Some(_) => Level::District,
        }
    }
}

/// Natively the gazetteer is compiled in. The wasm module holds no data: js/load.js hands it the
/// package's copy of the file ([`load`]) before the module's first parse, so pages that never parse
/// do not download it.
#[cfg(not(target_arch = "wasm32"))]
const BUILT_IN: Option<&str> = Some(include_str!("../../data/regions.tsv"));
#[cfg(target_arch = "wasm32")]
const BUILT_IN: Option<&str> = None;

/// The gazetteer's rows, how many of them are names in use (they come first), and the rows of
/// each full and short name (in row order), so that a lookup does not scan every row: the parser
/// looks up every few characters of a long text.
struct Gazetteer {
    rows: Vec<Region>,
    in_use: usize,
    by_name: HashMap<&'static str, Vec<usize>>,
    by_short: HashMap<&'static str, Vec<usize>>,
    /// The rows of each code, so that a unit's parents are found without a scan.
    by_code: HashMap<&'static str, Vec<usize>>,
    /// The longest full name, in bytes: no longer tail of a text can be one.
    longest: usize,
}

static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

fn loaded() -> Option<&'static Gazetteer> {
    GAZETTEER.get().or_else(|| BUILT_IN.map(|text| GAZETTEER.get_or_init(|| gazetteer_of(read_gazetteer(text)))))
}

fn gazetteer_of(rows: Vec<Region>) -> Gazetteer {
    let in_use = rows.iter().position(|r| r.until.is_some()).unwrap_or(rows.len());
    let (mut by_name, mut by_short, mut by_code) = (HashMap::new(), HashMap::new(), HashMap::new());
    for (i, r) in rows.iter().enumerate() {
        by_name.entry(r.name).or_insert_with(Vec::new).push(i);
        by_short.entry(r.short).or_insert_with(Vec::new).push(i);
        if let Some(code) = r.code {
            by_code.entry(code).or_insert_with(Vec::new).push(i);
        }
    }
    let longest = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    Gazetteer { rows, in_use, by_name, by_short, by_code, longest }
}

/// The gazetteer's rows, read once: provinces first, then cities, then county-level units, then
/// old names. Empty in a wasm module that was not handed the file yet.
fn gazetteer() -> &'static [Region] {
    loaded().map_or(&[], |g| &g.rows)
}

/// Whether the gazetteer is there to read (always, natively; in wasm once [`load`]ed).
pub fn is_loaded() -> bool {
    loaded().is_some()
}

/// The largest gazetteer [`load`] reads: the file is 0.1 MB, every unit since 2000 included.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Take the gazetteer from its file's text (data/regions.tsv as the package ships it). A row that
/// cannot be read makes the whole file `BUNDLE_INVALID`, naming the line, rather than leaving places
/// silently unknown. The first gazetteer taken stays: a later call only checks its text.
pub fn load(text: String) -> Result<(), Error> {
    if text.len() > MAX_BYTES {
        let message = format!("the gazetteer is {} bytes; at most {MAX_BYTES} are read", text.len());
        return Err(Error::new(ErrorCode::TooLarge, message));
    }
    if row_lines(&text).next().is_none() {
        return Err(Error::new(ErrorCode::BundleInvalid, "the gazetteer has no rows"));
    }
    if let Some((i, _)) = row_lines(&text).find(|(_, l)| fields(l).is_none()) {
        let message = format!("the gazetteer's line {} is not a region's row", i + 1);
        return Err(Error::new(ErrorCode::BundleInvalid, message));
    }
    if GAZETTEER.get().is_some() {
        return Ok(());
    }
    // Its rows borrow from the text for as long as the module runs.
    let read = read_gazetteer(Box::leak(text.into_boxed_str()));
    GAZETTEER.get_or_init(|| gazetteer_of(read));
    Ok(())
}

/// Rows of `code name short English slug`, and an old name's year it ended; data/regions.tsv's
/// header says what an empty column means. A malformed row is skipped (a unit test below checks
/// that none is).
fn read_gazetteer(text: &'static str) -> Vec<Region> {
    let mut regions: Vec<Region> = Vec::new();
    // Rows of each city and province code so far (a code's names over time): a unit's parent is
    // looked up there, not in every row before it.
    let mut parents: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (_, line) in row_lines(text) {
        let Some(([code, name, short, en, slug], until)) = fields(line) else { continue };
        let code = (code != "-").then_some(code);
        let short = if short.is_empty() && name.chars().count() >= 3 {
            name.get(..name.len() - name.chars().last().map_or(0, char::len_utf8)).unwrap_or(name)
        } else if short.is_empty() {
            name
        } else {
            short
        };
        let slug = if slug.is_empty() { slugify(en) } else { slug.to_string() };
        let mut region = Region { name, short, code, en: en.to_string(), slug, until };
        let parent = code.filter(|c| !c.ends_with("00")).and_then(|c| parent_of(&regions, &parents, c, until));
        if let Some(parent) = parent {
            region.en = format!("{}{}, {}", region.en, kind_word(name), parent.en);
            region.slug = format!("{}-{}", parent.slug, region.slug);
        }
        if let Some(code) = code.filter(|c| c.ends_with("00")) {
            parents.entry(code).or_default().push(regions.len());
        }
        regions.push(region);
    }
    regions
}

/// The file's row lines with their index: not its `#` comments nor blank lines.
fn row_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
}

/// A row's five columns, and the year an old name ended if it has a sixth; None for a malformed row.
fn fields(line: &str) -> Option<([&str; 5], Option<u16>)> {
    match line.split('\t').collect::<Vec<_>>()[..] {
        [a, b, c, d, e] => Some(([a, b, c, d, e], None)),
        [a, b, c, d, e, year] => Some(([a, b, c, d, e], Some(year.parse().ok()?))),
        _ => None,
    }
}

/// A county-level unit's city, or its province for the units a province governs itself
/// (直辖县级行政区划) and a municipality's districts. An old name's city is the one of its time:
/// 襄阳县 (until 2001) was 襄樊市's, the name 420600 bore until 2010, not 襄阳市's.
fn parent_of<'a>(
    regions: &'a [Region],
    parents: &HashMap<&str, Vec<usize>>,
    code: &str,
    until: Option<u16>,
) -> Option<&'a Region> {
    let rows = |code: String| parents.get(code.as_str()).into_iter().flatten().map(|&i| &regions[i]);
    let city = format!("{}00", code.get(..4)?);
    let province = format!("{}0000", code.get(..2)?);
    let of_its_time = rows(city.clone()).filter(|r| until.is_some_and(|year| r.until.is_some_and(|end| end >= year)));
    of_its_time
        .min_by_key(|r| r.until)
        .or_else(|| rows(city).find(|r| r.until.is_none()))
        .or_else(|| rows(province).next())
}

/// The English word a county-level unit's name ends in (the file leaves it out): 区 District,
/// 县 County, 旗 Banner; autonomous units, 林区, 特区 and 新区 (Pudong New Area) carry theirs in
/// the file.
fn kind_word(name: &str) -> &'static str {
    if name.contains("自治") || ["林区", "特区", "新区"].iter().any(|k| name.ends_with(k)) {
        return "";
    }
    match name.chars().last() {
        Some('区') => " District",
        Some('县') => " County",
        Some('旗') => " Banner",
        _ => "",
    }
}

/// Provincial-level units (GB/T 2260), and 新疆生产建设兵团, which reports like a province but
/// has no code of its own in the standard.
pub fn provinces() -> impl Iterator<Item = &'static Region> {
    gazetteer().iter().filter(|r| r.level() == Level::Province && r.until.is_none())
}

/// Each province's capital with its province: GB/T 2260 numbers a province's capital first
/// (230100 哈尔滨市 in 230000 黑龙江省).
pub fn capitals() -> impl Iterator<Item = (&'static Region, &'static Region)> {
    provinces().filter_map(|p| {
        let code = format!("{}0100", p.code?.get(..2)?);
        let g = loaded()?;
        let rows = g.by_code.get(code.as_str())?;
        let capital = rows.iter().map(|&i| &g.rows[i]).find(|r| r.until.is_none())?;
        Some((capital, p))
    })
}

/// An autonomous prefecture by the short form its own documents use, its name's first characters
/// and 州 (博州 for 博尔塔拉蒙古自治州, 克州 for 克孜勒苏柯尔克孜自治州): only when that is no name of
/// its own (徐州 is 徐州市, 巴州 is 巴州区) and one prefecture in use starts so.
pub fn prefecture_abbreviated(printed: &str) -> Option<&'static Region> {
    let head = printed.strip_suffix('州').filter(|h| (1..=3).contains(&h.chars().count()))?;
    if find(printed).is_some() {
        return None;
    }
    let mut found =
        in_use().iter().filter(|r| r.level() == Level::City && r.name.ends_with("自治州") && r.name.starts_with(head));
    let region = found.next()?;
    found.next().is_none().then_some(region)
}

/// The autonomous prefecture, county or banner whose full name a text opens with (黔东南苗族侗族
/// 自治州…, 双江拉祜族佤族布朗族傣族自治县…): names that run longer than the few characters a
/// title's place is otherwise read from. The longest name in use wins.
pub fn autonomous_at_start(text: &str) -> Option<&'static Region> {
    // Every such name carries 自治 within its first characters; most texts are passed over at once.
    if !text.char_indices().take(16).any(|(i, _)| text[i..].starts_with("自治")) {
        return None;
    }
    in_use()
        .iter()
        .filter(|r| r.name.contains("自治") && r.level() != Level::Province && text.starts_with(r.name))
        .max_by_key(|r| r.name.len())
}

/// Look a region up as a text prints it: a full or short name (南通市, 南通), or a unit after its
/// city or province (南通市海门区, 上海市徐汇区, 江苏省南通市). None when the name is no region,
/// or is one of several (朝阳区) and the text does not say whose. Names in use come first; an
/// old name (海门市, 襄樊市) is looked up only when no name in use is found.
pub fn find(printed: &str) -> Option<&'static Region> {
    let g = loaded()?;
    find_in(g, g.in_use, printed).or_else(|| find_in(g, g.rows.len(), printed))
}

/// The gazetteer's names in use: every row before the first old name.
fn in_use() -> &'static [Region] {
    loaded().map_or(&[], |g| &g.rows[..g.in_use])
}

/// `find` among the gazetteer's first `rows`: a whole name, a unit after its parents, then a
/// short name.
fn find_in(g: &'static Gazetteer, rows: usize, printed: &str) -> Option<&'static Region> {
    let only = |mut found: Vec<&'static Region>| (found.len() == 1).then(|| found.remove(0));
    let named = |index: &HashMap<&str, Vec<usize>>, key: &str| -> Vec<&'static Region> {
        index.get(key).into_iter().flatten().filter(|&&i| i < rows).map(|&i| &g.rows[i]).collect()
    };
    if let Some(region) = only(named(&g.by_name, printed)) {
        return Some(region);
    }
    // A unit after its parents: a name that ends the printed words, the words before it its parents.
    let tails = printed.char_indices().skip(1).filter(|&(at, _)| printed.len() - at <= g.longest);
    let inside = tails.flat_map(|(at, _)| {
        named(&g.by_name, &printed[at..]).into_iter().filter(move |r| names_parents(&printed[..at], r))
    });
    if let Some(region) = only(inside.collect()) {
        return Some(region);
    }
    // A short name: the highest level that has exactly one (吉林 is the province).
    let stem = printed.char_indices().last().map_or("", |(at, _)| &printed[..at]);
    let mut short = named(&g.by_short, printed);
    short.extend(named(&g.by_short, stem).into_iter().filter(|r| abbreviates(printed, r)));
    [Level::National, Level::Province, Level::City, Level::District]
        .into_iter()
        .map(|level| short.iter().copied().filter(|r| r.level() == level).collect::<Vec<_>>())
        .find(|found| !found.is_empty())
        .and_then(only)
}

/// An autonomous area printed as its place and its kind (延边州 for 延边朝鲜族自治州, 长阳县 for
/// 长阳土家族自治县), as texts and their titles often do.
fn abbreviates(printed: &str, region: &Region) -> bool {
    let Some(kind) = printed.chars().last().filter(|c| "州县旗".contains(*c)) else { return false };
    let stem = &printed[..printed.len() - kind.len_utf8()];
    region.short == stem && region.name.strip_suffix(kind).is_some_and(|n| n.ends_with("自治"))
}

/// Whether `prefix` names the region's parents: its province, its city, or both (江苏省南通市); a
/// city by any of its names (襄樊市襄阳县).
fn names_parents(prefix: &str, region: &Region) -> bool {
    let (Some(code), Some(g)) = (region.code, loaded()) else { return false };
    let parents = |suffix: &str, digits: usize| {
        let code = format!("{}{suffix}", code.get(..digits).unwrap_or_default());
        let rows: &'static [usize] = g.by_code.get(code.as_str()).map_or(&[], Vec::as_slice);
        rows.iter().map(|&i| &g.rows[i]).filter(move |r| r.code != region.code)
    };
    let named = |r: &Region, text: &str| text == r.name || text == r.short;
    let rest = parents("0000", 2)
        .find_map(|p| prefix.strip_prefix(p.name).or_else(|| prefix.strip_prefix(p.short)))
        .unwrap_or(prefix);
    rest.is_empty() || parents("00", 4).any(|c| named(c, rest))
}

/// The province whose full name a heading line starts with (longest match first).
pub fn province_prefix(text: &str) -> Option<&'static Region> {
    provinces().filter(|r| text.starts_with(r.name)).max_by_key(|r| r.name.len())
}

/// Turn free text into a URL-safe slug: ASCII letters and digits, other runs become `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().filter(|c| *c != '\'') {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_row_is_read_and_codes_and_slugs_are_unique() {
        let rows = row_lines(BUILT_IN.unwrap_or_default()).count();
        let all = gazetteer();
        assert_eq!(all.len(), rows, "a malformed row was skipped");
        let (in_use, old): (Vec<&Region>, Vec<&Region>) = all.iter().partition(|r| r.until.is_none());
        assert_eq!(super::in_use().len(), in_use.len(), "old names come last");
        let codes: Vec<_> = in_use.iter().filter_map(|r| r.code).collect();
        assert_eq!(codes.len(), codes.iter().collect::<HashSet<_>>().len(), "a code twice");
        let slugs: HashSet<_> = in_use.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(slugs.len(), in_use.len(), "a slug twice: plan ids would collide");
        // An old name shares its slug only with the same place's other names (海门市, 海门区).
        for r in &old {
            assert!(all.iter().all(|o| o.slug != r.slug || o.short == r.short), "{} shares a slug", r.name);
            assert!(r.code.is_some() && r.until.is_some_and(|y| y > 2000), "{}", r.name);
        }
        assert!(all.iter().all(|r| !r.en.is_empty() && !r.slug.is_empty() && !r.short.is_empty()));
        assert_eq!(provinces().count(), 32);
    }

    #[test]
    fn a_gazetteer_handed_over_is_refused_whole_when_a_row_is_not_one() {
        let code = |r: Result<(), Error>| r.map_err(|e| (e.code, e.message));
        let (kind, message) = code(load("# header\n\n".into())).unwrap_err();
        assert_eq!((kind, message.as_str()), (ErrorCode::BundleInvalid, "the gazetteer has no rows"));
        let text = "# code\tname\n110000\t北京市\t北京\tBeijing\t\n<!doctype html>\n";
        let (kind, message) = code(load(text.into())).unwrap_err();
        assert_eq!(
            (kind, message.as_str()),
            (ErrorCode::BundleInvalid, "the gazetteer's line 3 is not a region's row")
        );
        let old_name_without_year = "320684\t海门市\t\tHaimen\t\tlater\n";
        assert_eq!(code(load(old_name_without_year.into())).unwrap_err().0, ErrorCode::BundleInvalid);
        assert_eq!(code(load("x".repeat(MAX_BYTES + 1))).unwrap_err().0, ErrorCode::TooLarge);
        // The file itself is taken (natively it is compiled in already, and stays).
        assert_eq!(code(load(BUILT_IN.unwrap_or_default().into())), Ok(()));
        assert!(is_loaded() && find("南通市").is_some());
    }

    #[test]
    fn regions_as_texts_print_them() {
        let found = |printed: &str| find(printed).map(|r| (r.code.unwrap_or("-"), r.en.as_str(), r.slug.as_str()));
        assert_eq!(found("内蒙古自治区"), Some(("150000", "Inner Mongolia", "inner-mongolia")));
        assert_eq!(found("内蒙古"), Some(("150000", "Inner Mongolia", "inner-mongolia")));
        assert_eq!(found("全国"), Some(("-", "China (national)", "national")));
        assert_eq!(found("南通市"), Some(("320600", "Nantong", "nantong")));
        assert_eq!(found("南通"), Some(("320600", "Nantong", "nantong")));
        assert_eq!(found("江苏省南通市"), Some(("320600", "Nantong", "nantong")));
        assert_eq!(found("南通市海门区"), Some(("320614", "Haimen District, Nantong", "nantong-haimen")));
        assert_eq!(found("海门区"), Some(("320614", "Haimen District, Nantong", "nantong-haimen")));
        assert_eq!(found("上海市徐汇区"), Some(("310104", "Xuhui District, Shanghai", "shanghai-xuhui")));
        assert_eq!(found("重庆市大足区"), Some(("500111", "Dazu District, Chongqing", "chongqing-dazu")));
        assert_eq!(found("汕尾市城区"), Some(("441502", "Chengqu District, Shanwei", "shanwei-chengqu")));
        // A new area (新区) is no District: its English name is the one it is known by.
        assert_eq!(found("上海市浦东新区"), Some(("310115", "Pudong New Area, Shanghai", "shanghai-pudong")));
        assert_eq!(found("滨海新区"), Some(("120116", "Binhai New Area, Tianjin", "tianjin-binhai")));
        assert_eq!(found("汕头市"), Some(("440500", "Shantou", "shantou")));
        assert_eq!(found("西安市"), Some(("610100", "Xi'an", "xian")));
        // Two cities of one romanised name are told apart by their provinces.
        assert_eq!(found("泰州市").map(|r| r.2), Some("jiangsu-taizhou"));
        assert_eq!(found("台州市").map(|r| r.2), Some("zhejiang-taizhou"));
        // The province is 吉林; its city is named in full.
        assert_eq!(found("吉林").map(|r| r.0), Some("220000"));
        assert_eq!(found("吉林市").map(|r| r.0), Some("220200"));
        // Several districts are 朝阳区: only the city says which.
        assert_eq!(found("朝阳区"), None);
        assert_eq!(found("通州区"), None);
        assert_eq!(found("北京市朝阳区").map(|r| r.0), Some("110105"));
        assert_eq!(found("长春市朝阳区").map(|r| r.0), Some("220104"));
        assert_eq!(found("长阳土家族自治县").map(|r| r.1), Some("Changyang Tujia Autonomous County, Yichang"));
        assert_eq!(found("长阳县").map(|r| r.0), Some("420528"));
        assert_eq!(found("延边州").map(|r| r.2), Some("yanbian"));
        assert_eq!(found("恩施州").map(|r| r.0), Some("422800"));
        // Old names, when no name in use is printed so: the code of their time, the place's slug.
        assert_eq!(found("海门市"), Some(("320684", "Haimen, Nantong", "nantong-haimen")));
        assert_eq!(found("南通市海门市").map(|r| r.0), Some("320684"));
        assert_eq!(found("海门").map(|r| r.0), Some("320614"));
        assert_eq!(found("吴江市").map(|r| r.2), Some("jiangsu-suzhou-wujiang"));
        assert_eq!(found("崇文区"), Some(("110103", "Chongwen District, Beijing", "beijing-chongwen")));
        assert_eq!(found("襄樊市"), Some(("420600", "Xiangfan", "xiangfan")));
        assert_eq!(found("襄樊市襄阳县"), Some(("420621", "Xiangyang County, Xiangfan", "xiangfan-xiangyang")));
        assert_eq!(found("巢湖市居巢区").map(|r| r.1), Some("Juchao District, Chaohu"));
        // A name in use wins over the same name's past (庐江县 was 巢湖市's until 2011).
        assert_eq!(found("庐江县").map(|r| r.0), Some("340124"));
        assert_eq!(found("巢湖市").map(|r| r.0), Some("340181"));
        assert_eq!(found("未知地区"), None);
        assert_eq!(found(""), None);
    }

    #[test]
    fn autonomous_areas_a_text_opens_with() {
        let at = |text: &str| autonomous_at_start(text).map(|r| r.code.unwrap_or("-"));
        assert_eq!(at("黔东南苗族侗族自治州知识产权规划"), Some("522600"));
        assert_eq!(at("克孜勒苏柯尔克孜自治州人民政府"), Some("653000"));
        assert_eq!(at("长阳土家族自治县"), Some("420528"));
        // A province is no such unit; nor is a text that only mentions one later.
        assert_eq!(at("广西壮族自治区知识产权规划"), None);
        assert_eq!(at("关于黔东南苗族侗族自治州的通知"), None);
    }

    #[test]
    fn levels_by_code() {
        let level = |printed: &str| find(printed).map(|r| r.level());
        assert_eq!(level("全国"), Some(Level::National));
        assert_eq!(level("新疆生产建设兵团"), Some(Level::Province));
        assert_eq!(level("广东省"), Some(Level::Province));
        assert_eq!(level("汕头市"), Some(Level::City));
        assert_eq!(level("南通市海门区"), Some(Level::District));
        assert_eq!(level("昆山市"), Some(Level::District));
    }
}
