//! The level of a document (national, province, city, district) for callers that were not told
//! it (the `parse` command, `addPlan` without a level): the level of the region it names, else of
//! the words it calls itself by, the agencies it names or the zone its title opens with.

use crate::model::Level;

/// The level a parsed plan shows when its reader named neither its level nor its region, with the
/// words that showed it and where they were (for a note): the level of the region the parser read
/// (`region`), else the whole place a title speaks of (2023年全市…工作要点), the agencies the text
/// names, the zone its title opens with, the words it calls itself by (我县). None when nothing
/// shows it.
pub fn read(region: &str, title: &str, text: &str) -> Option<(Level, String, &'static str)> {
    if !region.is_empty() {
        return Some((of_region(region), region.to_string(), "the region"));
    }
    // The agencies and words are known in Simplified script: a Traditional text is read in it
    // (市場監管總局 as 市场监管总局, a national plan's body without its heading).
    let copy = super::reading::reading_copy(text);
    let text = copy.as_deref().unwrap_or(text);
    if let Some((w, level)) = SELF_REFERENCES.into_iter().find(|(w, _)| w.starts_with('全') && title.contains(w)) {
        return Some((level, w.to_string(), "the title's"));
    }
    if let Some((level, agency)) = of_agencies(text) {
        return Some((level, agency, "the agencies it names, as"));
    }
    // A zone's own plan (高新区2023年…工作要点): a zone is run at a county's level.
    if let Some(zone) = zone_in_title(title) {
        return Some((Level::District, zone.to_string(), "the zone its title opens with,"));
    }
    of_self_reference(text).map(|(level, word)| (level, word, "the words it calls itself by, as"))
}

/// The level of a text that names no place, from the agencies it names: the character before
/// 知识产权局 or 市场监督管理局 is the level's (江苏省知识产权局, 市市场监管局, 区知识产权局), and
/// ministries (文化部, 工商总局) are the nation's. The most named wins, with the first such name.
/// Addressees (各区知识产权局) are left out.
fn of_agencies(text: &str) -> Option<(Level, String)> {
    let mut votes: Vec<(Level, String)> = Vec::new();
    for agency in ["知识产权局", "市场监督管理局", "市场监管局"] {
        for (at, _) in text.match_indices(agency) {
            // Addressees (各县、区知识产权局) are the level below the one that writes to them.
            if text[..at].chars().rev().take(6).any(|c| c == '各') {
                continue;
            }
            // An autonomous region (内蒙古自治区知识产权局) is a province, not a district.
            let autonomous = text[..at].ends_with("自治区");
            let level = match text[..at].chars().next_back() {
                Some('省') => Level::Province,
                _ if autonomous => Level::Province,
                Some('市') => Level::City,
                Some('区' | '县') => Level::District,
                _ => continue,
            };
            // The name as printed: the place before it as the gazetteer knows it (江苏省, 内蒙古
            // 自治区), else the level's word alone (市, 县), not the sentence's words before it
            // (推进会在县市场监管局召开).
            let han: Vec<char> = text[..at].chars().rev().take_while(|c| crate::index::is_han(*c)).take(9).collect();
            let place = (2..=han.len()).rev().map(|k| han[..k].iter().rev().collect::<String>()).find(|p| {
                crate::parse::regions::find(p).is_some_and(|r| r.name == p.as_str() || r.short == p.as_str())
            });
            // A municipality's bureau (上海市知识产权局) is a province's: the place's own level, where
            // it is named in full, not its 市's.
            let level = match place.as_deref().and_then(crate::parse::regions::find) {
                Some(r) if place.as_deref() == Some(r.name) => r.level(),
                _ => level,
            };
            let word = if autonomous {
                "自治区".to_string()
            } else {
                han.first().map(|c| c.to_string()).unwrap_or_default()
            };
            votes.push((level, format!("{}{agency}", place.unwrap_or(word))));
        }
    }
    // The State Council's ministries and bodies that local plans seldom name (司法部, 海关总署).
    let ministries = [
        "工商总局",
        "质检总局",
        "新闻出版广电总局",
        "市场监管总局",
        "海关总署",
        "文化部",
        "公安部",
        "商务部",
        "农业部",
        "农业农村部",
        "司法部",
        "生态环境部",
        "中央宣传部",
        "最高人民法院",
        "最高人民检察院",
    ];
    for ministry in ministries {
        if text.contains(ministry) {
            votes.push((Level::National, ministry.to_string()));
        }
    }
    let count = |l: Level| votes.iter().filter(|(v, _)| *v == l).count();
    let best =
        [Level::National, Level::Province, Level::City, Level::District].into_iter().max_by_key(|&l| count(l))?;
    votes.into_iter().find(|(l, _)| *l == best)
}

