//! Canonical agency types, so that 市知识产权局, 省知识产权局 and 知识产权局 group together.

/// Agency types, most specific first: the first type with a pattern contained in a department
/// name wins (北京知识产权法院 is a court before it is anything 知识产权).
const AGENCY_TYPES: &[(&str, &[&str])] = &[
    ("双打办", &["打侵办", "双打办", "双打", "打击侵犯知识产权和制售假冒伪劣商品", "打击侵权假冒"]),
    ("法院", &["法院", "高院", "高法", "中院", "审判"]),
    ("检察院", &["检察"]),
    ("公安", &["公安", "经侦"]),
    ("海关", &["海关", "检验检疫", "分署"]),
    ("版权局/新闻出版", &["版权", "新闻出版", "广电", "文化执法"]),
    (
        "知识产权局",
        &[
            "知识产权局",
            "知识产权办",
            "知识产权强省",
            "知识产权战略",
            "知识产权管理部门",
            "知识产权部门",
            "知强办",
            "知识产权联席",
            "知识产权办公会议",
            "知识产权工作领导小组",
            "知识产权保护中心",
            "知识产权维权援助中心",
            "知识产权服务中心",
            // The IP office's service centre under its short name (省知识产权中心 for 四川省知识产权
            // 服务促进中心), as the 工作要点 it co-issues name it.
            "知识产权中心",
            "知识产权服务促进中心",
            "专利",
            "知识产权相关",
            "知识产权保护相关",
            "知识产权领导小组",
            "知战",
            "知识产局",
            "维权援助",
            "知识产权信息中心",
            "代办处",
            "保护司",
            "运用促进司",
            "条法司",
            "战略规划司",
            "公共服务司",
            "保护处",
            "运用促进处",
            "运用处",
            "商标局",
        ],
    ),
    ("工商局/市场监管", &["工商", "市场监管", "市场监督", "商标"]),
    ("质监局", &["质监", "质量技术监督", "质检", "质量监督", "标准化"]),
    ("食品药品监管", &["食药", "食品药品", "药监"]),
    ("科技", &["科技", "科学技术", "科委", "科协", "科学院", "中科院", "社科院", "科研院所", "农科"]),
    ("教育", &["教育", "教委", "高校", "学校", "大学"]),
    ("农业", &["农业", "农委", "农牧", "农垦", "畜牧", "渔业", "水产", "种子"]),
    ("林业", &["林业", "林草", "园林", "森工"]),
    ("商务", &["商务", "外经贸", "贸促", "口岸", "自贸", "投资促进", "博览"]),
    ("发展改革", &["发改", "发展改革", "发展和改革", "物价", "计委"]),
    ("财政", &["财政"]),
    ("金融", &["金融", "银监", "银保监", "证监", "保监", "人民银行", "人行", "银行", "保险", "担保"]),
    ("人力资源社会保障", &["人社", "人力资源", "人力社保", "人才"]),
    ("司法", &["司法", "律师", "律协", "公证", "法制", "仲裁"]),
    (
        "工业和信息化",
        &[
            "经信",
            "工信",
            "经济和信息化",
            "工业和信息化",
            "经促",
            "中小企业",
            "工业",
            "经济信息",
            "通信管理",
            "经济委员会",
            "经委",
        ],
    ),
    ("文化/文物/旅游", &["文化", "文物", "旅游", "文广", "文体"]),
    ("国资", &["国资"]),
    // 中宣部: the central propaganda department's short name, as national plans list it.
    ("宣传/网信", &["宣传", "宣部", "网信", "新闻办"]),
    ("外事/侨务", &["外办", "外事", "外交", "侨办", "侨务"]),
    ("统计", &["统计"]),
    ("卫生/中医药", &["卫计", "卫生", "中医药", "医院"]),
    ("税务", &["税务", "地税", "国税"]),
    ("编办", &["编办", "编委"]),
    ("园区/管委会", &["管委会", "高新区", "开发区", "园区", "示范区", "新区"]),
    ("国防科工", &["国防科工", "国防工办", "军民融合"]),
    ("生态环境", &["环保", "生态环境"]),
    ("纪检监察", &["监察", "纪检", "纪委"]),
    (
        "党委/群团",
        &[
            "组织部",
            "政法委",
            "考核办",
            "总工会",
            "团市委",
            "团省委",
            "团委",
            "妇联",
            "行政学院",
            "党校",
            "人大",
            "政协",
        ],
    ),
    // Collective names (各有关部门, 成员单位): not a type of agency, but a useful facet of their own.
    ("有关部门（泛指）", &["有关部门", "有关单位", "成员单位", "相关部门", "相关单位", "各部门", "各单位"]),
    ("地方政府", &["政府", "办公厅", "市州", "盟市", "各市", "各区", "各县", "县区", "区县"]),
];

