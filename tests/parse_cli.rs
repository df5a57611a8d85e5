//! `plan-compare parse FILE`: the parser addPlan uses, on a file; exit 0 whatever it found, 2 for
//! usage errors and unreadable files.

use std::process::Command;

fn parse(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plan-compare")).arg("parse").args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn json_holds_records_targets_unassigned_and_diagnostics() {
    let (code, out) = parse(&[&fixture("prose-web-page"), "--region", "某某市", "--level", "city", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["plans"][0]["level"], "city");
    assert_eq!(v["plans"][0]["doc_number"], "某知〔2019〕12号");
    assert_eq!(v["measures"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["targets"][0]["unit"], "亿元");
    assert!(v["unassigned"].as_array().is_some());
    let diagnostics = v["diagnostics"].as_array().unwrap();
    let furniture = diagnostics.iter().filter(|d| d["code"] == "page_furniture").count();
    assert!(furniture >= 5, "{furniture} furniture lines reported");
}

#[test]
fn a_document_without_years_or_items_still_exits_0_and_says_why() {
    let (code, out) = parse(&[&fixture("real-furniture-tongzhou-2022"), "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["measures"].as_array().unwrap().is_empty());
    assert!(v["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "no_items"));
    let (code, out) = parse(&[&fixture("real-paragraphs-zhejiang-2017"), "--region", "浙江省", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["plans"][0]["year_start"].is_null(), "no year is invented");
    assert!(v["targets"].as_array().unwrap().iter().all(|t| t["year"] == 2020));
}

#[test]
fn human_readable_output_names_lines_and_departments() {
    let (code, out) = parse(&[&fixture("prose-internal-units"), "--region", "全国", "--years", "2022"]);
    assert_eq!(code, 0);
    assert!(out.contains("national"), "{out}");
    assert!(out.contains("lines 7-8"), "{out}");
    assert!(out.contains("运用促进司 (lead)"), "{out}");
}

#[test]
fn usage_errors_and_unreadable_files_exit_2() {
    assert_eq!(parse(&[]).0, 2);
    assert_eq!(parse(&["/nonexistent/plan.txt"]).0, 2);
    assert_eq!(parse(&[&fixture("prose-web-page"), "--level", "galactic"]).0, 2);
    assert_eq!(parse(&[&fixture("prose-web-page"), "--years", "20x9"]).0, 2);
    assert_eq!(parse(&[&fixture("prose-web-page"), "--bogus"]).0, 2);
}

#[test]
fn kinds_are_named_as_printed_or_with_hyphens() {
    let kinds =
        [("five-year-plan", "five-year plan"), ("five-year plan", "five-year plan"), ("action-plan", "action plan")];
    for (flag, kind) in kinds {
        let (code, out) = parse(&[&fixture("prose-web-page"), "--region", "某某市", "--kind", flag, "--json"]);
        assert_eq!(code, 0, "--kind {flag}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["plans"][0]["kind"], kind);
    }
    assert_eq!(parse(&[&fixture("prose-web-page"), "--kind", "five year plan"]).0, 2);
}

#[test]
fn level_and_kind_read_from_what_is_printed_and_said_so() {
    // The issuing office above the title is national: no province is assumed.
    let (_, out) = parse(&[&fixture("real-issuer-above-title-national-2024"), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["plans"][0]["level"].as_str(), v["plans"][0]["region"].as_str()), (Some("national"), Some("全国")));
    // A title of the whole city, and a preamble that names the kind.
    let file = std::env::temp_dir().join(format!("plan-compare-parse-cli-{}.txt", std::process::id()));
    let text = "2023年全市知识产权工作安排\n为加强知识产权保护，制定本行动方案。\n一、主要任务\n1.开展专利导航。（市市场监管局负责）\n2.开展商标培育。（市市场监管局负责）\n";
    std::fs::write(&file, text).unwrap();
    let (code, out) = parse(&[file.to_str().unwrap(), "--json"]);
    let _ = std::fs::remove_file(&file);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["plans"][0]["level"], "city");
    assert_eq!(v["plans"][0]["kind"], "action plan");
    let notes: Vec<&str> = v["notes"].as_array().unwrap().iter().filter_map(|n| n.as_str()).collect();
    assert!(notes.iter().any(|n| n.contains("全市")) && notes.iter().any(|n| n.contains("preamble")), "{notes:?}");
    // No place named at all: the agencies say whose the plan is (not the addressees, 各区…);
    // a county-level city after its city is of a district's level; a year's 工作计划 is work points.
    for (text, level, kind) in [
        (
            "各区知识产权局：\n2018年是关键之年。市知识产权局重点做好以下工作：\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n",
            "city",
            "work points",
        ),
        ("南通市海门市2021年知识产权工作计划\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n", "district", "work points"),
        // Opinions carry a plan out; an outline over years plans as a 规划 does.
        ("某某市关于加强商标品牌建设的若干意见\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n", "city", "action plan"),
        ("某某省知识产权战略纲要(2013—2020年)\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n", "province", "five-year plan"),
        ("某某省专利战略(2011-2020年)\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n", "province", "five-year plan"),
        // A version in brackets after the title word (试行, 征求意见稿).
        ("某某市知识产权保护工作方案(试行)\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n", "city", "action plan"),
        ("某某省知识产权发展规划（征求意见稿）\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n", "province", "five-year plan"),
        // A zone's own plan, its title opening with the kind of zone and no place: a county's level.
        ("高新区2023年知识产权工作要点\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n", "district", "work points"),
        // Nor any agency of its own: the words it calls itself by (我县, 全县).
        ("关于推进品牌建设的工作安排\n为提升我县品牌建设水平，结合全县实际，制定本计划。\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n", "district", "action plan"),
        (
            "2015年下半年，全国打击侵权假冒工作要围绕突出问题推进。\n一、专项行动\n1.开展网络市场专项行动。（工商总局负责）\n2.开展网络文化市场执法。（文化部负责）\n",
            "national",
            "work points",
        ),
    ] {
        std::fs::write(&file, text).unwrap();
        let (code, out) = parse(&[file.to_str().unwrap(), "--json"]);
        let _ = std::fs::remove_file(&file);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!((v["plans"][0]["level"].as_str(), v["plans"][0]["kind"].as_str()), (Some(level), Some(kind)), "{text}");
        if level == "national" {
            // The nation's region, and the year the work points open with.
            assert_eq!((v["plans"][0]["region"].as_str(), v["plans"][0]["year_start"].as_u64()), (Some("全国"), Some(2015)));
        }
    }
    // A national plan whose title names no place, its tasks given to ministries (司法部, 海关总署).
    let text = "2025年知识产权强国建设推进计划\n为加快建设知识产权强国，制定本计划。\n一、完善知识产权制度\n1.推进条例修改。（司法部负责）\n2.推进修订海关保护条例。（海关总署负责）\n3.修订出台规定。（市场监管总局负责）\n";
    std::fs::write(&file, text).unwrap();
    let (_, out) = parse(&[file.to_str().unwrap(), "--json"]);
    let _ = std::fs::remove_file(&file);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["plans"][0]["level"].as_str(), v["plans"][0]["region"].as_str()), (Some("national"), Some("全国")));
}

#[test]
fn regions_get_code_english_name_and_id_from_the_gazetteer() {
    let file = std::env::temp_dir().join(format!("plan-compare-parse-regions-{}.txt", std::process::id()));
    let items = "\n一、主要任务\n1.开展专利导航。\n2.开展商标培育。\n";
    for (title, id, code, en, level) in [
        (
            "南通市海门区2021年知识产权工作要点",
            "nantong-haimen-2021",
            Some("320614"),
            "Haimen District, Nantong",
            "district",
        ),
        ("江苏省南通市2021年知识产权工作要点", "nantong-2021", Some("320600"), "Nantong", "city"),
        ("台州市2022年知识产权工作要点", "zhejiang-taizhou-2022", Some("331000"), "Taizhou", "city"),
        // A name no unit bears today: the code of its time, the place's slug.
        ("海门市2016年知识产权工作要点", "nantong-haimen-2016", Some("320684"), "Haimen, Nantong", "district"),
        ("襄樊市2009年知识产权工作要点", "xiangfan-2009", Some("420600"), "Xiangfan", "city"),
        // Two districts are 通州区: no code is guessed, and a note says so.
        ("通州区2021年知识产权工作要点", "plan-2021", None, "", "district"),
    ] {
        std::fs::write(&file, format!("{title}{items}")).unwrap();
        let (code_, out) = parse(&[file.to_str().unwrap(), "--json"]);
        let _ = std::fs::remove_file(&file);
        assert_eq!(code_, 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let plan = &v["plans"][0];
        assert_eq!(plan["id"], id, "{title}");
        assert_eq!(plan["region_code"].as_str(), code, "{title}");
        assert_eq!(plan["region_en"], en, "{title}");
        assert_eq!(plan["level"], level, "{title}");
        let noted = v["notes"].as_array().unwrap().iter().any(|n| n.as_str().is_some_and(|n| n.contains("gazetteer")));
        assert_eq!(noted, code.is_none(), "{title}: {}", v["notes"]);
    }
}

/// A scratch directory of this test's own, emptied first.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("plan-compare-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The records of `parse --json` without the file's name (`source`) and the notes on how it was read.
fn records(out: &str, file: &std::path::Path) -> String {
    let mut v: serde_json::Value = serde_json::from_str(out).unwrap();
    v.as_object_mut().unwrap().remove("notes");
    v.to_string().replace(&file.display().to_string(), "FILE")
}

#[test]
fn a_text_saved_as_gbk_or_utf_16_reads_as_the_same_text() {
    let text = std::fs::read_to_string(fixture("prose-web-page")).unwrap();
    let dir = scratch("encodings");
    let utf8 = dir.join("plan.txt");
    std::fs::write(&utf8, &text).unwrap();
    let expected = records(&parse(&[utf8.to_str().unwrap(), "--json"]).1, &utf8);
    let gbk = dir.join("plan-gbk.txt");
    std::fs::write(&gbk, encoding_rs::GBK.encode(&text).0).unwrap();
    let utf16 = dir.join("plan-utf16.txt");
    let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(&utf16, bytes).unwrap();
    for (file, name) in [(&gbk, "GBK"), (&utf16, "UTF-16LE")] {
        let (code, out) = parse(&[file.to_str().unwrap(), "--json"]);
        assert_eq!(code, 0);
        assert_eq!(records(&out, file), expected, "{name}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(v["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains(name)), "{out}");
        assert_eq!(parse(&[file.to_str().unwrap(), "--text"]).1, text, "--text prints the text as read");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_saved_web_page_reads_as_the_text_it_shows() {
    let text = std::fs::read_to_string(fixture("prose-web-page")).unwrap();
    // As a page shows it: no blank lines, a run of spaces as one.
    let shown: Vec<String> =
        text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect();
    let dir = scratch("page");
    let plain = dir.join("plan.txt");
    std::fs::write(&plain, shown.join("\n") + "\n").unwrap();
    let escape = |l: &str| l.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let body: String = shown.iter().map(|l| format!("<p>&nbsp;&nbsp;<span>{}</span></p>\n", escape(l))).collect();
    let page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>网站</title>\n\
         <script>document.write('<p>一、不是正文</p>');</script></head>\n<body><div>{body}</div></body></html>\n"
    );
    let html = dir.join("plan.html");
    std::fs::write(&html, page).unwrap();
    assert_eq!(parse(&[html.to_str().unwrap(), "--text"]).1, shown.join("\n") + "\n");
    let (code, out) = parse(&[html.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    assert_eq!(records(&out, &html), records(&parse(&[plain.to_str().unwrap(), "--json"]).1, &plain));
    assert!(out.contains("read as a web page"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_word_document_reads_as_its_paragraphs_and_a_pdf_is_refused() {
    let text = std::fs::read_to_string(fixture("prose-web-page")).unwrap();
    let shown: Vec<String> =
        text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).map(String::from).collect();
    let dir = scratch("docx");
    let plain = dir.join("plan.txt");
    std::fs::write(&plain, shown.join("\n") + "\n").unwrap();
    // One paragraph per line, as Word saves a document typed with its numbers.
    let escape = |l: &str| l.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let body: String = shown
        .iter()
        .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", escape(l)))
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", deflated).unwrap();
    std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
    let docx = dir.join("plan.docx");
    std::fs::write(&docx, zip.finish().unwrap().into_inner()).unwrap();
    assert_eq!(parse(&[docx.to_str().unwrap(), "--text"]).1, shown.join("\n") + "\n");
    let (code, out) = parse(&[docx.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    assert_eq!(records(&out, &docx), records(&parse(&[plain.to_str().unwrap(), "--json"]).1, &plain));
    assert!(out.contains("read as a Word document"), "{out}");
    // A zip that holds no Word document is refused with the reason, exit 2, not read as text.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default()).unwrap();
    let sheet = dir.join("table.xlsx");
    std::fs::write(&sheet, zip.finish().unwrap().into_inner()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan-compare")).arg("parse").arg(&sheet).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no word/document.xml"), "{out:?}");
    // A PDF, even one with no binary stream, and an old .doc (NUL bytes) are refused, not read as
    // texts of garbage; the PDF with where to get its text.
    for (name, bytes, said) in [
        ("plan.pdf", &b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"[..], "scripts/pdf-text.mjs"),
        ("plan.doc", &b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"[..], "not a text file (an old .doc file?"),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_plan-compare")).arg("parse").arg(&file).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(said), "{out:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
