//! The kind of plan a parsed document is, as its title or preamble names it (…规划, …方案,
//! …要点), for a text whose kind nobody gave: `plan-compare parse` and `addPlan` without one.

use crate::model::{Kind, Passage, Plan};

/// Where the kind was read: the plan's title or what its preamble calls the document it makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFrom {
    Title,
    Preamble,
}

impl KindFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            KindFrom::Title => "title",
            KindFrom::Preamble => "preamble",
        }
    }
}

/// The kind `plan`'s title names, or else what its preamble calls the document it makes
/// (制定本行动方案, 编制本规划); `passages` are the document's (other plans' are passed over).
pub fn kind_named(plan: &Plan, passages: &[Passage]) -> Option<(Kind, KindFrom)> {
    // The title without its years or version after it: …规划(2021—2025年), …方案(试行).
    let title = plan.title.as_str();
    let version = title.rfind(['(', '（']).filter(|&at| title[at..].chars().count() <= 8);
    let t = version.map_or(title, |at| &title[..at]);
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || "()（）-—年".contains(c));
    let own: Vec<&str> = passages
        .iter()
        .filter(|x| x.plan == plan.id)
        .flat_map(|x| {
            // 制定本方案, or 制定如下实施方案 (Liaoning 2024).
            ["本", "如下"]
                .into_iter()
                .flat_map(move |w| x.text.match_indices(w).map(move |(i, _)| (&x.text[..i], &x.text[i + w.len()..])))
        })
        .filter(|(before, _)| ["制定", "编制", "製定", "編製"].iter().any(|w| before.ends_with(w)))
        .map(|(_, after)| {
            let after = after.trim_start_matches("行动").trim_start_matches("行動");
            after.trim_start_matches("实施").trim_start_matches("實施").trim_start_matches("工作")
        })
        .collect();
    let said = |words: &[&str]| own.iter().any(|o| words.iter().any(|w| o.starts_with(w)));
    // A year's 工作计划 or 工作任务 is its work points; opinions (实施意见, 若干意见), measures and
    // rules (办法, 细则) and a division of tasks carry a plan out, whatever they cite; an outline
    // (纲要) or a strategy over years (专利战略(2011-2020年)) plans as a 规划 does.
    let one_year = plan.year_start != 0 && plan.year_end <= plan.year_start;
    let ends = |words: &[&str]| words.iter().any(|w| t.ends_with(w));
    const CARRIES_OUT: &[&str] = &[
        "方案", "计划", "計劃", "意见", "意見", "措施", "举措", "舉措", "分工", "分解", "办法", "辦法", "细则", "細則",
    ];
    let (kind, from) = if ends(&["要点", "要點"]) || one_year && ends(&["工作计划", "工作任务", "工作任務"])
    {
        (Kind::WorkPoints, KindFrom::Title)
    } else if ends(CARRIES_OUT) {
        (Kind::ActionPlan, KindFrom::Title)
    } else if t.contains("规划")
        || t.contains("規劃")
        || ends(&["纲要", "綱要"])
        || !one_year && plan.year_start != 0 && ends(&["战略", "戰略"])
    {
        (Kind::FiveYearPlan, KindFrom::Title)
    } else if said(&["规划", "規劃"]) {
        (Kind::FiveYearPlan, KindFrom::Preamble)
    } else if said(&["方案", "计划", "計劃"]) {
        (Kind::ActionPlan, KindFrom::Preamble)
    } else if said(&["要点", "要點"]) {
        (Kind::WorkPoints, KindFrom::Preamble)
    } else {
        return None;
    };
    Some((kind, from))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(title: &str, years: (u16, u16)) -> Plan {
        Plan {
            id: "p".into(),
            region: String::new(),
            region_code: None,
            region_en: String::new(),
            level: crate::model::Level::City,
            kind: Kind::WorkPoints,
            year_start: years.0,
            year_end: years.1,
            title: title.into(),
            doc_number: None,
            source: "t.txt".into(),
        }
    }

    fn kind(title: &str, years: (u16, u16)) -> Option<Kind> {
        kind_named(&plan(title, years), &[]).map(|(k, _)| k)
    }

    #[test]
    fn the_title_names_the_kind() {
        assert_eq!(kind("某市2023年知识产权工作要点", (2023, 2023)), Some(Kind::WorkPoints));
        assert_eq!(kind("某市知识产权“十四五”规划（2021—2025年）", (2021, 2025)), Some(Kind::FiveYearPlan));
        assert_eq!(kind("某省专利转化运用专项行动实施方案(2023-2025年)", (2023, 2025)), Some(Kind::ActionPlan));
        assert_eq!(kind("某市2024年知识产权工作计划", (2024, 2024)), Some(Kind::WorkPoints));
        assert_eq!(kind("某市知识产权工作计划", (2021, 2023)), Some(Kind::ActionPlan));
        // Heilongjiang 2010: a division of an outline's tasks carries it out (任务分解).
        assert_eq!(kind("实施某省知识产权战略纲要任务分解", (0, 0)), Some(Kind::ActionPlan));
        // Rules that carry a plan out, as measures do (a fund's management rules, Dongguan; hunt 21b).
        assert_eq!(kind("东莞市知识产权专项资金管理办法", (0, 0)), Some(Kind::ActionPlan));
        assert_eq!(kind("某省知识产权战略纲要", (0, 0)), Some(Kind::FiveYearPlan));
        assert_eq!(kind("某市专利战略(2011-2020年)", (2011, 2020)), Some(Kind::FiveYearPlan));
        assert_eq!(kind("某市知识产权战略", (0, 0)), None);
    }

    #[test]
    fn else_the_preamble_names_it() {
        let p = plan("某市知识产权工作", (0, 0));
        let passage =
            |plan: &str, text: &str| Passage { plan: plan.into(), heading: None, text: text.into(), lines: [1, 1] };
        let made = [passage("p", "为加强知识产权保护，结合我市实际，制定本行动方案。")];
        assert_eq!(kind_named(&p, &made), Some((Kind::ActionPlan, KindFrom::Preamble)));
        let made = [passage("p", "经研究决定，制定如下实施方案。")];
        assert_eq!(kind_named(&p, &made), Some((Kind::ActionPlan, KindFrom::Preamble)));
        // Another plan's preamble says nothing of this one.
        let other = [passage("q", "编制本规划。")];
        assert_eq!(kind_named(&p, &other), None);
    }
}
