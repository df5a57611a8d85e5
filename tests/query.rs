//! Known answers of the query core on the bundled corpus. Written to hold on the corpus as it is
//! now (4 prose plans) and once the 31 provincial tables of 2018 are parsed (35 plans). They need jieba to build the index.
#![cfg(feature = "segment-jieba")]

use plan_compare::query::diff::{inline_changes, AlignedBy, Op};
use plan_compare::query::{
    compare, diff, filter, match_themes, search, theme_matrix, CompareBy, Corpus, DiffOptions, FilterOptions,
    SearchOptions, ThemeMatrixOptions, MAX_QUERY_CHARS,
};
use std::collections::HashSet;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(Corpus::bundled)
}

fn ids(q: &str, limit: usize) -> Vec<String> {
    let opts = SearchOptions { limit: Some(limit), ..Default::default() };
    search(corpus(), q, &opts).unwrap().hits.into_iter().map(|h| h.id).collect()
}

fn body(c: &Corpus, id: &str) -> String {
    let m = c.measure(id).unwrap();
    plan_compare::themes::tagging_text(m)
}

#[test]
fn a_query_typed_in_traditional_script_finds_what_its_simplified_form_finds() {
    let c = corpus();
    let all = SearchOptions { limit: Some(1000), ..Default::default() };
    let hits = |q: &str| {
        let r = search(c, q, &all).unwrap();
        (r.total, r.themes, r.hits.into_iter().map(|h| (h.id, h.highlights)).collect::<Vec<_>>())
    };
    for (traditional, simplified) in [
        ("專利質押融資", "专利质押融资"),
        ("地理標誌產品保護", "地理标志产品保护"),
        ("海關知識產權保護", "海关知识产权保护"),
        ("軟件正版化", "软件正版化"),
        // Mixed scripts, and Latin beside them.
        ("专利導航", "专利导航"),
        ("PCT專利申請", "PCT专利申请"),
    ] {
        let (total, themes, found) = hits(traditional);
        assert!(total > 0, "{traditional}");
        assert_eq!((total, themes, found), hits(simplified), "{traditional}");
    }
    // Untouched: a character the measures print themselves (著作权) and one they never use.
    let r = search(c, "著作權", &all).unwrap();
    assert!(r.phrases.iter().any(|p| p.text == "著作权"), "{:?}", r.phrases);
    assert!(c.traditional.len() > 300, "{} pairs", c.traditional.len());
    // Filters by words and theme matches read Traditional script too.
    let words = |w: &str| {
        let opts = FilterOptions { words: vec![w.into()], limit: Some(1000), ..Default::default() };
        filter(c, &opts).unwrap().items.into_iter().map(|m| m.id).collect::<Vec<_>>()
    };
    assert!(!words("质押融资").is_empty());
    assert_eq!(words("質押融資"), words("质押融资"));
    let themes = |t: &str| match_themes(c, t).unwrap().into_iter().map(|m| m.id).collect::<Vec<_>>();
    assert_eq!(themes("加強海關執法，推進專利質押融資"), themes("加强海关执法，推进专利质押融资"));
}

#[test]
fn geographical_indication_measures_rank_above_incidental_mentions() {
    let c = corpus();
    let hits = ids("地理标志", 1000);
    assert!(hits.len() >= 3, "{hits:?}");
    // "About" GI: named in the title or work item, mentioned twice, or once in a short text.
    let about = |id: &str| {
        let m = c.measure(id).unwrap();
        let text = body(c, id);
        let n = text.matches("地理标志").count();
        m.title.as_deref().is_some_and(|t| t.contains("地理标志"))
            || m.work_item.as_deref().is_some_and(|t| t.contains("地理标志"))
            || n >= 2
            || (n == 1 && text.chars().count() <= 80)
    };
    for id in hits.iter().take(3) {
        assert!(about(id), "{id} is in the top 3 for 地理标志 but only mentions it: {}", body(c, id));
    }
    let rank = |pred: &dyn Fn(&str) -> bool| {
        let r: Vec<usize> = hits.iter().enumerate().filter(|(_, id)| pred(id)).map(|(i, _)| i).collect();
        r.iter().sum::<usize>() as f64 / r.len().max(1) as f64
    };
    let incidental = |id: &str| !about(id) && body(c, id).contains("地理标志");
    if hits.iter().any(|id| incidental(id)) {
        assert!(rank(&|id| about(id)) < rank(&incidental), "incidental mentions rank above GI measures: {hits:?}");
    }
    // Every measure that says 地理标志 is found.
    for m in &c.dataset.measures {
        if plan_compare::themes::tagging_text(m).contains("地理标志") {
            assert!(hits.contains(&m.id), "{} mentions 地理标志 but is not found", m.id);
        }
    }
}

