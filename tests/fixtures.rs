//! Parser fixtures: each `tests/fixtures/NAME.txt` is an input document, `NAME.json` holds what
//! is known about it (`info`) and the records the parser must produce (`expected`). One helper
//! runs them all; names say which document shape or which kind of PDF damage they cover.
//!
//! To write the `expected` part of a new fixture from the parser's output (then read it line by
//! line before committing): `UPDATE_FIXTURES=1 cargo test --test fixtures`.

use plan_compare::model::{Kind, Level, Role};
use plan_compare::parse::{parse_document, DocumentInfo};
use serde_json::{json, Value};
use std::path::Path;

fn info_from(v: &Value, name: &str) -> DocumentInfo {
    let level = match v["level"].as_str() {
        Some("city") => Level::City,
        Some("district") => Level::District,
        Some("national") => Level::National,
        _ => Level::Province,
    };
    let kind = match v["kind"].as_str() {
        Some("five-year plan") => Kind::FiveYearPlan,
        Some("action plan") => Kind::ActionPlan,
        _ => Kind::WorkPoints,
    };
    let years = v["years"].as_array();
    let year = |k: usize| years.and_then(|y| y.get(k)).and_then(Value::as_u64).map(|y| y as u16);
    DocumentInfo {
        source: format!("tests/fixtures/{name}.txt"),
        region: v["region"].as_str().map(str::to_string),
        level,
        kind,
        year_start: year(0),
        year_end: year(1),
        title: None,
        id: None,
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The parser's output in the fixture's form: the contract's fields that the parser decides.
fn actual(text: &str, info: &DocumentInfo) -> Value {
    let parsed = parse_document(info, text);
    let d = parsed.dataset;
    let role = |r: Option<Role>| match r {
        Some(Role::Lead) => json!("lead"),
        Some(Role::Support) => json!("support"),
        None => Value::Null,
    };
    json!({
        "plans": d.plans.iter().map(|p| json!({
            "id": p.id, "region": p.region, "title": p.title, "doc_number": p.doc_number,
        })).collect::<Vec<_>>(),
        "measures": d.measures.iter().map(|m| json!({
            "no": m.no, "chapter": m.chapter, "focus_no": m.focus_no, "work_item": m.work_item,
            "title": m.title, "text": m.text,
            "departments": m.departments.iter().map(|x| json!({"name": x.name, "role": role(x.role), "agency": x.agency})).collect::<Vec<_>>(),
            "lines": m.lines,
        })).collect::<Vec<_>>(),
        "targets": d.targets.iter().map(|t| json!({
            "indicator": t.indicator, "value": t.value, "value_max": t.value_max, "unit": t.unit,
            "qualifier": t.qualifier, "year": t.year,
        })).collect::<Vec<_>>(),
        "unassigned": d.unassigned.iter().map(|u| u.line).collect::<Vec<_>>(),
        "coverage": (parsed.ledger.coverage() * 1000.0).round() / 1000.0,
        "passages": d.passages.iter().map(|p| json!({"heading": p.heading, "lines": p.lines})).collect::<Vec<_>>(),
    })
}

/// Strings compared with whitespace removed, everything else exactly.
fn normalised(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(squash(s)),
        Value::Array(a) => Value::Array(a.iter().map(normalised).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), normalised(v))).collect()),
        other => other.clone(),
    }
}

