//! The national template of the 2018 provincial work points: six focus areas and their work items.
//!
//! Most 工作内容 cells of the 31 tables repeat this wording, which lets the table parser recognise
//! work-item cells broken over lines, give each row the focus area it belongs to by meaning (even
//! where a table prints no focus number, or another one), and lets diffs align provinces exactly.

use super::lines::normalise;
use std::sync::OnceLock;

/// The six focus areas (工作重点), numbered as in the template.
pub const FOCUS_AREAS: &[(u8, &str)] = &[
    (1, "推进知识产权管理体制机制改革"),
    (2, "实施严格的知识产权保护"),
    (3, "促进知识产权创造运用"),
    (4, "加强重点产业知识产权海外布局和风险防控"),
    (5, "提升知识产权对外合作水平"),
    (6, "加强组织实施和政策保障"),
];

/// The catch-all work item that closes several focus areas.
pub const OTHER_WORK: &str = "其他：未列入但地方开展的创新性工作";

/// Template work items (工作内容) with their focus area: the items of 北京's table, which follows
/// the template closely, and the items that at least seven other tables print word for word.
pub const WORK_ITEMS: &[(u8, &str)] = &[
    (1, "探索开展知识产权综合管理改革试点"),
    (1, "知识产权服务业集聚区建设"),
    (1, "重大经济活动知识产权评议"),
    (1, "对领导干部综合考核评价时，注重发明创造、保护知识产权、加强转化运用、营造良好环境等方面的情况和成效"),
    (1, "按国家有关规定，设置知识产权奖励项目"),
    (1, "开展知识产权区域布局试点，推进区域知识产权资源配置和政策优化调整"),
    (2, "推进侵犯知识产权行政处罚案件信息公开"),
    (2, "完善知识产权快速维权机制"),
    (2, "加强海关知识产权保护"),
    (2, "加大国际展会、电子商务等领域知识产权执法力度"),
    (2, "加大知识产权犯罪打击力度"),
    (2, "加强知识产权行政执法与刑事司法衔接"),
    (2, "将故意侵犯知识产权行为情况纳入企业和个人信用记录"),
    (2, "加强大型专业化市场知识产权管理和保护"),
    (2, "加强在线创意、研发成果的知识产权保护"),
    (2, "加大对小微企业知识产权保护援助力度"),
    (2, "开展知识产权保护进乡村专项行动"),
    (3, "鼓励和引导企事业单位依法建立健全发明报告、权属划分、奖励报酬、纠纷解决等职务发明管理制度"),
    (3, "加快建设知识产权运营服务体系"),
    (3, "创新知识产权投融资产品，探索知识产权证券化，完善知识产权信用担保机制"),
    (3, "推动高校、科研院所建立健全知识产权转移转化机构"),
    (3, "探索建设知识产权密集型产业培育机制，引导社会资金投入知识产权密集型产业，推行知识产权集群管理"),
    (3, "实施专利质量提升工程"),
    (3, "加强对非物质文化遗产、民间文艺、传统知识的开发利用，推进文化创意、设计服务与相关产业融合发展"),
    (3, "保护和传承老字号，大力推动中医药、中华传统餐饮、工艺美术等企业“走出去”"),
    (3, "增加知识产权信息服务网点，完善知识产权信息公共服务网络"),
    (3, "鼓励高等院校、科研院所等事业单位通过无偿许可专利的方式，支持单位员工和大学生创新创业"),
    (3, "探索完善创新成果收益分配制度"),
    (3, "鼓励国有企业赋予下属科研院所知识产权处置和收益分配权"),
    (3, "探索知识产权创造与运营的众筹、众包模式，促进“互联网+知识产权”融合发展"),
    (3, "支持企业运用知识产权进行海外股权投资"),
    (3, "支持企业建立品牌管理体系，鼓励企业收购海外知名品牌"),
    (3, "加大轻工、纺织、服装等产业的外观设计专利保护力度"),
    (3, "商标富农工作"),
    (4, "加大创新成果标准化和专利化工作力度，推动形成标准研制与专利布局有效衔接机制"),
    (4, "实施专利导航项目"),
    (4, "推动企业、科研机构、高等院校等联合开展海外专利布局"),
    (4, "探索以公证方式保管知识产权证据、证明材料"),
    (4, "推动企业建立知识产权分析评议机制，重点针对人才引进、国际参展、产品和技术进出口等活动开展知识产权风险评估"),
    (4, "支持法律服务机构为企业提供全方位、高品质知识产权法律服务"),
    (4, "鼓励企业建立专利收储资金"),
    (5, "加强国内外知名地理标志产品的保护合作，促进地理标志产品国际化发展"),
    (5, "推动国内服务机构、产业联盟等加强与国外相关组织的合作交流"),
    (5, "知识产权智库建设"),
    (5, "拓宽企业参与国际和区域知识产权规则制修订途径"),
    (6, "制定落实强国意见的实施方案和配套政策"),
    (6, "推进知识产权强省、强市建设"),
    (6, "积极推进知识产权海外侵权责任保险工作"),
    (6, "开展知识产权质押融资风险补偿基金和重点产业知识产权运营基金试点"),
    (6, "加大对各类创新人才的知识产权培训力度"),
    (6, "鼓励各地引进高端知识产权人才"),
    (6, "加强知识产权文化建设"),
    (6, "加大宣传力度"),
    (6, "广泛开展知识产权普及型教育"),
    (6, "加强知识产权公益宣传和咨询服务"),
    (6, "运用财政资金引导和促进科技成果产权化、知识产权产业化"),
    (6, "鼓励我国知识产权人才获得海外相应资格证书"),
    (0, OTHER_WORK),
];