/// The kind of zone a title opens with, after its year (`高新区2023年…`, `2023年高新区…`).
fn zone_in_title(title: &str) -> Option<&'static str> {
    let t = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
    crate::parse::prose::ZONE_WORDS.iter().copied().find(|z| t.starts_with(z))
}

/// What a plan calls its own place, and the level that says: a title's 全市…, a text's 我县….
const SELF_REFERENCES: [(&str, Level); 11] = [
    ("全省", Level::Province),
    ("我省", Level::Province),
    ("全市", Level::City),
    ("我市", Level::City),
    ("本市", Level::City),
    ("全州", Level::City),
    ("我州", Level::City),
    ("全县", Level::District),
    ("我县", Level::District),
    ("本县", Level::District),
    ("全区", Level::District),
];

/// The level a text that names no place nor agency gives itself (我市, 全县): the most used of
/// its words for itself, if one leads. 全区 is left out: an autonomous region says it as a
/// district does (a title's 全区 is read before, with the title's other words).
fn of_self_reference(text: &str) -> Option<(Level, String)> {
    let words: Vec<(&str, Level)> = SELF_REFERENCES.into_iter().filter(|(w, _)| *w != "全区").collect();
    let count = |level: Level| words.iter().filter(|(_, l)| *l == level).map(|(w, _)| text.matches(w).count()).sum();
    let mut counts: Vec<(usize, Level)> =
        [Level::Province, Level::City, Level::District].into_iter().map(|l| (count(l), l)).collect();
    counts.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
    let word = |level: Level| words.iter().find(|(w, l)| *l == level && text.contains(w)).map(|(w, _)| w.to_string());
    match counts[..] {
        [(first, level), (second, _), ..] if first > second => Some((level, word(level)?)),
        _ => None,
    }
}

/// A county-level city printed after its city (南通市海门市) is of a district's level.
fn is_city_and_unit(region: &str) -> bool {
    region.trim_end_matches('市').contains('市')
}

/// The level a region's name suggests, when the reader names none: the gazetteer's, else by the
/// name's last character.
pub fn of_region(region: &str) -> Level {
    if let Some(known) = crate::parse::regions::find(region) {
        known.level()
    } else if ["全国", "国家", "中国", "国务院"].contains(&region) {
        Level::National
    } else if region.ends_with("自治区") && !is_city_and_unit(region) {
        // 某某自治区 is a province-level unit, not a district.
        Level::Province
    } else if region.ends_with(['区', '县', '旗']) || is_city_and_unit(region) {
        Level::District
    } else if region.ends_with(['市', '州', '盟']) {
        Level::City
    } else {
        Level::Province
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_of_the_agencies_a_text_names() {
        // An autonomous region's bureau is a province's (Inner Mongolia 2021), named in full.
        let text = "各盟市市场监管局：……内蒙古自治区市场监督管理局 内蒙古自治区知识产权局";
        assert_eq!(of_agencies(text), Some((Level::Province, "内蒙古自治区知识产权局".to_string())));
        assert_eq!(of_agencies("区市场监管局负责").map(|(l, _)| l), Some(Level::District));
        // A county's news: the agency's level word, not the words of the sentence before it (Luxi 2022).
        let luxi = "工作推进会在县市场监管局召开";
        assert_eq!(of_agencies(luxi), Some((Level::District, "县市场监管局".to_string())));
        assert_eq!(of_agencies("江苏省知识产权局").map(|(_, n)| n).as_deref(), Some("江苏省知识产权局"));
        // A municipality's bureau is a province's (Shanghai 2024 news); a city's stays a city's.
        assert_eq!(of_agencies("上海市知识产权局作交流发言").map(|(l, _)| l), Some(Level::Province));
        assert_eq!(of_agencies("杭州市知识产权局").map(|(l, _)| l), Some(Level::City));
    }

    #[test]
    fn a_traditional_text_is_read_in_simplified() {
        // A national plan's body without its heading, in Traditional script (national 2024 page).
        let text = "1.推進《中華人民共和國反不正當競爭法》修改。(市場監管總局負責)\n2.推進修改。(中央宣傳部負責)\n";
        assert_eq!(read("", "", text).map(|(l, ..)| l), Some(Level::National));
    }

    #[test]
    fn level_of_a_name_the_gazetteer_lacks() {
        assert_eq!(of_region("某某自治区"), Level::Province);
        assert_eq!(of_region("某某区"), Level::District);
        assert_eq!(of_region("某某市某某区"), Level::District);
        assert_eq!(of_region("某某县"), Level::District);
    }
}