/// The agency type other tools group by; 其他 when no type fits.
pub const OTHER: &str = "其他";

/// Canonical agency type of a department name as printed.
pub fn canonical_agency(name: &str) -> &'static str {
    AGENCY_TYPES
        .iter()
        .find(|(_, patterns)| patterns.iter().any(|p| name.contains(p)))
        .map(|(kind, _)| *kind)
        .unwrap_or_else(|| {
            // A place named as a whole (嘉峪关市, 白银平川区) stands for its local government.
            let place = ["市", "区", "县", "州", "盟", "师"].iter().any(|e| name.ends_with(e));
            if place && name.chars().count() <= 8 {
                "地方政府"
            } else {
                OTHER
            }
        })
}

/// All agency types, in facet order.
pub fn agency_types() -> impl Iterator<Item = &'static str> {
    AGENCY_TYPES.iter().map(|(kind, _)| *kind).chain(std::iter::once(OTHER))
}

/// Does this text end like the name of a body (局, 委, 厅, 院 …)? Used to tell department cells
/// and lists from prose.
pub fn looks_like_body(name: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "局",
        "委",
        "厅",
        "院",
        "办",
        "部",
        "部门",
        "单位",
        "海关",
        "政府",
        "中心",
        "小组",
        "分署",
        "总队",
        "管委会",
        "公司",
        "协会",
        "会",
        "队",
        "所",
        "署",
        "室",
        "站",
        "校",
        "处",
        "组",
        "科",
        "行",
        "园",
        "区",
        "市",
        "县",
        "州",
        "盟",
        "团",
        "社",
        "人大",
        "政协",
        "司",
    ];
    let name = name.trim_end_matches(['）', ')']);
    // A ministry's department (保护司, 条法司) has a name before 司; 省司 is the start of 省司法厅.
    if name.ends_with('司') && name.chars().count() < 3 {
        return false;
    }
    ENDINGS.iter().any(|e| name.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_types_group_levels_together() {
        assert_eq!(canonical_agency("市知识产权局"), "知识产权局");
        assert_eq!(canonical_agency("省知识产权局"), "知识产权局");
        assert_eq!(canonical_agency("北京知识产权法院"), "法院");
        assert_eq!(canonical_agency("市工商局"), "工商局/市场监管");
        assert_eq!(canonical_agency("市场监管委"), "工商局/市场监管");
        assert_eq!(canonical_agency("北京海关"), "海关");
        assert_eq!(canonical_agency("海关总署广东分署"), "海关");
        assert_eq!(canonical_agency("新闻出版广电局（版权局）"), "版权局/新闻出版");
        assert_eq!(canonical_agency("各有关部门"), "有关部门（泛指）");
        assert_eq!(canonical_agency("监察厅"), "纪检监察");
        // The central bodies a national plan lists by their short names.
        assert_eq!(canonical_agency("中宣部"), "宣传/网信");
        assert_eq!(canonical_agency("银保监会"), "金融");
        assert_eq!(canonical_agency("外交部"), "外事/侨务");
        assert_eq!(canonical_agency("中央政法委"), "党委/群团");
        assert_eq!(canonical_agency("区知识产权保护相关职能部门"), "知识产权局");
        assert_eq!(canonical_agency("省知识产权中心"), "知识产权局");
        assert_eq!(canonical_agency("四川省知识产权服务促进中心"), "知识产权局");
        assert_eq!(canonical_agency("嘉峪关市"), "地方政府");
        assert_eq!(canonical_agency("某某协作体"), OTHER);
    }

    #[test]
    fn a_department_of_a_ministry_is_a_body_but_a_cut_name_is_not() {
        assert!(looks_like_body("保护司"));
        assert!(looks_like_body("运用促进司"));
        assert!(!looks_like_body("省司"));
    }
}
