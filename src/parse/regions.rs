//! Regions the corpus names: printed name, GB/T 2260 code, English name and the slug used in plan ids.

/// One region of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Full name as printed, e.g. 内蒙古自治区.
    pub name: &'static str,
    /// Short form used inside texts, e.g. 内蒙古.
    pub short: &'static str,
    /// GB/T 2260 code; None where the standard has none.
    pub code: Option<&'static str>,
    pub en: &'static str,
    pub slug: &'static str,
}

const fn r(
    name: &'static str,
    short: &'static str,
    code: &'static str,
    en: &'static str,
    slug: &'static str,
) -> Region {
    Region { name, short, code: Some(code), en, slug }
}

/// Provincial-level units (GB/T 2260), plus 新疆生产建设兵团, which reports like a province but
/// has no code of its own in the standard.
pub const PROVINCES: &[Region] = &[
    r("北京市", "北京", "110000", "Beijing", "beijing"),
    r("天津市", "天津", "120000", "Tianjin", "tianjin"),
    r("河北省", "河北", "130000", "Hebei", "hebei"),
    r("山西省", "山西", "140000", "Shanxi", "shanxi"),
    r("内蒙古自治区", "内蒙古", "150000", "Inner Mongolia", "inner-mongolia"),
    r("辽宁省", "辽宁", "210000", "Liaoning", "liaoning"),
    r("吉林省", "吉林", "220000", "Jilin", "jilin"),
    r("黑龙江省", "黑龙江", "230000", "Heilongjiang", "heilongjiang"),
    r("上海市", "上海", "310000", "Shanghai", "shanghai"),
    r("江苏省", "江苏", "320000", "Jiangsu", "jiangsu"),
    r("浙江省", "浙江", "330000", "Zhejiang", "zhejiang"),
    r("安徽省", "安徽", "340000", "Anhui", "anhui"),
    r("福建省", "福建", "350000", "Fujian", "fujian"),
    r("江西省", "江西", "360000", "Jiangxi", "jiangxi"),
    r("山东省", "山东", "370000", "Shandong", "shandong"),
    r("河南省", "河南", "410000", "Henan", "henan"),
    r("湖北省", "湖北", "420000", "Hubei", "hubei"),
    r("湖南省", "湖南", "430000", "Hunan", "hunan"),
    r("广东省", "广东", "440000", "Guangdong", "guangdong"),
    r("广西壮族自治区", "广西", "450000", "Guangxi", "guangxi"),
    r("海南省", "海南", "460000", "Hainan", "hainan"),
    r("重庆市", "重庆", "500000", "Chongqing", "chongqing"),
    r("四川省", "四川", "510000", "Sichuan", "sichuan"),
    r("贵州省", "贵州", "520000", "Guizhou", "guizhou"),
    r("云南省", "云南", "530000", "Yunnan", "yunnan"),
    r("西藏自治区", "西藏", "540000", "Tibet", "tibet"),
    r("陕西省", "陕西", "610000", "Shaanxi", "shaanxi"),
    r("甘肃省", "甘肃", "620000", "Gansu", "gansu"),
    r("青海省", "青海", "630000", "Qinghai", "qinghai"),
    r("宁夏回族自治区", "宁夏", "640000", "Ningxia", "ningxia"),
    r("新疆维吾尔自治区", "新疆", "650000", "Xinjiang", "xinjiang"),
    Region {
        name: "新疆生产建设兵团",
        short: "兵团",
        code: None,
        en: "Xinjiang Production and Construction Corps",
        slug: "xpcc",
    },
];

/// Cities and districts of the corpus, and the country as a whole (national plans; GB/T 2260
/// has no code for it).
pub const LOCALITIES: &[Region] = &[
    Region { name: "全国", short: "国家", code: None, en: "China (national)", slug: "national" },
    r("汕头市", "汕头", "440500", "Shantou", "shantou"),
    r("汕尾市", "汕尾", "441500", "Shanwei", "shanwei"),
    r("汕尾市城区", "汕尾城区", "441502", "Chengqu District, Shanwei", "shanwei-chengqu"),
];

/// Look a region up by its full or short name.
pub fn find(name: &str) -> Option<&'static Region> {
    PROVINCES.iter().chain(LOCALITIES).find(|r| r.name == name || r.short == name)
}

/// The province whose full name a heading line starts with (longest match first).
pub fn province_prefix(text: &str) -> Option<&'static Region> {
    PROVINCES.iter().filter(|r| text.starts_with(r.name)).max_by_key(|r| r.name.len())
}

/// Turn free text into a URL-safe slug: ASCII letters and digits, other runs become `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