#[test]
fn a_short_form_finds_what_its_full_form_does_just_below_it() {
    // 地标 is the short form of 地理标志 (equivalents_zh in data/themes.toml).
    let c = corpus();
    let found = ids("地标", 1000);
    for m in &c.dataset.measures {
        let text = plan_compare::themes::tagging_text(m);
        if text.contains("地理标志") || text.contains("地标") {
            assert!(found.contains(&m.id), "{} says 地理标志 or 地标 but is not found for 地标", m.id);
        }
    }
    let r = search(c, "地标产品保护", &SearchOptions::default()).unwrap();
    let form = r.phrases.iter().find(|p| p.text == "地理标志").expect("地理标志 searched for 地标产品保护");
    assert_eq!((form.from.as_str(), form.weight), ("equivalent", plan_compare::query::search::EQUIVALENT_WEIGHT));
    // The query names the GI theme through the form it stands for.
    assert!(r.themes.iter().any(|t| t == "geographical-indications"), "{:?}", r.themes);
    // Without synonyms, only what was typed.
    let exact = SearchOptions { no_synonyms: true, limit: Some(1000), ..Default::default() };
    let typed = search(c, "地标", &exact).unwrap();
    assert!(
        typed.hits.iter().all(|h| body(c, &h.id).contains("地标")),
        "{:?}",
        typed.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
    assert!(typed.total < found.len(), "{} typed, {} with the equivalent", typed.total, found.len());
}

#[test]
fn a_result_carries_every_record() {
    let r = search(corpus(), "专利质押", &SearchOptions::default()).unwrap();
    assert!(r.hits.len() >= 2);
    let json = serde_json::to_value(&r).unwrap();
    let mut fields =
        ["query", "phrases", "terms", "themes", "total", "offset", "limit", "hits", "plans", "planTotal", "facets"];
    fields.sort();
    assert_eq!(json.as_object().unwrap().keys().collect::<Vec<_>>(), fields);
    assert_eq!(json["hits"][0]["planLabel"], r.hits[0].plan_label.as_str());
    assert_eq!(json["hits"][0]["titleHighlights"], serde_json::to_value(&r.hits[0].title_highlights).unwrap());
    assert_eq!(json["hits"][0]["measure"], serde_json::to_value(&r.hits[0].measure).unwrap());
}

#[test]
fn a_theme_keyword_an_english_keyword_names_leads_and_its_synonyms_count_once() {
    // "belt and road" names the regional-cooperation theme, and en_zh pairs it with 一带一路: that
    // keyword is asked, the theme's other regions are synonyms. A measure naming several regions
    // (粤港澳, 大湾区, 泛珠三角 …) counts the best of them, so it does not outrank one on 一带一路.
    let c = corpus();
    let r = search(c, "Belt and Road", &SearchOptions { limit: Some(5), ..Default::default() }).unwrap();
    let weight = |zh: &str| r.phrases.iter().find(|p| p.text == zh).map(|p| p.weight);
    assert_eq!((weight("一带一路"), weight("粤港澳")), (Some(1.0), Some(plan_compare::query::search::SYNONYM_WEIGHT)));
    let top: Vec<String> = r.hits.iter().map(|h| body(c, &h.id)).collect();
    assert!(top.len() == 5 && top.iter().all(|t| t.contains("一带一路")), "{top:#?}");
}

#[test]
fn pledge_queries_find_the_pledge_financing_measures_of_guangdong_2016() {
    let c = corpus();
    let want: Vec<&str> = c
        .measures_of("guangdong-2016")
        .filter(|(_, m)| m.text.as_deref().is_some_and(|t| t.contains("质押融资")))
        .map(|(_, m)| m.id.as_str())
        .collect();
    assert!(!want.is_empty(), "guangdong-2016 has measures on 质押融资");
    // Within the plan: over the whole corpus, the 31 tables' pledge-financing rows come first.
    let in_plan = SearchOptions { plans: vec!["guangdong-2016".into()], limit: Some(20), ..Default::default() };
    for q in ["知识产权质押融资", "专利质押"] {
        let got: Vec<String> = search(c, q, &in_plan).unwrap().hits.into_iter().map(|h| h.id).collect();
        let everywhere = ids(q, 20);
        assert!(
            everywhere.iter().all(|id| body(c, id).contains("质押")),
            "{q}: the first 20 over all plans are about 质押"
        );
        for id in &want {
            assert!(got.iter().any(|g| g == id), "{q}: {id} not in the first 20: {got:?}");
        }
    }
}

#[test]
fn english_and_chinese_twins_return_largely_the_same_measures() {
    for (en, zh) in
        [("patent pledge financing", "专利质押融资"), ("geographical indications", "地理标志"), ("customs", "海关")]
    {
        let a: HashSet<String> = ids(en, 10).into_iter().collect();
        let b: HashSet<String> = ids(zh, 10).into_iter().collect();
        assert!(!a.is_empty() && !b.is_empty(), "{en} / {zh}");
        let overlap = a.intersection(&b).count() as f64 / a.len().min(b.len()) as f64;
        assert!(overlap >= 0.6, "{en} vs {zh}: overlap {overlap:.2}\n{a:?}\n{b:?}");
    }
}

#[test]
fn the_headline_indicator_asked_in_english_finds_its_measures() {
    // 每万人口发明专利拥有量, in plans often 万人发明专利拥有量: "per 10,000 people" is 万人, and
    // "10,000" is one number (not 10, which would bring every measure that counts ten of something).
    let c = corpus();
    for q in ["invention patents per 10,000 people", "patents per 10000 population"] {
        let r = search(c, q, &SearchOptions { limit: Some(5), ..Default::default() }).unwrap();
        assert!(r.phrases.iter().all(|p| p.text != "10"), "{q}: {:?}", r.phrases);
        let top: Vec<String> = r.hits.iter().map(|h| body(c, &h.id)).collect();
        assert!(top.len() == 5 && top.iter().all(|t| t.contains("万人")), "{q}: {top:#?}");
    }
}

#[test]
fn two_words_said_together_find_the_measures_that_say_them_together() {
    // 知识 is in nearly every measure (through 知识产权): without the pair term 传统 知识, the query
    // ranked whatever says 传统 (中华传统餐饮, 传统工艺) among the measures on traditional knowledge.
    let c = corpus();
    assert!(c.index.term_id("传统 知识").is_some());
    let r = search(c, "传统知识", &SearchOptions { limit: Some(5), ..Default::default() }).unwrap();
    let top: Vec<String> = r.hits.iter().map(|h| body(c, &h.id)).collect();
    assert!(top.len() == 5 && top.iter().all(|t| t.contains("传统知识")), "{top:#?}");
    // Its words alone still find it.
    let r = search(c, "传统", &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
    assert!(r.hits.iter().any(|h| body(c, &h.id).contains("传统知识")));
}

#[test]
fn two_glossary_words_in_a_row_rank_first_the_measures_that_say_them_together() {
    // "patent" is 专利 and "examination" 审查, each in many measures; 专利审查 in a few, which came
    // 14th and lower before the two were joined.
    let c = corpus();
    let together: HashSet<String> =
        c.dataset.measures.iter().filter(|m| body(c, &m.id).contains("专利审查")).map(|m| m.id.clone()).collect();
    assert!(!together.is_empty());
    let top = ids("patent examination", together.len());
    assert_eq!(top.iter().cloned().collect::<HashSet<_>>(), together, "{top:?}");
    // Apart ("patent, examination") they are two words, not one phrase.
    let r = search(c, "patent, examination", &SearchOptions::default()).unwrap();
    assert!(!r.phrases.iter().any(|p| p.text == "专利审查"), "{:?}", r.phrases);
}

#[test]
fn an_english_word_too_common_to_rank_by_still_finds_what_its_chinese_form_does() {
    // "patent" is 专利, in a third of the measures: left out beside a rarer word, but alone (or
    // beside a word no dictionary has, "xyzzy") it is all the query has. It found nothing.
    let c = corpus();
    let all = |q: &str| -> Vec<String> {
        let r = search(c, q, &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
        r.hits.into_iter().map(|h| h.id).collect()
    };
    let chinese = all("专利");
    assert!(!chinese.is_empty());
    for q in ["patent", "patents", "patent xyzzy"] {
        let got = all(q);
        assert_eq!(got.iter().collect::<HashSet<_>>(), chinese.iter().collect::<HashSet<_>>(), "{q}");
    }
    assert!(!all("intellectual property").is_empty());
    // Beside a rarer word it still steps aside: "patent examination" ranks by 专利审查 (test above).
    let r = search(c, "patent pledge", &SearchOptions::default()).unwrap();
    assert!(!r.terms.iter().any(|(t, _)| t == "专利"), "{:?}", r.terms);
}

#[test]
fn a_glossary_term_is_an_index_term_found_whole_in_english_and_in_chinese() {
    // 专利池 ("patent pool") was cut 专利|池 when the index was built: both queries were 专利, every
    // third measure. The glossary's terms are jieba's words at build time now.
    let c = corpus();
    let saying: HashSet<String> =
        c.dataset.measures.iter().filter(|m| body(c, &m.id).contains("专利池")).map(|m| m.id.clone()).collect();
    assert!(saying.len() >= 3 && c.index.term_id("专利池").is_some());
    for q in ["patent pools", "专利池"] {
        let r = search(c, q, &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
        assert_eq!(r.hits.iter().map(|h| h.id.clone()).collect::<HashSet<_>>(), saying, "{q}");
    }
    // A glossary term is searched as its Chinese typed would be, with its known parts at half
    // weight: "technology trading" (技术交易) also finds 专利技术交易, which jieba cuts 专利技术|交易.
    let typed = ids("技术交易", 1000);
    let english = ids("technology trading", 1000);
    assert_eq!(english.iter().collect::<HashSet<_>>(), typed.iter().collect::<HashSet<_>>());
    let saying: Vec<&str> =
        c.dataset.measures.iter().filter(|m| body(c, &m.id).contains("技术交易")).map(|m| m.id.as_str()).collect();
    assert!(saying.len() >= 3 && saying.iter().all(|id| english.iter().any(|e| e == id)), "{english:?}");
    assert!(body(c, &english[0]).contains("技术交易"));
}

#[test]
fn a_glossary_word_in_another_form_is_the_same_word() {
    // The glossary spells "talent"; "talents" found 46 measures through CC-CEDICT's /talent/ (禀赋)
    // instead of the 158 on 人才.
    let c = corpus();
    for (other, listed) in [("talents", "talent"), ("reforms", "reform"), ("pledges", "pledge")] {
        let a = search(c, other, &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
        let b = search(c, listed, &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
        assert!(b.total > 0);
        assert_eq!(
            a.hits.iter().map(|h| &h.id).collect::<Vec<_>>(),
            b.hits.iter().map(|h| &h.id).collect::<Vec<_>>(),
            "{other}"
        );
    }
    // Plurals only: "funding" is left to the dictionary (经费), not taken as the entry "fund" (基金).
    let r = search(c, "funding", &SearchOptions::default()).unwrap();
    assert!(!r.phrases.iter().any(|p| p.from == "glossary"), "{:?}", r.phrases);
}

#[test]
fn an_acronym_typed_in_capitals_is_searched_as_the_plans_write_it() {
    // The plans write WIPO and APP in Latin letters; typed in capitals, such a word is searched as it
    // is (in lower case, a word the dictionary knows is translated instead). It found nothing.
    let c = corpus();
    for acronym in ["WIPO", "APP"] {
        let r = search(c, acronym, &SearchOptions { limit: Some(100), ..Default::default() }).unwrap();
        let saying: Vec<&str> =
            c.dataset.measures.iter().filter(|m| body(c, &m.id).contains(acronym)).map(|m| m.id.as_str()).collect();
        assert!(!saying.is_empty(), "{acronym}");
        assert!(saying.iter().all(|id| r.hits.iter().any(|h| h.id == *id)), "{acronym}: {saying:?}");
    }
}

#[test]
fn a_latin_word_no_dictionary_translates_is_searched_as_the_plans_write_it() {
    // "wipo" in lower case found nothing: an English word, left to a dictionary that has no key for
    // it. A word the dictionary knows is still translated ("app" is 应用), not searched as typed.
    let mut c = corpus().clone();
    let cedict = "應用 应用 [ying4 yong4] /to use/to apply/application/app/\n";
    c.english = Some(plan_compare::english::Dictionary::for_corpus(cedict, &c));
    let typed = |q: &str| {
        let r = search(&c, q, &SearchOptions { limit: Some(100), ..Default::default() }).unwrap();
        let typed = r.phrases.iter().any(|p| p.from == "query" && p.text == q);
        (typed, r.hits.into_iter().map(|h| h.id).collect::<HashSet<_>>())
    };
    let (as_typed, found) = typed("wipo");
    assert!(as_typed);
    assert_eq!(found, typed("WIPO").1);
    assert!(!found.is_empty());
    let (as_typed, found) = typed("app");
    assert!(!as_typed && !found.is_empty() && c.index.term_id("app").is_some());
}

#[test]
fn a_words_translations_join_where_the_plans_say_them_together_and_count_as_one() {
    // /institution/ is 机构's fifth gloss and only the first two translations of each word were
    // joined, so "service institutions" ranked 事业单位 (/public service institution/) first and
    // none of the measures that say 服务机构 in its first ten.
    let mut c = corpus().clone();
    let cedict = "事業單位 事业单位 [shi4 ye4 dan1 wei4] /public service institution (e.g. schools, hospitals)/\n\
                  制度 制度 [zhi4 du4] /system (e.g. political, adminstrative etc)/institution/\n\
                  機關 机关 [ji1 guan1] /mechanism; gear/office; agency; organ; organization; institution; body/\n\
                  機構 机构 [ji1 gou4] /mechanism/structure/organization/agency/institution/CL:所[suo3]/\n\
                  金融機構 金融机构 [jin1 rong2 ji1 gou4] /financial institution/banking institution/\n\
                  民營 民营 [min2 ying2] /privately run (i.e. by a company, not the state)/\n\
                  秘密 秘密 [mi4 mi4] /secret; private; confidential; clandestine/a secret/\n\
                  經濟 经济 [jing1 ji4] /economy/economic/\n\
                  創新 创新 [chuang4 xin1] /to bring forth new ideas; to blaze new trails/innovation/\n\
                  驅動 驱动 [qu1 dong4] /to drive/to propel/drive (vehicle wheel)/\n";
    c.english = Some(plan_compare::english::Dictionary::for_corpus(cedict, &c));
    let c = &c;
    let ids = |q: &str, limit: usize| -> Vec<String> {
        let opts = SearchOptions { limit: Some(limit), ..Default::default() };
        search(c, q, &opts).unwrap().hits.into_iter().map(|h| h.id).collect()
    };
    let r = search(c, "service institutions", &SearchOptions::default()).unwrap();
    let join = r.phrases.iter().find(|p| p.text == "服务机构").expect("服务机构 is a phrase");
    assert_eq!(join.from, "joined");
    // One word's translations count as one term: a measure naming 机关, 金融机构 and 事业单位
    // (three senses of "institutions") is no longer second.
    let first = ids("service institutions", 10);
    let saying = first.iter().filter(|id| body(c, id).contains("服务机构")).count();
    assert_eq!(saying, 10, "{first:?}");
    // A later translation the plans never say beside the other word is no phrase.
    let texts: Vec<&str> = r.phrases.iter().map(|p| p.text.as_str()).collect();
    assert!(texts.contains(&"金融机构") && !texts.contains(&"服务金融机构"), "{texts:?}");
    // "private" finds 民营 through CC-CEDICT's /privately run/ (the adverb's -ly stemmed).
    let r = search(c, "private capital", &SearchOptions::default()).unwrap();
    assert!(r.phrases.iter().any(|p| p.text == "民营" && p.from == "dictionary"), "{:?}", r.phrases);
    // "driven" is no key: tried as /to drive/, it joins "innovation" as the plans' 创新驱动.
    let r = search(c, "innovation-driven", &SearchOptions::default()).unwrap();
    assert!(r.phrases.iter().any(|p| p.text == "创新驱动" && p.from == "joined"), "{:?}", r.phrases);
    let first = ids("innovation-driven", 3);
    assert!(first.iter().all(|id| body(c, id).contains("创新驱动")), "{first:?}");
}

#[test]
fn kinds_of_rights_and_wrongs_asked_in_english_find_the_measures_that_name_them() {
    // "design patents" found 外观设计 only at 0.42, below any 设计 /design/; "utility model" found
    // 模型 and 模式; "bad faith" 不良; "strong IP province" 强烈 and 扎实 (data/glossary.tsv).
    let c = corpus();
    for (q, zh) in [
        ("design patents", "外观设计"),
        ("utility model", "实用新型"),
        ("bad faith", "恶意"),
        ("strong IP province", "强省"),
        ("penalties", "处罚"),
        ("special funds", "专项资金"),
        ("poverty", "扶贫"),
        ("market entities", "市场主体"),
    ] {
        let naming: HashSet<String> =
            c.index.postings_of(zh).iter().map(|&(doc, _)| c.dataset.measures[doc as usize].id.clone()).collect();
        assert!(!naming.is_empty(), "{zh}");
        let first = ids(q, naming.len());
        assert_eq!(first.iter().cloned().collect::<HashSet<_>>(), naming, "{q}");
    }
    // The plans' IP courts are mostly 知识产权法庭 (tribunals of a court); the glossary joined
    // "intellectual property" and "court" into 知识产权法院 alone.
    let r = search(c, "intellectual property courts", &SearchOptions::default()).unwrap();
    assert!(r.phrases.iter().any(|p| p.text == "知识产权法庭"), "{:?}", r.phrases);
    // "legal services": the measures that say 法律服务 first. It found nothing when 法律服务 was no
    // index term (法律 + 服务, not a pair); as a glossary term it is one now.
    let saying = c.dataset.measures.iter().filter(|m| body(c, &m.id).contains("法律服务")).count();
    assert!(saying >= 5);
    // The pentad the plans are built on, 创造、运用、保护、管理: "creation" found 创作 (artistic),
    // "utilization" 利用 at 0.15. All four are in over a fifth of the measures, so each query is
    // searched through them alone, the measures that name both first.
    for (q, zh) in [("IP creation", "创造"), ("IP utilization", "运用"), ("IP management", "管理")] {
        let first = ids(q, 3);
        assert_eq!(first.len(), 3, "{q}");
        assert!(
            first.iter().all(|id| body(c, id).contains(zh)
                || c.measure(id).is_some_and(|m| m.work_item.as_deref().unwrap_or("").contains(zh))),
            "{q}: {first:?}"
        );
    }
    let first = ids("legal services", 5);
    assert_eq!(first.len(), 5);
    for id in first {
        assert!(body(c, &id).contains("法律服务"), "{id}");
    }
}

#[test]
fn plurals_with_a_sense_of_their_own_and_awards_find_what_the_plans_say() {
    // "goods" read as /good/ asked for 良好 (52 times in the seeds' text) beside 商品; "damages" as
    // /damage/ asked for 损害 and 危害 before 赔偿; "awards" asked for 奖 alone, an index term of 3
    // measures, where the plans say 奖励 (data/glossary.tsv).
    let c = corpus();
    let asks = |q: &str| -> Vec<String> {
        search(c, q, &SearchOptions::default()).unwrap().phrases.into_iter().map(|p| p.text).collect()
    };
    let goods = asks("counterfeit goods");
    assert!(goods.iter().any(|t| t == "商品") && !goods.iter().any(|t| t == "良好"), "{goods:?}");
    let damages = asks("compensation for damages");
    assert!(damages.iter().any(|t| t == "赔偿") && !damages.iter().any(|t| t == "损害"), "{damages:?}");
    let first = ids("awards", 20);
    assert_eq!(first.len(), 20);
    for id in first {
        assert!(body(c, &id).contains('奖'), "{id}");
    }
}

#[test]
fn words_whose_everyday_sense_the_dictionary_puts_first_ask_for_what_the_plans_mean() {
    // CC-CEDICT's senses, as it glosses them: "securities" stemmed to /security/ asked for 安全 and
    // 公安, "relics" for 依托, "time-honored" for 时间, "capital" for 首都, "vehicles" for 媒介
    // and so on (data/glossary.tsv).
    let mut c = corpus().clone();
    let cedict = "安全 安全 [an1 quan2] /safe/secure/safety/security/\n\
                  公安 公安 [gong1 an1] /(public) security/public safety/police/\n\
                  依託 依托 [yi1 tuo1] /to rely on/to depend on/support/\n\
                  時間 时间 [shi2 jian1] /time/period/\n\
                  首都 首都 [shou3 du1] /capital (city)/\n\
                  資本 资本 [zi1 ben3] /capital (economics)/\n\
                  媒介 媒介 [mei2 jie4] /medium/vehicle/\n\
                  證券 证券 [zheng4 quan4] /negotiable security/securities/\n\
                  集團 集团 [ji2 tuan2] /group/bloc/corporation/\n\
                  判定 判定 [pan4 ding4] /to judge/to decide/\n\
                  第一 第一 [di4 yi1] /first/number one/primary/\n\
                  人保 人保 [ren2 bao3] /personal guarantee/to sign as guarantor/\n\
                  網絡 网络 [wang3 luo4] /network/Internet/\n";
    c.english = Some(plan_compare::english::Dictionary::for_corpus(cedict, &c));
    let asks = |q: &str| -> Vec<String> {
        search(&c, q, &SearchOptions::default()).unwrap().phrases.into_iter().map(|p| p.text).collect()
    };
    let mut wrong = Vec::new();
    for (q, meant, not) in [
        ("securities", "证券", "安全"),
        ("cultural relics", "文物", "依托"),
        ("time-honored brands", "老字号", "时间"),
        ("venture capital", "风险投资", "首都"),
        ("new energy vehicles", "新能源汽车", "媒介"),
        ("leading group", "领导小组", "集团"),
        ("judges", "法官", "判定"),
        ("primary and secondary schools", "中小学", "第一"),
        ("network security", "网络安全", "证券"),
        ("personal information", "个人信息", "人保"),
    ] {
        let terms = asks(q);
        if !terms.iter().any(|t| t == meant) || terms.iter().any(|t| t == not) {
            wrong.push(format!("{q}: {terms:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    let first = search(&c, "securities", &SearchOptions { limit: Some(10), ..Default::default() }).unwrap().hits;
    assert_eq!(first.len(), 10);
    assert!(
        first.iter().all(|h| body(&c, &h.id).contains("证券")),
        "{:?}",
        first.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
}

#[test]
fn the_national_office_asked_by_its_english_names_finds_the_measures_that_name_it() {
    // "CNIPA" found nothing, and "State Intellectual Property Office" 办公室 and 办事处.
    let c = corpus();
    // The measures that name it (in their text or among their departments), as the index has them.
    let naming: HashSet<String> = c
        .index
        .postings_of("国家知识产权局")
        .iter()
        .map(|&(doc, _)| c.dataset.measures[doc as usize].id.clone())
        .collect();
    assert!(!naming.is_empty());
    let found = |q: &str| ids(q, 1000).into_iter().collect::<HashSet<String>>();
    let cnipa = found("CNIPA");
    assert!(naming.is_subset(&cnipa), "{:?}", naming.difference(&cnipa).collect::<Vec<_>>());
    for q in ["SIPO", "State Intellectual Property Office", "China National Intellectual Property Administration"] {
        assert_eq!(found(q), cnipa, "{q}");
    }
    // First, the measures that name it (or its short form 国知局, a taxonomy equivalent).
    for id in ids("CNIPA", 10) {
        let text =
            body(c, &id) + &c.measure(&id).unwrap().departments.iter().map(|d| d.name.as_str()).collect::<String>();
        assert!(text.contains("国家知识产权局") || text.contains("国知局"), "{id}: {text}");
    }
}

#[test]
fn highlights_are_char_offsets_of_matching_text() {
    let c = corpus();
    let r = search(c, "地理标志", &SearchOptions::default()).unwrap();
    let mut seen = 0;
    for h in &r.hits {
        let text: Vec<char> = c.measure(&h.id).unwrap().text.as_deref().unwrap_or("").chars().collect();
        for &[s, e] in &h.highlights {
            assert!(s < e && e <= text.len(), "{}: span {s}..{e} outside text of {} chars", h.id, text.len());
            let piece: String = text[s..e].iter().collect();
            // The query's words, its theme's other keyword 原产地, or its short form 地标.
            let expected = ["地理", "标志", "原产地", "地标"];
            assert!(expected.iter().any(|x| piece.contains(x)), "{}: {piece}", h.id);
            seen += 1;
        }
    }
    assert!(seen > 0);
    // Plan scores sum the measures' scores.
    let total: f32 = r.plans.iter().map(|p| p.score).sum();
    let all = search(c, "地理标志", &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
    let sum: f32 = all.hits.iter().map(|h| h.score).sum();
    assert!((total - sum).abs() < 1e-3 * sum.max(1.0));
}

fn check_facets(opts: &FilterOptions) {
    let r = filter(corpus(), opts).unwrap();
    for (name, f) in [("region", &r.facets.region), ("level", &r.facets.level), ("focus", &r.facets.focus)] {
        assert_eq!(f.iter().map(|c| c.count).sum::<usize>(), r.total, "{name} facet of {opts:?}");
    }
    for (name, f) in [("agency", &r.facets.agency), ("theme", &r.facets.theme), ("year", &r.facets.year)] {
        assert!(f.iter().map(|c| c.count).sum::<usize>() >= r.total, "{name}");
        assert!(f.iter().all(|c| c.count <= r.total && c.count > 0), "{name}");
    }
}

#[test]
fn plan_scores_list_the_best_plans_and_count_them_all() {
    let c = corpus();
    let q = "知识产权保护";
    let all = search(c, q, &SearchOptions::default()).unwrap();
    // A provincial corpus: every plan with a match is listed by default, best first.
    assert!(all.plan_total > 10 && all.plan_total <= c.dataset.plans.len(), "{}", all.plan_total);
    assert_eq!(all.plans.len(), all.plan_total);
    assert!(all.plans.windows(2).all(|w| w[0].score >= w[1].score));
    for plan_limit in [0, 1, 3] {
        let best = search(c, q, &SearchOptions { plan_limit: Some(plan_limit), ..Default::default() }).unwrap();
        assert_eq!(best.plans[..], all.plans[..plan_limit]);
        assert_eq!(
            (best.plan_total, best.total, &best.hits, &best.facets),
            (all.plan_total, all.total, &all.hits, &all.facets)
        );
    }
    let more = search(c, q, &SearchOptions { plan_limit: Some(usize::MAX), ..Default::default() }).unwrap();
    assert_eq!(more.plans, all.plans);
}

#[test]
fn facets_add_up_to_the_total() {
    check_facets(&FilterOptions::default());
    check_facets(&FilterOptions { themes: vec!["pledge-financing".into()], ..Default::default() });
    check_facets(&FilterOptions { levels: vec!["province".into()], years: vec![2018], ..Default::default() });
    let all = filter(corpus(), &FilterOptions::default()).unwrap();
    assert_eq!(all.total, corpus().dataset.measures.len());
    assert_eq!(all.items.len(), 20);
}

#[test]
fn the_year_facet_counts_what_the_year_filter_selects() {
    let c = corpus();
    for base in [
        FilterOptions::default(),
        FilterOptions { themes: vec!["pledge-financing".into()], ..Default::default() },
        FilterOptions { levels: vec!["city".into(), "district".into()], ..Default::default() },
    ] {
        let r = filter(c, &base).unwrap();
        assert!(r.facets.year.len() > 1, "{:?}", r.facets.year);
        for f in r.facets.year.iter().filter(|f| f.value != "none") {
            let y: u16 = f.value.parse().unwrap();
            let only = filter(c, &FilterOptions { years: vec![y], limit: Some(0), ..base.clone() }).unwrap();
            assert_eq!(f.count, only.total, "year {y} of {base:?}");
        }
    }
    // Multi-year plans count under each year: the counts add up to more than the total.
    let all = filter(c, &FilterOptions::default()).unwrap();
    assert!(all.facets.year.iter().map(|f| f.count).sum::<usize>() > all.total);
}

#[test]
fn filters_combine_with_and_across_fields_and_or_within() {
    let c = corpus();
    let f = |o: FilterOptions| filter(c, &FilterOptions { limit: Some(1000), ..o }).unwrap();
    let gd16 = f(FilterOptions { plans: vec!["guangdong-2016".into()], ..Default::default() });
    let pledge = f(FilterOptions { themes: vec!["pledge-financing".into()], ..Default::default() });
    let both = f(FilterOptions {
        plans: vec!["guangdong-2016".into()],
        themes: vec!["pledge-financing".into()],
        ..Default::default()
    });
    let expect: Vec<_> = gd16.items.iter().filter(|i| pledge.items.contains(i)).cloned().collect();
    assert_eq!(both.items, expect);
    assert!(both.total > 0);
    let either =
        f(FilterOptions { plans: vec!["guangdong-2016".into(), "shantou-2016-2020".into()], ..Default::default() });
    let st = f(FilterOptions { plans: vec!["shantou-2016-2020".into()], ..Default::default() });
    assert_eq!(either.total, gd16.total + st.total);
    // A year inside a plan's span selects it.
    let y2019 = f(FilterOptions { years: vec![2019], ..Default::default() });
    assert!(y2019
        .items
        .iter()
        .all(|i| i.id.starts_with("shantou-2016-2020") || i.id.starts_with("guangdong-2018-2022")));
    // Words: any of them, in any text field; agencies by canonical type.
    let w = f(FilterOptions { words: vec!["海关".into(), "边境".into()], ..Default::default() });
    assert!(
        w.total > 0
            && w.items.iter().all(|i| {
                let b = body(c, &i.id) + &i.chapter;
                b.contains("海关") || b.contains("边境")
            })
    );
    let ipo = f(FilterOptions { agencies: vec!["知识产权局".into()], ..Default::default() });
    assert!(ipo.total > 0 && ipo.items.iter().all(|i| i.departments.iter().any(|d| d.agency == "知识产权局")));
}

#[test]
fn bad_inputs_give_errors_or_empty_results_never_panics() {
    let c = corpus();
    let code = |r: Result<(), plan_compare::query::QueryError>| r.unwrap_err().code().as_str();
    let f = |o: FilterOptions| filter(c, &o).map(|_| ());
    assert_eq!(code(f(FilterOptions { plans: vec!["atlantis-2018".into()], ..Default::default() })), "UNKNOWN_PLAN");
    assert_eq!(code(f(FilterOptions { themes: vec!["no-such-theme".into()], ..Default::default() })), "UNKNOWN_THEME");
    assert_eq!(code(f(FilterOptions { limit: Some(5000), ..Default::default() })), "INVALID_ARGUMENT");
    assert_eq!(code(f(FilterOptions { focus: vec![9], ..Default::default() })), "INVALID_ARGUMENT");
    assert_eq!(code(f(FilterOptions { levels: vec!["planet".into()], ..Default::default() })), "INVALID_ARGUMENT");
    assert_eq!(code(f(FilterOptions { words: vec!["字".repeat(2000)], ..Default::default() })), "QUERY_TOO_LONG");
    // Contradictory filters: empty, not an error.
    let r = filter(
        c,
        &FilterOptions {
            regions: vec!["北京市".into()], plans: vec!["guangdong-2016".into()], ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.total, r.items.len()), (0, 0));
    assert!(r.facets.region.is_empty());
    // limit 0: empty page, total given; offset past the end: empty page.
    let r = filter(c, &FilterOptions { limit: Some(0), ..Default::default() }).unwrap();
    assert!(r.items.is_empty() && r.total == c.dataset.measures.len());
    let r = filter(c, &FilterOptions { offset: usize::MAX, ..Default::default() }).unwrap();
    assert!(r.items.is_empty() && r.total > 0);

    let s = |q: &str| search(c, q, &SearchOptions::default()).map(|_| ());
    assert_eq!(code(s("")), "EMPTY_QUERY");
    assert_eq!(code(s("   ，。！")), "EMPTY_QUERY");
    assert_eq!(code(s(&"专".repeat(MAX_QUERY_CHARS + 1))), "QUERY_TOO_LONG");
    assert_eq!(code(s(&"x".repeat(1 << 20))), "QUERY_TOO_LONG");
    assert!(s(&"专".repeat(MAX_QUERY_CHARS)).is_ok());
    let r = search(c, "zzzz qqqq", &SearchOptions::default()).unwrap();
    assert_eq!(r.total, 0);
    let r = search(c, "专利", &SearchOptions { offset: 1 << 40, ..Default::default() }).unwrap();
    assert!(r.hits.is_empty() && r.total > 0);
    assert_eq!(
        code(search(c, "专利", &SearchOptions { plans: vec!["x".into()], ..Default::default() }).map(|_| ())),
        "UNKNOWN_PLAN"
    );

    assert_eq!(code(diff(c, "guangdong-2016", "nowhere", &DiffOptions::default()).map(|_| ())), "UNKNOWN_PLAN");
    assert_eq!(
        code(
            diff(c, "guangdong-2016", "guangdong-2016", &DiffOptions { threshold: Some(2.0), ..Default::default() })
                .map(|_| ())
        ),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        code(
            diff(
                c,
                "guangdong-2016",
                "guangdong-2016",
                &DiffOptions { threshold: Some(f64::NAN), ..Default::default() }
            )
            .map(|_| ())
        ),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        code(compare(c, &["nowhere".into()], &CompareBy::Theme("copyright".into())).map(|_| ())),
        "UNKNOWN_PLAN"
    );
    assert_eq!(
        code(compare(c, &["guangdong-2016".into()], &CompareBy::Theme("nope".into())).map(|_| ())),
        "UNKNOWN_THEME"
    );
    assert_eq!(code(compare(c, &[], &CompareBy::Theme("copyright".into())).map(|_| ())), "INVALID_ARGUMENT");
    assert_eq!(
        code(compare(c, &["guangdong-2016".into()], &CompareBy::WorkItem(String::new())).map(|_| ())),
        "EMPTY_QUERY"
    );
    assert_eq!(code(match_themes(c, "").map(|_| ())), "EMPTY_QUERY");
    assert_eq!(code(match_themes(c, &"版".repeat(200_000)).map(|_| ())), "QUERY_TOO_LONG");
    assert_eq!(
        code(theme_matrix(c, &ThemeMatrixOptions { themes: vec!["nope".into()], ..Default::default() }).map(|_| ())),
        "UNKNOWN_THEME"
    );

    // Options from JS: unknown fields are refused, missing ones take defaults.
    assert!(serde_json::from_str::<FilterOptions>(r#"{"plan": ["x"]}"#).is_err());
    let o: FilterOptions = serde_json::from_str(r#"{"workItems": ["a"], "limit": 3}"#).unwrap();
    assert_eq!((o.work_items.len(), o.limit, o.offset), (1, Some(3), 0));
    let by: CompareBy = serde_json::from_str(r#"{"workItem": "知识产权服务业集聚区建设"}"#).unwrap();
    assert_eq!(by, CompareBy::WorkItem("知识产权服务业集聚区建设".into()));
}

#[test]
fn every_theme_has_a_keyword_that_occurs_in_the_corpus_and_measures_are_tagged() {
    let c = corpus();
    let seeds: String =
        plan_compare::dataset::SEEDS.iter().map(|s| s.text.split_whitespace().collect::<String>()).collect();
    for t in &c.taxonomy.themes {
        assert!(
            t.keywords_zh.iter().any(|k| seeds.contains(k.as_str())),
            "theme {}: no keyword occurs in the seeds",
            t.id
        );
    }
    assert_eq!(c.dataset.themes.len(), c.taxonomy.themes.len());
    let tagged = c.dataset.measures.iter().filter(|m| !m.themes.is_empty()).count();
    assert!(
        tagged * 10 >= c.dataset.measures.len() * 8,
        "only {tagged} of {} measures have a theme",
        c.dataset.measures.len()
    );
    // Tags are exactly the themes whose strong keywords occur (spot check).
    let m = c.dataset.measures.iter().find(|m| m.text.as_deref().is_some_and(|t| t.contains("质押融资"))).unwrap();
    assert!(m.themes.contains(&"pledge-financing".to_string()), "{}", m.id);
}

#[test]
fn match_themes_finds_the_themes_of_a_text_in_either_language() {
    let c = corpus();
    let r = match_themes(c, "推进专利质押融资，加强海关知识产权执法").unwrap();
    let got: Vec<&str> = r.iter().filter(|m| m.tagged).map(|m| m.id.as_str()).collect();
    assert!(got.contains(&"pledge-financing") && got.contains(&"customs-enforcement"), "{got:?}");
    let r = match_themes(c, "Customs seizures of counterfeit goods at the border").unwrap();
    assert_eq!(r.first().map(|m| m.id.as_str()), Some("customs-enforcement"));
    assert!(r.iter().any(|m| m.id == "anti-counterfeiting"));
    assert!(match_themes(c, "天气晴朗").unwrap().is_empty());
}

#[test]
fn theme_matrix_counts_agree_with_filter() {
    let c = corpus();
    let m = theme_matrix(c, &ThemeMatrixOptions::default()).unwrap();
    assert_eq!(m.plans.len(), c.dataset.plans.len());
    assert_eq!(m.themes.len(), c.taxonomy.themes.len());
    for (pi, plan) in m.plans.iter().enumerate() {
        for (ti, theme) in m.themes.iter().enumerate() {
            let cell = &m.cells[pi][ti];
            let f = filter(
                c,
                &FilterOptions {
                    plans: vec![plan.clone()],
                    themes: vec![theme.clone()],
                    limit: Some(0),
                    ..Default::default()
                },
            )
            .unwrap();
            assert_eq!(cell.count, f.total, "{plan} × {theme}");
            assert!((0.0..=1.0).contains(&cell.share));
            assert!(cell.count == 0 || cell.score > 0.0);
        }
    }
}

#[test]
fn compare_by_theme_and_work_item_gives_one_row_per_plan() {
    let c = corpus();
    let plans: Vec<String> = c.dataset.plans.iter().map(|p| p.id.clone()).collect();
    let r = compare(c, &plans, &CompareBy::Theme("pledge-financing".into())).unwrap();
    assert_eq!(r.rows.len(), plans.len());
    for row in &r.rows {
        assert!(row.measures.iter().all(|id| c.measure(id).unwrap().themes.contains(&"pledge-financing".to_string())));
    }
    assert!(r.rows.iter().any(|row| !row.measures.is_empty()));
    let r = compare(c, &["guangdong-2016".into()], &CompareBy::WorkItem("知识产权质押融资".into())).unwrap();
    assert!(!r.rows[0].measures.is_empty());
}

#[test]
fn diff_aligns_prose_plans_and_its_runs_rebuild_both_texts() {
    let c = corpus();
    let r = diff(c, "guangdong-2016", "guangdong-2018-2022", &DiffOptions::default()).unwrap();
    let a_count = c.measures_of("guangdong-2016").count();
    let b_count = c.measures_of("guangdong-2018-2022").count();
    let distinct = |side: fn(&plan_compare::query::diff::DiffPair) -> &String| {
        r.pairs.iter().map(side).collect::<HashSet<_>>().len()
    };
    assert_eq!(distinct(|p| &p.a) + r.only_a.len(), a_count);
    assert_eq!(distinct(|p| &p.b) + r.only_b.len(), b_count);
    assert!(!r.pairs.is_empty());
    let mut seen_a = HashSet::new();
    let mut seen_b = HashSet::new();
    for p in &r.pairs {
        if p.by == AlignedBy::Continues {
            // Many-to-one: the finer plan's (A's) measure once, the coarser plan's as often as it continues.
            assert!(seen_a.insert(&p.a), "{} continued twice", p.a);
            assert!(p.score >= plan_compare::query::diff::CONTINUES_THRESHOLD);
        } else {
            assert!(seen_a.insert(&p.a) && seen_b.insert(&p.b), "not one-to-one");
            assert!(p.score >= r.threshold);
        }
        let (ta, tb) = (
            c.measure(&p.a).unwrap().text.clone().unwrap_or_default(),
            c.measure(&p.b).unwrap().text.clone().unwrap_or_default(),
        );
        let old: String = p.changes.iter().filter(|x| x.op != Op::Insert).map(|x| x.text.as_str()).collect();
        let new: String = p.changes.iter().filter(|x| x.op != Op::Delete).map(|x| x.text.as_str()).collect();
        assert_eq!((old, new), (ta, tb));
    }
    // Self-diff: everything pairs with itself, unchanged.
    let r = diff(c, "shantou-2016-2020", "shantou-2016-2020", &DiffOptions::default()).unwrap();
    assert!(r.only_a.is_empty() && r.only_b.is_empty());
    assert!(r.pairs.iter().all(|p| p.a == p.b && p.changes.iter().all(|x| x.op == Op::Equal)));
    // Targets by fuzzy indicator: 万人发明专利拥有量（专利密度） 2.4 vs 万人发明专利拥有量 25.
    let r = diff(c, "shantou-2016-2020", "guangdong-2018-2022", &DiffOptions::default()).unwrap();
    let t = r.targets.pairs.iter().find(|t| t.b.indicator == "万人发明专利拥有量").expect("patent density paired");
    assert!(t.a.indicator.starts_with("万人发明专利拥有量"));
    assert_eq!((t.a.value, t.b.value, t.delta), (2.4, 25.0, Some(22.6)));
}

#[test]
fn table_plans_align_on_every_shared_work_item() {
    let c = corpus();
    let present =
        |id: &str| c.dataset.plans.iter().any(|p| p.id == id) && c.measures_of(id).any(|(_, m)| m.focus_no.is_some());
    assert!(present("beijing-2018") && present("tianjin-2018"), "the 2018 tables are parsed");
    let r = diff(c, "beijing-2018", "tianjin-2018", &DiffOptions::default()).unwrap();
    let key = |id: &str| c.measure(id).and_then(|m| m.work_item.as_deref()).map(plan_compare::query::normalize);
    let keys = |plan: &str| {
        c.measures_of(plan)
            .filter_map(|(_, m)| m.work_item.as_deref().map(plan_compare::query::normalize))
            .collect::<HashSet<_>>()
    };
    let shared: HashSet<String> = keys("beijing-2018").intersection(&keys("tianjin-2018")).cloned().collect();
    assert!(!shared.is_empty());
    for k in &shared {
        assert!(
            r.pairs.iter().any(|p| key(&p.a).as_ref() == Some(k) && key(&p.b).as_ref() == Some(k)),
            "work item {k} is in both plans but not aligned"
        );
    }
    for p in &r.pairs {
        if p.by == plan_compare::query::diff::AlignedBy::WorkItem {
            let (x, y) = (key(&p.a).unwrap_or_default(), key(&p.b).unwrap_or_default());
            assert!(
                x == y || plan_compare::query::similarity(&x, &y) >= plan_compare::query::diff::WORK_ITEM_THRESHOLD,
                "{x} ~ {y}"
            );
        }
    }
}

#[test]
fn corpus_survives_a_serde_round_trip() {
    let c = corpus();
    let json = serde_json::to_string(c).unwrap();
    let back: Corpus = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, c);
    let q = |c: &Corpus| {
        search(c, "专利导航", &SearchOptions::default()).unwrap().hits.into_iter().map(|h| h.id).collect::<Vec<_>>()
    };
    assert_eq!(q(&back), q(c));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn inline_changes_rebuild_both_texts(a in "[专利质押融资地理标志，。a-c 1]{0,40}", b in "[专利质押融资地理标志，。a-c 1]{0,40}") {
            let changes = inline_changes(&corpus().index.by_first_char(), &a, &b);
            let old: String = changes.iter().filter(|x| x.op != Op::Insert).map(|x| x.text.as_str()).collect();
            let new: String = changes.iter().filter(|x| x.op != Op::Delete).map(|x| x.text.as_str()).collect();
            prop_assert_eq!(old, a);
            prop_assert_eq!(new, b);
            // Runs are merged: no two neighbours share an op.
            prop_assert!(changes.windows(2).all(|w| w[0].op != w[1].op));
        }

        #[test]
        fn queries_never_panic(q in "\\PC{0,30}", offset in 0usize..5000, limit in 0usize..1500) {
            let c = corpus();
            let _ = search(c, &q, &SearchOptions { offset, limit: Some(limit), ..Default::default() });
            let _ = match_themes(c, &q);
            let _ = filter(c, &FilterOptions { words: vec![q.clone()], work_items: vec![q.clone()], regions: vec![q.clone()], offset, limit: Some(limit), ..Default::default() });
            let _ = compare(c, &["guangdong-2016".into()], &CompareBy::WorkItem(q.clone()));
        }
    }
}

#[test]
fn a_readers_plan_added_at_run_time_is_searchable_and_diffable() {
    use plan_compare::engine::{Engine, PlanMeta};
    let mut e = Engine::from_corpus(corpus().clone());
    let text = "一、加强保护\n（一）推进地理标志保护。加强地理标志产品保护和地理标志商标培育。（市市场监管局负责）\n（二）推进知识产权质押融资。建立质押融资风险补偿资金。（市知识产权局负责）\n";
    let meta = PlanMeta {
        region: "测试市".into(),
        level: Some(plan_compare::model::Level::City),
        kind: None,
        year_start: Some(2019),
        year_end: Some(2019),
        title: None,
        source: None,
    };
    let added = e.add_plan(text, &meta).unwrap();
    assert_eq!((added.plans.len(), added.measure_count), (1, 2), "the sample parses into one plan of two items");
    let id = added.plans[0].id.clone();
    let r = e.search("地理标志", &SearchOptions { plans: vec![id.clone()], ..Default::default() }).unwrap();
    assert!(!r.hits.is_empty(), "the added plan's GI measure is found");
    assert!(r.hits[0].measure.themes.contains(&"geographical-indications".to_string()), "tagged once, on the way in");
    // A part of a longer word finds it, as it finds the corpus's own measures: the text says
    // 质押 and 融资 only inside 质押融资.
    for part in ["质押", "融资", "质押融资"] {
        let r = e.search(part, &SearchOptions { plans: vec![id.clone()], ..Default::default() }).unwrap();
        assert_eq!(r.hits.len(), 1, "{part} finds the pledge measure");
        assert!(body(e.corpus(), &r.hits[0].id).contains("质押融资"), "{part}");
    }
    let d = e.diff(&id, "guangdong-2016", &DiffOptions::default()).unwrap();
    let aligned: HashSet<&String> = d.pairs.iter().map(|p| &p.a).collect();
    assert_eq!(aligned.len() + d.only_a.len(), added.measure_count);
    e.remove_plan(&id).unwrap();
    assert_eq!(
        e.search("地理标志", &SearchOptions { plans: vec![id], ..Default::default() }).unwrap_err().code.as_str(),
        "UNKNOWN_PLAN"
    );
}

#[test]
fn a_readers_plan_in_traditional_script_is_compared_as_it_is_searched() {
    use plan_compare::engine::{Engine, PlanMeta};
    use plan_compare::query::{PassagesOptions, SimilarityOptions};
    let mut e = Engine::from_corpus(corpus().clone());
    let meta = |region: &str| PlanMeta {
        region: region.into(),
        level: Some(plan_compare::model::Level::City),
        kind: None,
        year_start: Some(2024),
        year_end: Some(2024),
        title: None,
        source: None,
    };
    let simplified = "一、加强保护\n（一）推进地理标志保护。加强地理标志产品保护和地理标志商标培育，支持企业申报地理标志产品，扩大地理标志产品的市场影响。（市市场监管局、市财政局负责）\n（二）推进知识产权质押融资。建立质押融资风险补偿资金，扩大知识产权质押融资规模，支持银行开发知识产权金融产品。\n";
    let traditional = "一、加強保護\n（一）推進地理標誌保護。加強地理標誌產品保護和地理標誌商標培育，支持企業申報地理標誌產品，擴大地理標誌產品的市場影響。（市市場監管局、市財政局負責）\n（二）推進知識產權質押融資。建立質押融資風險補償資金，擴大知識產權質押融資規模，支持銀行開發知識產權金融產品。\n";
    let s = e.add_plan(simplified, &meta("测试市")).unwrap().plans[0].id.clone();
    let t = e.add_plan(traditional, &meta("測試市")).unwrap().plans[0].id.clone();
    let printed = |id: &str| -> Vec<String> {
        e.corpus().measures_of(id).map(|(_, m)| m.text.clone().unwrap_or_default()).collect()
    };
    let (printed_s, printed_t) = (printed(&s), printed(&t));
    assert_eq!(printed_t.len(), 2, "{printed_t:?}");
    assert!(
        printed_t.iter().all(|text| text.contains("標誌") || text.contains("質押")),
        "kept as printed: {printed_t:?}"
    );

    // The diff pairs every measure as the same text. Its runs still rebuild each side as printed:
    // what is printed apart is a change of script only (deleted and inserted alike once folded).
    let pairs = e.corpus().traditional.clone();
    let fold = |s: &str| pairs.fold(s).into_owned();
    for (a, b, printed_a, printed_b) in [(&t, &s, &printed_t, &printed_s), (&s, &t, &printed_s, &printed_t)] {
        let d = e.diff(a, b, &DiffOptions::default()).unwrap();
        assert_eq!((d.pairs.len(), d.only_a.len(), d.only_b.len()), (2, 0, 0), "{a} against {b}");
        for ((pair, text_a), text_b) in d.pairs.iter().zip(printed_a).zip(printed_b) {
            assert!(pair.score > 0.99, "{pair:?}");
            let side =
                |skip: Op| pair.changes.iter().filter(|c| c.op != skip).map(|c| c.text.as_str()).collect::<String>();
            assert_eq!((&side(Op::Insert), &side(Op::Delete)), (text_a, text_b));
            let only = |op: Op| pair.changes.iter().filter(|c| c.op == op).map(|c| fold(&c.text)).collect::<String>();
            assert_eq!(only(Op::Delete), only(Op::Insert), "{:?}", pair.changes);
            assert!(pair.changes.iter().any(|c| c.op == Op::Equal && c.text.contains("支持")), "{:?}", pair.changes);
        }
        // The same departments, each shown as A prints it.
        let named = |id: &str| -> Vec<String> {
            let mut names: Vec<String> =
                e.corpus().measures_of(id).flat_map(|(_, m)| m.departments.iter().map(|d| d.name.clone())).collect();
            names.sort();
            names
        };
        assert_eq!(named(a).len(), 2, "{:?}", named(a));
        assert_eq!((&d.departments.shared, d.departments.only_a.len(), d.departments.only_b.len()), (&named(a), 0, 0));
    }
    // Their texts are each other's, for the similarity matrix and the shared passages.
    // (Titles shorter than a passage count in neither: the same text twice shares under 1.)
    let again = e.add_plan(simplified, &meta("另一市")).unwrap().plans[0].id.clone();
    let shares = |a: &str, b: &str| {
        let sim = e.similarity(&SimilarityOptions { plans: vec![a.to_string(), b.to_string()], by: None }).unwrap();
        sim.pairs.iter().map(|p| (p.a_in_b, p.b_in_a)).collect::<Vec<_>>()
    };
    let same = shares(&s, &again);
    assert!(same.iter().all(|&(x, y)| x > 0.5 && x == y), "{same:?}");
    assert_eq!(shares(&s, &t), same);
    let passages = e.shared_passages(&t, Some(&s), &PassagesOptions::default()).unwrap();
    assert!(!passages.passages.is_empty());
    assert!(
        passages.passages.iter().all(|p| printed_t.iter().any(|text| text.contains(&p.a.text))),
        "A's side as printed"
    );
}

#[test]
fn common_words_rank_but_do_not_select_when_the_query_has_a_distinctive_one() {
    let c = corpus();
    let r = search(c, "专利质押", &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
    let with_patent =
        c.dataset.measures.iter().filter(|m| plan_compare::themes::tagging_text(m).contains("专利")).count();
    assert!(r.total < with_patent, "{} hits, {with_patent} measures say 专利", r.total);
    let pledge = &c.taxonomy.themes[c.theme_index("pledge-financing").unwrap()];
    for h in &r.hits {
        let text = body(c, &h.id);
        assert!(
            text.contains("质押") || pledge.keywords_zh.iter().any(|k| text.contains(k.as_str())),
            "{} is a hit for 专利质押 without any pledge term",
            h.id
        );
    }
    // A typed compound also finds its parts in another order (人才培养 → 培养…人才).
    let compound: HashSet<String> = ids("人才培养", 1000).into_iter().collect();
    for m in &c.dataset.measures {
        let t = plan_compare::themes::tagging_text(m);
        if t.contains("培养") && t.contains("人才") {
            assert!(compound.contains(&m.id), "{} has 人才 and 培养 but is not found for 人才培养", m.id);
        }
    }
}

#[test]
fn plans_of_different_grain_align_many_to_one() {
    let c = corpus();
    let fine = c.measures_of("guangdong-2016").count();
    let coarse = c.measures_of("guangdong-2018-2022").count();
    assert!(fine >= 2 * coarse, "{fine} tasks against {coarse} items");
    let r = diff(c, "guangdong-2016", "guangdong-2018-2022", &DiffOptions::default()).unwrap();
    let continued: Vec<_> = r.pairs.iter().filter(|p| p.by == AlignedBy::Continues).collect();
    // Known answers: 做好广东省专利条例修订的前期调研… is continued by 加快完善知识产权保护制度。修订广东省专利条例…;
    // 开展专项行动加大力度打击互联网领域侵权假冒… and 大力推动展会知识产权保护工作… by 严厉打击侵犯知识产权行为
    // (…打击侵权假冒专项行动，强化重点专业市场、展会和互联网领域知识产权保护…).
    let body = |id: &str| body(c, id);
    let find = |plan: &str, words: &str| {
        let hit = c
            .measures_of(plan)
            .find(|(_, m)| plan_compare::query::normalize(&plan_compare::themes::tagging_text(m)).contains(words));
        hit.map(|(_, m)| m.id.clone()).unwrap_or_else(|| panic!("{plan} has no measure saying {words}"))
    };
    let statute = find("guangdong-2018-2022", "修订广东省专利条例");
    let crackdown = find("guangdong-2018-2022", "打击侵权假冒专项行动");
    for (task, item) in
        [("专利条例修订", &statute), ("打击互联网领域侵权假冒", &crackdown), ("展会知识产权保护工作", &crackdown)]
    {
        let a = find("guangdong-2016", task);
        assert!(
            r.pairs.iter().any(|p| p.a == a && &p.b == item),
            "{a} ({task}) should be continued by {item}: {}",
            body(item)
        );
    }
    // Most 2018 items continue several 2016 tasks; far fewer tasks are left "only in A" than the 152 of
    // a one-to-one alignment, and no task is continued by two items.
    let mut per_item = std::collections::HashMap::new();
    for p in &r.pairs {
        *per_item.entry(&p.b).or_insert(0) += 1;
    }
    assert!(per_item.values().filter(|&&n| n >= 2).count() * 2 >= coarse, "{per_item:?}");
    assert!(r.only_a.len() + 20 <= fine - coarse, "{} only in A", r.only_a.len());
    // The same plans the other way round give the same pairs, mirrored.
    let back = diff(c, "guangdong-2018-2022", "guangdong-2016", &DiffOptions::default()).unwrap();
    let there: HashSet<(String, String)> = continued.iter().map(|p| (p.a.clone(), p.b.clone())).collect();
    let here: HashSet<(String, String)> =
        back.pairs.iter().filter(|p| p.by == AlignedBy::Continues).map(|p| (p.b.clone(), p.a.clone())).collect();
    assert_eq!(there, here);
    // Plans of one grain (two 2018 tables) stay one-to-one.
    let same = diff(c, "beijing-2018", "tianjin-2018", &DiffOptions::default()).unwrap();
    assert!(same.pairs.iter().all(|p| p.by != AlignedBy::Continues));
}

#[test]
fn per_plan_counts_and_facets_hold_when_a_plans_measures_are_not_contiguous() {
    // A measure that names 地理标志, of a plan that is not the last, moved to the end: its plan now
    // has two runs.
    let mut dataset = corpus().dataset.clone();
    let last_plan = dataset.measures.last().unwrap().plan.clone();
    let at = dataset.measures.iter().position(|m| m.plan != last_plan && body(corpus(), &m.id).contains("地理标志"));
    let moved = dataset.measures.remove(at.unwrap());
    let (plan, region) = (moved.plan.clone(), corpus().plan(&moved.plan).unwrap().region.clone());
    dataset.measures.push(moved);
    let c = Corpus::new(dataset, plan_compare::themes::Taxonomy::bundled().unwrap());
    let size = c.measures_of(&plan).count();
    let r = search(&c, "地理标志", &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
    assert!(r.total <= 1000 && r.plans.iter().any(|p| p.plan == plan));
    for p in &r.plans {
        let hits = r.hits.iter().filter(|h| h.plan == p.plan).count();
        assert_eq!(p.count, hits, "{}", p.plan);
        assert!((p.share - hits as f64 / c.measures_of(&p.plan).count() as f64).abs() < 1e-12, "{}", p.plan);
    }
    let whole = filter(&c, &FilterOptions { plans: vec![plan.clone()], ..Default::default() }).unwrap();
    assert_eq!(whole.total, size);
    assert_eq!(whole.facets.region.iter().find(|f| f.value == region).map(|f| f.count), Some(size));
}