/// Punctuation-free form used to compare cells with the template (tables vary ，/、 and quotes).
pub fn key(s: &str) -> String {
    normalise(s).chars().filter(|c| !c.is_whitespace() && !"，、,：:“”\"'‘’（）()。；;".contains(*c)).collect()
}

/// Template texts in their comparison form, computed once.
fn keyed(texts: &'static [(u8, &'static str)], cache: &'static OnceLock<Vec<String>>) -> &'static [String] {
    cache.get_or_init(|| texts.iter().map(|(_, t)| key(t)).collect())
}

fn focus_keys() -> &'static [String] {
    static CACHE: OnceLock<Vec<String>> = OnceLock::new();
    CACHE.get_or_init(|| FOCUS_AREAS.iter().map(|(_, t)| focus_key(t)).collect())
}

/// Focus texts are compared without conjunctions too: tables print 海外布局风险防控 for
/// 海外布局和风险防控.
fn focus_key(s: &str) -> String {
    key(s).chars().filter(|c| !"和与及".contains(*c)).collect()
}

fn work_item_keys() -> &'static [String] {
    static CACHE: OnceLock<Vec<String>> = OnceLock::new();
    keyed(WORK_ITEMS, &CACHE)
}

/// The focus area whose text `text` is (or begins, when `partial`): by meaning, not printed number.
pub fn focus_of_text(text: &str, partial: bool) -> Option<u8> {
    let k = focus_key(text);
    if k.is_empty() {
        return None;
    }
    focus_keys().iter().zip(FOCUS_AREAS).find_map(|(fk, (no, _))| {
        let hit = if partial { fk.starts_with(&k) } else { *fk == k };
        hit.then_some(*no)
    })
}

/// Is `text` a template work item, or (when `partial`) the beginning of one?
pub fn work_item_match(text: &str, partial: bool) -> Option<&'static (u8, &'static str)> {
    let k = key(text);
    if k.is_empty() {
        return None;
    }
    work_item_keys().iter().zip(WORK_ITEMS).find_map(|(wk, item)| {
        let hit = if partial { wk.starts_with(&k) && *wk != k } else { *wk == k };
        hit.then_some(item)
    })
}

/// Does `text` begin like a template work item with a word or two changed (加大大型展会、电子商务
/// for 加大国际展会、电子商务)? Compares the first characters only, at most one edit in five.
pub fn work_item_near_start(text: &str) -> bool {
    const SPAN: usize = 12;
    let k: Vec<char> = key(text).chars().take(SPAN).collect();
    if k.len() < 6 {
        return false;
    }
    let allowed = k.len() / 5;
    work_item_keys().iter().any(|wk| {
        let w: Vec<char> = wk.chars().take(k.len()).collect();
        w.len() == k.len() && w[..2] == k[..2] && edit_distance(&k, &w) <= allowed
    })
}

/// Levenshtein distance between two short character sequences.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let swap = prev[j] + usize::from(ca != cb);
            cur[j + 1] = swap.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The focus area a work item belongs to, when it is a template item tied to one area.
pub fn focus_of_work_item(text: &str) -> Option<u8> {
    work_item_match(text, false).map(|(f, _)| *f).filter(|f| *f != 0)
}

/// The template text of a focus area.
pub fn focus_text(no: u8) -> Option<&'static str> {
    FOCUS_AREAS.iter().find(|(n, _)| *n == no).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_by_meaning() {
        assert_eq!(focus_of_text("提升知识产权对外合作水平", false), Some(5));
        assert_eq!(focus_of_text("实施严格的知", true), Some(2));
        assert_eq!(focus_of_text("改革", true), None);
        assert_eq!(focus_of_text("加强重点产业知识产权海外布局风险防控", false), Some(4));
    }

    #[test]
    fn reworded_work_items_are_recognised_by_their_beginning() {
        assert!(work_item_near_start("加大大型展会、电子商务"));
        assert!(work_item_near_start("加大国家展会、电子商务等领域知识"));
        assert!(!work_item_near_start("省知识产权局、省工商局"));
        assert!(!work_item_near_start("加大"));
    }

    #[test]
    fn work_items_tolerate_punctuation() {
        assert_eq!(focus_of_work_item("按国家有关规定设置知识产权奖励项目"), Some(1));
        assert!(work_item_match("推进侵犯知识产权行政处", true).is_some());
        assert_eq!(focus_of_work_item(OTHER_WORK), None);
    }
}