fn run(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let spec_path = dir.join(format!("{name}.json"));
    let mut spec: Value = serde_json::from_str(&std::fs::read_to_string(&spec_path).unwrap()).unwrap();
    let info = info_from(&spec["info"], name);
    let got = actual(&text, &info);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let mut got = got;
        if spec["expected"].is_object() && spec["expected"]["passages"].is_null() {
            // A fixture written before passages were compared keeps its form.
            got.as_object_mut().map(|o| o.remove("passages"));
        }
        spec["expected"] = got;
        std::fs::write(&spec_path, serde_json::to_string_pretty(&spec).unwrap() + "\n").unwrap();
        return;
    }
    let expected = &spec["expected"];
    assert!(!expected.is_null(), "{name}: no expected records yet (see the module comment)");
    let (got, expected) = (normalised(&got), normalised(expected));
    // Passages (heading and lines) only where a fixture's expected records list them: the
    // fixtures on headings and on what is no item (a table of contents, a site's menu).
    let keys = ["plans", "measures", "targets", "unassigned", "coverage", "passages"];
    for key in keys.into_iter().filter(|k| *k != "passages" || !expected[*k].is_null()) {
        let (g, e) = (&got[key], &expected[key]);
        if let (Some(g), Some(e)) = (g.as_array(), e.as_array()) {
            for (k, (gi, ei)) in g.iter().zip(e).enumerate() {
                assert_eq!(gi, ei, "{name}: {key}[{k}] differs");
            }
            assert_eq!(g.len(), e.len(), "{name}: number of {key}");
        } else {
            assert_eq!(g, e, "{name}: {key}");
        }
    }
}

macro_rules! fixtures {
    ($($test:ident => $name:literal,)*) => {
        $(#[test] fn $test() { run($name); })*
    };
}

fixtures! {
    prose_titled_items => "prose-titled-items",
    prose_role_clauses => "prose-role-clauses",
    prose_numbered_list_not_tasks => "prose-numbered-list-not-tasks",
    prose_mixed_brackets => "prose-mixed-brackets",
    prose_full_width_digits => "prose-full-width-digits",
    five_year_plan_targets_table => "five-year-plan-targets-table",
    pdf_radicals_printed_lines => "pdf-radicals-printed-lines",
    indicator_table_cells => "indicator-table-cells",
    indicator_table_tabs => "indicator-table-tabs",
    indicator_table_spaces => "indicator-table-spaces",
    action_plan_goal_paragraph => "action-plan-goal-paragraph",
    prose_paragraph_items => "prose-paragraph-items",
    prose_paragraph_items_wrapped => "prose-paragraph-items-wrapped",
    prose_headed_items => "prose-headed-items",
    prose_internal_units => "prose-internal-units",
    prose_web_page => "prose-web-page",
    prose_restarted_numbering => "prose-restarted-numbering",
    prose_labelled_clause_lines => "prose-labelled-clause-lines",
    prose_sub_items => "prose-sub-items",
    prose_report_before_plan => "prose-report-before-plan",
    prose_numbered_goal_lines => "prose-numbered-goal-lines",
    prose_goal_lines_before_items => "prose-goal-lines-before-items",
    prose_inline_task_clauses => "prose-inline-task-clauses",
    prose_numbered_through_framing => "prose-numbered-through-framing",
    real_national_trad_2020 => "real-national-trad-2020",
    real_national_trad_2021 => "real-national-trad-2021",
    real_pinyin_national_2017 => "real-pinyin-national-2017",
    real_guideline_national_2024 => "real-guideline-national-2024",
    real_draft_pinyin_wuhan_2023 => "real-draft-pinyin-wuhan-2023",
    real_furniture_shanghai_2022 => "real-furniture-shanghai-2022",
    real_furniture_shanghai_shuangda_2022 => "real-furniture-shanghai-shuangda-2022",
    real_hotline_national_shuangda_2022 => "real-hotline-national-shuangda-2022",
    real_furniture_tianjin_2021 => "real-furniture-tianjin-2021",
    real_furniture_tongzhou_2022 => "real-furniture-tongzhou-2022",
    real_furniture_targets_wenzhou_2022 => "real-furniture-targets-wenzhou-2022",
    real_metadata_row_national_2018 => "real-metadata-row-national-2018",
    real_paragraphs_zhejiang_2017 => "real-paragraphs-zhejiang-2017",
    real_heading_paragraph_xuhui_2025 => "real-heading-paragraph-xuhui-2025",
    real_outline_jiangsu_2009 => "real-outline-jiangsu-2009",
    table_basic => "table-basic",
    table_page_break_mid_cell => "table-page-break-mid-cell",
    table_interleaved_cells => "table-interleaved-cells",
    table_department_sentence => "table-department-sentence",
    table_missing_focus_numbers => "table-missing-focus-numbers",
    table_overprinted_bold => "table-overprinted-bold",
    table_unit_without_heading => "table-unit-without-heading",
    table_several_measures_per_work_item => "table-several-measures-per-work-item",
    table_measure_paragraphs_one_department => "table-measure-paragraphs-one-department",
    table_row_across_page_break => "table-row-across-page-break",
    table_work_item_after_department => "table-work-item-after-department",
    table_own_work_items => "table-own-work-items",
    table_department_leaks => "table-department-leaks",
    table_department_right_of_full_measure => "table-department-right-of-full-measure",
    table_punctuation_runs => "table-punctuation-runs",
    table_year_from_heading => "table-year-from-heading",
    table_no_heading_no_year => "table-no-heading-no-year",
    grid_tab_separated => "grid-tab-separated",
    grid_bar_rows => "grid-bar-rows",
    grid_cell_per_line => "grid-cell-per-line",
    grid_header_split => "grid-header-split",
    grid_page_break => "grid-page-break",
    grid_chapter_headings => "grid-chapter-headings",
    grid_wrapped_no_heading => "grid-wrapped-no-heading",
    grid_merged_cells => "grid-merged-cells",
    grid_merged_number_cells => "grid-merged-number-cells",
    real_table_zhejiang_2016 => "real-table-zhejiang-2016",
    real_grid_flattened_qiaocheng_2023 => "real-grid-flattened-qiaocheng-2023",
    table_new_paragraph_with_own_department => "table-new-paragraph-with-own-department",
    table_department_cell_merged_over_two_rows => "table-department-cell-merged-over-two-rows",
    table_stray_mark_below_focus_number => "table-stray-mark-below-focus-number",
    real_issuer_above_title_national_2024 => "real-issuer-above-title-national-2024",
    real_background_chapter_copyright_2021 => "real-background-chapter-copyright-2021",
    real_background_sections_zhenjiang_2016 => "real-background-sections-zhenjiang-2016",
    prose_title_line_over_body => "prose-title-line-over-body",
    prose_enumerated_shi_lines => "prose-enumerated-shi-lines",
    real_background_review_shanghai_2012 => "real-background-review-shanghai-2012",
    real_district_title_dazu_2025 => "real-district-title-dazu-2025",
    real_summary_before_plan_xiamen_2018 => "real-summary-before-plan-xiamen-2018",
    prose_run_in_framing_headings => "prose-run-in-framing-headings",
    prose_short_paragraph_lines => "prose-short-paragraph-lines",
    prose_box_in_text => "prose-box-in-text",
    real_attachment_notice_wuhan_2022 => "real-attachment-notice-wuhan-2022",
    real_shared_ending_departments_wuhan_2011 => "real-shared-ending-departments-wuhan-2011",
    real_spaced_notice_taian_2019 => "real-spaced-notice-taian-2019",
    real_old_name_haimen_2017 => "real-old-name-haimen-2017",
    real_chinese_date_issuer_dongguan_2011 => "real-chinese-date-issuer-dongguan-2011",
    real_guillemet_title_wuhan_2017 => "real-guillemet-title-wuhan-2017",
    prose_shi_paragraph_under_chapter => "prose-shi-paragraph-under-chapter",
    real_split_notice_title_qianjiang_2024 => "real-split-notice-title-qianjiang-2024",
    grid_attachment_label_over_title => "grid-attachment-label-over-title",
    prose_with_task_table => "prose-with-task-table",
    real_sharing_site_notes_chuxiong_2023 => "real-sharing-site-notes-chuxiong-2023",
    real_requirements_goals_yunnan_2022 => "real-requirements-goals-yunnan-2022",
    grid_lead_and_responsible_columns => "grid-lead-and-responsible-columns",
    real_unopened_years_jiujiang_2023 => "real-unopened-years-jiujiang-2023",
    real_one_line_work_points_hubei_2023 => "real-one-line-work-points-hubei-2023",
    real_numbered_page_data_beijing_2022 => "real-numbered-page-data-beijing-2022",
    real_titled_chapters_bishan_2022 => "real-titled-chapters-bishan-2022",
    real_table_of_contents_mianyang_2022 => "real-table-of-contents-mianyang-2022",
    real_site_menu_before_title_chongqing_2017 => "real-site-menu-before-title-chongqing-2017",
    prose_titled_chapters_and_sections => "prose-titled-chapters-and-sections",
    indicator_table_unit_column => "indicator-table-unit-column",
    indicator_table_footnote_marks => "indicator-table-footnote-marks",
    indicator_table_and_prose_goals => "indicator-table-and-prose-goals",
    news_goals_list_closed_by_deng => "news-goals-list-closed-by-deng",
    real_news_goals_until_quanzhou_2024 => "real-news-goals-until-quanzhou-2024",
    real_record_fields_guizhou_2009 => "real-record-fields-guizhou-2009",
    real_prefecture_short_form_bortala_2023 => "real-prefecture-short-form-bortala-2023",
    real_background_survey_qinghai_2022 => "real-background-survey-qinghai-2022",
    grid_task_division_continued => "grid-task-division-continued",
    real_news_report_dongkou_2012 => "real-news-report-dongkou-2012",
    real_autonomous_region_bureaus_neimenggu_2021 => "real-autonomous-region-bureaus-neimenggu-2021",
    real_pdf_wrapped_cunliang_2024 => "real-pdf-wrapped-cunliang-2024",
    real_lead_and_responsible_lines_lishan_2023 => "real-lead-and-responsible-lines-lishan-2023",
    grid_body_broken_after_level => "grid-body-broken-after-level",
    grid_merged_lead_cells => "grid-merged-lead-cells",
    real_policy_explainer_taizhou_2023 => "real-policy-explainer-taizhou-2023",
    real_news_national_gangyao_2021 => "real-news-national-gangyao-2021",
    real_notice_list_forestry_2003 => "real-notice-list-forestry-2003",
    real_year_goals_labelled_tianjin_2012 => "real-year-goals-labelled-tianjin-2012",
    real_title_citing_a_list_suzhou_2009 => "real-title-citing-a-list-suzhou-2009",
    real_enclosed_numbers_bayannur_2008 => "real-enclosed-numbers-bayannur-2008",
    real_decimal_outline_county_template => "real-decimal-outline-county-template",
    real_articles_xiushui => "real-articles-xiushui",
    real_titled_articles_cnipa_2023 => "real-titled-articles-cnipa-2023",
    real_prefecture_short_title_kizilsu_2023 => "real-prefecture-short-title-kizilsu-2023",
    real_outline_region_tongliao_2021 => "real-outline-region-tongliao-2021",
    real_joint_title_hunan_2022 => "real-joint-title-hunan-2022",
    real_publisher_field_wenzhou_2022 => "real-publisher-field-wenzhou-2022",
    real_grant_amounts_in_turn_reward_list => "real-grant-amounts-in-turn-reward-list",
    real_record_slip_yongjia_2020 => "real-record-slip-yongjia-2020",
    real_zone_implementing_rules_huangpu_2020 => "real-zone-implementing-rules-huangpu-2020",
    real_title_closing_number_hubei_2022 => "real-title-closing-number-hubei-2022",
    real_goals_running_on_hubei_2026 => "real-goals-running-on-hubei-2026",
    real_signing_rows_shanxi_2024 => "real-signing-rows-shanxi-2024",
    real_programme_round_years_harbin_2018 => "real-programme-round-years-harbin-2018",
    real_elder_care_switches_yinchuan_2023 => "real-elder-care-switches-yinchuan-2023",
    real_news_short_name_kunming_2018 => "real-news-short-name-kunming-2018",
    real_spaced_paragraphs_jian_2023 => "real-spaced-paragraphs-jian-2023",
    real_bodies_as_chapters_sichuan_2017 => "real-bodies-as-chapters-sichuan-2017",
    real_report_then_plan_cut_tianjin_2023 => "real-report-then-plan-cut-tianjin-2023",
    real_news_task_division_heilongjiang_2019 => "real-news-task-division-heilongjiang-2019",
    real_points_run_on_guizhou_2024 => "real-points-run-on-guizhou-2024",
    real_sharing_preview_chunks_qiangqu_2022 => "real-sharing-preview-chunks-qiangqu-2022",
    real_place_list_cnipa_2024 => "real-place-list-cnipa-2024",
    real_title_run_into_preamble_national_2023 => "real-title-run-into-preamble-national-2023",
    real_news_headline_years_hainan_2021 => "real-news-headline-years-hainan-2021",
    real_headline_issues_unbracketed_anhui_2020 => "real-headline-issues-unbracketed-anhui-2020",
    real_time_stamp_gansu_2025_trad => "real-time-stamp-gansu-2025-trad",
    real_page_clock_qr_caption_sichuan_2018 => "real-page-clock-qr-caption-sichuan-2018",
    real_page_masthead_hunan_2022 => "real-page-masthead-hunan-2022",
    real_safeguard_numbered_item_city => "real-safeguard-numbered-item-city",
    real_page_editor_credit_liaoning_2020_trad => "real-page-editor-credit-liaoning-2020-trad",
    real_shared_out_bodies_shanghai_2022 => "real-shared-out-bodies-shanghai-2022",
    real_news_province_character_guizhou_2017 => "real-news-province-character-guizhou-2017",
    real_news_issued_by_national_2025_trad => "real-news-issued-by-national-2025-trad",
    real_news_work_lead_in_puyang_2022 => "real-news-work-lead-in-puyang-2022",
    real_news_planned_goal_tianjin_2016 => "real-news-planned-goal-tianjin-2016",
    real_news_empty_bullet_cnipa_2025 => "real-news-empty-bullet-cnipa-2025",
    real_doc_number_after_label_gaoming_2022 => "real-doc-number-after-label-gaoming-2022",
    real_goals_past_semicolons_hangzhou_2025 => "real-goals-past-semicolons-hangzhou-2025",
    real_implementing_opinion_hangzhou_2025 => "real-implementing-opinion-hangzhou-2025",
    real_title_in_notice_sentence_xiamen_2021 => "real-title-in-notice-sentence-xiamen-2021",
    real_zone_programme_title_zhenjiang_2024 => "real-zone-programme-title-zhenjiang-2024",
    real_spaced_points_nansha_2023 => "real-spaced-points-nansha-2023",
    real_application_cap_hengqin_2024_trad => "real-application-cap-hengqin-2024-trad",
    real_decision_tabs_yantai_2022 => "real-decision-tabs-yantai-2022",
    real_reposted_attachment_ningbo_2023 => "real-reposted-attachment-ningbo-2023",
    real_news_editor_bracket_qinghai_2021 => "real-news-editor-bracket-qinghai-2021",
    real_bracketed_points_run_on_shanghai_2023 => "real-bracketed-points-run-on-shanghai-2023",
    real_notice_speaks_as_province_henan_2023 => "real-notice-speaks-as-province-henan-2023",
    real_news_headline_place_yantan_2021 => "real-news-headline-place-yantan-2021",
    real_points_under_an_item_rongshui_2022_trad => "real-points-under-an-item-rongshui-2022-trad",
    real_explainer_drafting_steps_tongliang_2021 => "real-explainer-drafting-steps-tongliang-2021",
    real_contact_offices_national_2021 => "real-contact-offices-national-2021",
    real_points_in_turn_under_headings_cnipa_2023 => "real-points-in-turn-under-headings-cnipa-2023",
    real_square_bracket_clause_sichuan_2021 => "real-square-bracket-clause-sichuan-2021",
    real_deadline_in_clause_liaoning_2024 => "real-deadline-in-clause-liaoning-2024",
    real_library_record_heilongjiang_2022 => "real-library-record-heilongjiang-2022",
    real_headline_again_henan_2022 => "real-headline-again-henan-2022",
    real_unheaded_contents_xianning_2022 => "real-unheaded-contents-xianning-2022",
    real_related_news_gaotai_2018 => "real-related-news-gaotai-2018",
    real_table_rule_hubei_2025 => "real-table-rule-hubei-2025",
    real_item_after_framing_list_gansu_2012 => "real-item-after-framing-list-gansu-2012",
    real_plan_named_goals_heading_guangxi_2021 => "real-plan-named-goals-heading-guangxi-2021",
    real_points_after_task_lead_qinghai_2024 => "real-points-after-task-lead-qinghai-2024",
    real_goals_after_tichu_sohu_national_2023 => "real-goals-after-tichu-sohu-national-2023",
    real_news_credits_baotou_2024 => "real-news-credits-baotou-2024",
    real_hui_tong_support_tianjin_2010 => "real-hui-tong-support-tianjin-2010",
    real_measures_titled_jucuo_tianjin_2025 => "real-measures-titled-jucuo-tianjin-2025",
    real_passed_on_notice_jilin_2005 => "real-passed-on-notice-jilin-2005",
    real_one_figure_each_hubei_2020_trad => "real-one-figure-each-hubei-2020-trad",
    real_notice_itself_reported_national_2025 => "real-notice-itself-reported-national-2025",
    real_picture_name_zhejiang_2024 => "real-picture-name-zhejiang-2024",
    real_issued_to_implement_jiangsu_2024 => "real-issued-to-implement-jiangsu-2024",
    real_plan_contents_counted_guangdong_2021 => "real-plan-contents-counted-guangdong-2021",
    real_dash_points_shandong_2021 => "real-dash-points-shandong-2021",
    real_campaign_basic_idea_seed_national_2021 => "real-campaign-basic-idea-seed-national-2021",
    real_notice_headline_number_chongqing_2025 => "real-notice-headline-number-chongqing-2025",
    real_comment_channels_ganzhou_2025 => "real-comment-channels-ganzhou-2025",
    real_bracketed_cap_yueqing_2022 => "real-bracketed-cap-yueqing-2022",
    real_standard_drafted_cnipa_2023 => "real-standard-drafted-cnipa-2023",
    real_pilot_principles_cnipa_2020 => "real-pilot-principles-cnipa-2020",
    real_source_field_zhuhai_2022 => "real-source-field-zhuhai-2022",
    real_deadline_goals_putuo_2022_trad => "real-deadline-goals-putuo-2022-trad",
    real_report_after_points_samr_2022 => "real-report-after-points-samr-2022",
    real_portal_bar_shanxi_2022 => "real-portal-bar-shanxi-2022",
    real_site_search_puyang_2014 => "real-site-search-puyang-2014",
    real_site_dateline_anhui_2023 => "real-site-dateline-anhui-2023",
    real_adopted_measures_news_anhui_2024 => "real-adopted-measures-news-anhui-2024",
    real_notice_by_kind_lead_national_trad => "real-notice-by-kind-lead-national-trad",
    real_project_call_timing_quanzhou_2025_trad => "real-project-call-timing-quanzhou-2025-trad",
    real_year_after_addressees_national_2025 => "real-year-after-addressees-national-2025",
    real_issued_to_the_public_chaoyang_2020_trad => "real-issued-to-the-public-chaoyang-2020-trad",
    real_city_short_name_xian_2017 => "real-city-short-name-xian-2017",
    real_number_before_notice_yanta_2024 => "real-number-before-notice-yanta-2024",
    real_county_calls_itself_mashan_2024 => "real-county-calls-itself-mashan-2024",
    real_means_not_goal_guandu_2021 => "real-means-not-goal-guandu-2021",
    real_city_calls_itself_luzhou_2024 => "real-city-calls-itself-luzhou-2024",
    real_notice_closing_formula_cnipa_2023 => "real-notice-closing-formula-cnipa-2023",
    real_campaign_fields_jianwang_2023 => "real-campaign-fields-jianwang-2023",
    real_headline_over_data_lines_shanghai_2024 => "real-headline-over-data-lines-shanghai-2024",
    real_masthead_mailbox_macheng_2025_trad => "real-masthead-mailbox-macheng-2025-trad",
    real_takedown_note_jinxiang_2024 => "real-takedown-note-jinxiang-2024",
    real_app_links_hainan_2020_trad => "real-app-links-hainan-2020-trad",
    real_comment_count_langfang_2019 => "real-comment-count-langfang-2019",
    real_author_view_note_national_2023 => "real-author-view-note-national-2023",
    real_source_credit_bracketed_national_2019_trad => "real-source-credit-bracketed-national-2019-trad",
    real_comma_points_counted_shandong_2014_trad => "real-comma-points-counted-shandong-2014-trad",
    real_pinyin_brackets_national_2024 => "real-pinyin-brackets-national-2024",
    real_scheduled_activity_national_2025 => "real-scheduled-activity-national-2025",
    real_word_marks_national_2024 => "real-word-marks-national-2024",
    real_attachment_list_run_on_zhejiang_2025 => "real-attachment-list-run-on-zhejiang-2025",
    real_doubled_marks_title_national_2016_trad => "real-doubled-marks-title-national-2016-trad",
    real_leading_group_to_cities_gansu_2018 => "real-leading-group-to-cities-gansu-2018",
    real_period_scheme_years_hengshui_2022 => "real-period-scheme-years-hengshui-2022",
    real_range_before_place_binhai_2022 => "real-range-before-place-binhai-2022",
    real_news_link_boxes_jimo_2016 => "real-news-link-boxes-jimo-2016",
    real_site_dateline_script_jinghai_2022 => "real-site-dateline-script-jinghai-2022",
    real_autonomous_county_short_qiongzhong_2022 => "real-autonomous-county-short-qiongzhong-2022",
    real_channel_under_crumb_langfang_2022 => "real-channel-under-crumb-langfang-2022",
    real_headline_short_city_haikou_2022 => "real-headline-short-city-haikou-2022",
    real_pilot_term_tieli_2022_trad => "real-pilot-term-tieli-2022-trad",
    real_promise_twice_national_2022 => "real-promise-twice-national-2022",
    real_channel_name_hanyin_2020 => "real-channel-name-hanyin-2020",
    real_list_count_slogan_guangdong_2022_trad => "real-list-count-slogan-guangdong-2022-trad",
    real_decimal_full_stop_hangzhou_2023_trad => "real-decimal-full-stop-hangzhou-2023-trad",
    real_split_marks_guangdong_2022 => "real-split-marks-guangdong-2022",
    real_footer_phone_fujian_2024 => "real-footer-phone-fujian-2024",
    real_search_box_xiamen_2022 => "real-search-box-xiamen-2022",
    real_portal_record_column_names_putian_2025 => "real-portal-record-column-names-putian-2025",
    real_clock_dateline_picture_liaoning_2024_trad => "real-clock-dateline-picture-liaoning-2024-trad",
    real_approved_by_state_body_national_2024 => "real-approved-by-state-body-national-2024",
    real_own_province_citation_guizhou_2024 => "real-own-province-citation-guizhou-2024",
    real_principles_article_hunan_2024 => "real-principles-article-hunan-2024",
    real_platform_notes_shanghai_2024 => "real-platform-notes-shanghai-2024",
    real_masthead_byline_sanya_2026_trad => "real-masthead-byline-sanya-2026-trad",
    real_bracketed_title_half_jining_2016 => "real-bracketed-title-half-jining-2016",
    real_guillemet_breadcrumb_hongqiao_2023 => "real-guillemet-breadcrumb-hongqiao-2023",
    real_elder_mode_switch_linyi_2023 => "real-elder-mode-switch-linyi-2023",
    real_template_placeholders_fuzhou_2022 => "real-template-placeholders-fuzhou-2022",
    real_channel_column_crumb_zhejiang_2024 => "real-channel-column-crumb-zhejiang-2024",
    real_picture_credit_boxes_hangzhou_2022 => "real-picture-credit-boxes-hangzhou-2022",
    real_zone_in_preamble_weihai_2022 => "real-zone-in-preamble-weihai-2022",
    real_signed_after_attachment_guangzhou_2021 => "real-signed-after-attachment-guangzhou-2021",
    real_one_step_among_others_tibet_2025 => "real-one-step-among-others-tibet-2025",
    real_aggregator_notes_wuzhong_2023 => "real-aggregator-notes-wuzhong-2023",
    real_paper_dateline_ningbo_2012 => "real-paper-dateline-ningbo-2012",
    real_paper_dateline_jiangsu_2023 => "real-paper-dateline-jiangsu-2023",
    real_selected_city_hefei_2023_trad => "real-selected-city-hefei-2023-trad",
    real_ledger_labels_yanan_2018 => "real-ledger-labels-yanan-2018",
    real_page_opens_mid_section_guangdong => "real-page-opens-mid-section-guangdong",
    real_notice_named_in_lead_national_2013_trad => "real-notice-named-in-lead-national-2013-trad",
    real_central_bodies_trad_national_2024 => "real-central-bodies-trad-national-2024",
    real_summary_headline_national_2020 => "real-summary-headline-national-2020",
    real_midtable_page_guangdong_2016 => "real-midtable-page-guangdong-2016",
    real_midtable_page_zhejiang_2016 => "real-midtable-page-zhejiang-2016",
    real_first_listed_leads_hainan_2017 => "real-first-listed-leads-hainan-2017",
    real_report_and_plan_unbracketed_tianjin_2022 => "real-report-and-plan-unbracketed-tianjin-2022",
    real_short_name_acting_hebei_2024_trad => "real-short-name-acting-hebei-2024-trad",
    real_region_short_name_ningxia_2025 => "real-region-short-name-ningxia-2025",
    real_document_to_come_liaoning_2021 => "real-document-to-come-liaoning-2021",
    real_briefed_document_jilin_2020_trad => "real-briefed-document-jilin-2020-trad",
    real_issuance_note_national_2011 => "real-issuance-note-national-2011",
    real_promulgated_news_puyang_2010 => "real-promulgated-news-puyang-2010",
    real_office_acts_national_2014_trad => "real-office-acts-national-2014-trad",
    real_writers_byline_zhuzhou_2022_trad => "real-writers-byline-zhuzhou-2022-trad",
    real_notice_name_over_title_xiangyang_2022 => "real-notice-name-over-title-xiangyang-2022",
    real_lead_explains_document_hunan_2015 => "real-lead-explains-document-hunan-2015",
    real_ranks_share_thing_jiangxi_2016 => "real-ranks-share-thing-jiangxi-2016",
    real_briefing_introduces_document_jiangxi_2022 => "real-briefing-introduces-document-jiangxi-2022",
    real_capital_city_heilongjiang_2019 => "real-capital-city-heilongjiang-2019",
    real_prefecture_calls_itself_diqing_2024 => "real-prefecture-calls-itself-diqing-2024",
    real_documents_listed_puer_2017 => "real-documents-listed-puer-2017",
    real_city_ranks_in_province_leshan_2024 => "real-city-ranks-in-province-leshan-2024",
    real_district_calls_itself_guandu_2022 => "real-district-calls-itself-guandu-2022",
}
