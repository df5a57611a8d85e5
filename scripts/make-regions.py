#!/usr/bin/env python3
"""Write data/regions.tsv, the parser's gazetteer, from the National Bureau of Statistics' division
codes, the Ministry of Civil Affairs' codes since 1981 and pypinyin (docs/regions.md says where each
comes from and how to run this again).

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz   # the codes, as of 2023-06-30
    git clone https://github.com/yescallop/areacodes                     # result.csv: every code since 1981
    python3 -m venv venv && venv/bin/pip install pypinyin==0.55.0       # the romanisation
    venv/bin/python scripts/make-regions.py package/dist areacodes/result.csv > data/regions.tsv

Provinces, the country and the XPCC are copied from the rows the file already has (their English
names and slugs are hand-written and plan ids depend on them); cities and county-level units are
made here. Statistical units with no GB/T 2260 code (development zones, codes xxxx7x, and the like)
are left out. From the Ministry's list come the units created since 2023-06-30 and the names in use
at some time since 2000 that no unit bears today (海门市 until 2020, 襄樊市 until 2010), with the
year they ended."""
import csv
import json
import re
import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "regions.tsv"

# Ethnic groups as autonomous areas print them (with or without 族), and their English names.
ETHNIC = {
    "土家": "Tujia", "苗": "Miao", "彝": "Yi", "藏": "Tibetan", "回": "Hui", "蒙古": "Mongol",
    "满": "Manchu", "壮": "Zhuang", "瑶": "Yao", "侗": "Dong", "布依": "Bouyei", "黎": "Li",
    "傣": "Dai", "白": "Bai", "哈尼": "Hani", "傈僳": "Lisu", "佤": "Va", "拉祜": "Lahu",
    "纳西": "Naxi", "景颇": "Jingpo", "朝鲜": "Korean", "哈萨克": "Kazakh", "柯尔克孜": "Kirgiz",
    "塔吉克": "Tajik", "锡伯": "Xibe", "达斡尔": "Daur", "鄂温克": "Evenki", "鄂伦春": "Oroqen",
    "羌": "Qiang", "仡佬": "Gelao", "水": "Shui", "毛南": "Maonan", "仫佬": "Mulao", "畲": "She",
    "土": "Tu", "撒拉": "Salar", "保安": "Bonan", "东乡": "Dongxiang", "裕固": "Yugur",
    "独龙": "Derung", "怒": "Nu", "普米": "Pumi", "布朗": "Blang", "各": "Multi-ethnic",
}
AUTONOMOUS = {"自治州": "Autonomous Prefecture", "自治县": "Autonomous County", "自治旗": "Autonomous Banner"}
# County-level units by the suffix of their name (a county-level city takes no word).
UNIT_WORDS = [("林区", "Forestry District"), ("特区", "Special District"), ("新区", "New Area"), ("区", "District"),
              ("县", "County"), ("旗", "Banner"), ("市", "")]
# Units named by their kind alone keep it in their English name: 城区 is Chengqu District.
GENERIC_UNITS = {"城区", "郊区", "矿区"}
KIND_WORDS = {"区": "District", "县": "County", "旗": "Banner"}  # what src/parse/regions.rs adds
PREFECTURE_WORDS = [("地区", "Prefecture"), ("盟", "League"), ("市", "")]

# Place names whose usual English is not their pinyin (Mongolian, Uyghur, Tibetan, Manchu names,
# and a few long-settled spellings).
CONVENTIONAL = {
    "哈尔滨": "Harbin", "呼和浩特": "Hohhot", "乌鲁木齐": "Urumqi", "拉萨": "Lhasa", "日喀则": "Shigatse",
    "喀什": "Kashgar", "齐齐哈尔": "Qiqihar", "鄂尔多斯": "Ordos", "呼伦贝尔": "Hulunbuir",
    "巴彦淖尔": "Bayannur", "乌兰察布": "Ulanqab", "锡林郭勒": "Xilingol", "阿拉善": "Alxa",
    "兴安": "Hinggan", "克拉玛依": "Karamay", "吐鲁番": "Turpan", "和田": "Hotan", "伊犁": "Ili",
    "阿克苏": "Aksu", "阿勒泰": "Altay", "博尔塔拉": "Bortala", "巴音郭楞": "Bayingolin",
    "克孜勒苏": "Kizilsu", "昌都": "Qamdo", "林芝": "Nyingchi", "那曲": "Nagqu", "阿里": "Ngari",
    "果洛": "Golog", "甘孜": "Garze", "阿坝": "Ngawa", "西双版纳": "Xishuangbanna",
    "德宏": "Dehong", "大兴安岭": "Da Hinggan Ling", "海拉尔": "Hailar", "满洲里": "Manzhouli",
    "二连浩特": "Erenhot", "格尔木": "Golmud", "德令哈": "Delingha", "阿图什": "Artux",
    "石河子": "Shihezi", "博乐": "Bole", "库尔勒": "Korla", "伊宁": "Yining", "奎屯": "Kuytun",
}
# Characters and words pypinyin reads otherwise than in place names.
READINGS = {"长": "chang", "都": "du", "单": "shan", "朝阳": "chaoyang", "洪洞": "hongtong",
            "蚌埠": "bengbu", "六安": "lu'an", "番禺": "panyu", "铅山": "yanshan", "乐亭": "laoting",
            "闵行": "minhang", "宝坻": "baodi", "涡阳": "guoyang", "东阿": "dong'e", "筠连": "junlian",
            "大埔": "dabu", "黄陂": "huangpi", "什邡": "shifang", "六合": "luhe", "浚": "xun", "蔚": "yu"}


def pinyin(name):
    """Pinyin of a place name as one capitalised word, syllables that start with a vowel after an
    apostrophe (Xi'an)."""
    if name in CONVENTIONAL:
        return CONVENTIONAL[name]
    syllables, i = [], 0
    while i < len(name):
        word = next((w for w in sorted(READINGS, key=len, reverse=True) if name.startswith(w, i) and len(w) > 1), None)
        if word:
            syllables.append(READINGS[word]); i += len(word); continue
        ch = name[i]
        syllables.append(READINGS.get(ch) or lazy_pinyin(name[i:], style=Style.NORMAL, errors="ignore")[0])
        i += 1
    word = ""
    for s in syllables:
        word += ("'" if word and s[0] in "aoe" else "") + s
    return word[:1].upper() + word[1:]


def ethnic_split(name, suffix):
    """(place, [ethnic English]) of an autonomous area's name without its suffix: 长阳土家族 → 长阳, [Tujia]."""
    keys = sorted(ETHNIC, key=len, reverse=True)
    for start in range(len(name)):
        groups, i = [], start
        while i < len(name):
            k = next((k for k in keys if name.startswith(k, i)), None)
            if not k:
                break
            i += len(k)
            if name.startswith("族", i):
                i += 1
            elif len(k) == 1:
                break  # a one-character group is always printed with 族: 陵水黎族 is 陵水 + 黎
            groups.append(ETHNIC[k])
        if groups and i == len(name):
            return name[:start], groups
    raise SystemExit(f"cannot read the ethnic groups of {name}{suffix}")


def english(name, words):
    """(place, English name) of a city or county-level unit, without its parent: the place is the
    name without its kind (长阳土家族自治县 → 长阳), the slug's part."""
    for suffix, word in AUTONOMOUS.items():
        if name.endswith(suffix):
            place, groups = ethnic_split(name[: -len(suffix)], suffix)
            joined = groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " and " + groups[-1]
            place = pinyin(place) if place else joined
            return place, " ".join(w for w in [place if place != joined else "", joined, word] if w)
    if name in GENERIC_UNITS:
        return pinyin(name), f"{pinyin(name)} {words[2][1] if name.endswith('区') else ''}".strip()
    for suffix, word in words:
        if name.endswith(suffix) and len(name) > len(suffix):
            place = pinyin(name[: -len(suffix)])
            return place, f"{place} {word}".strip()
    return pinyin(name), pinyin(name)


def clashes(rows, key=lambda row: row[4]):
    """Groups of rows that share a slug (or another key)."""
    by_slug = {}
    for row in rows:
        by_slug.setdefault(key(row), []).append(row)
    return [same for same in by_slug.values() if len(same) > 1]


def kind(name):
    """A county-level unit's kind as a slug word: 区 district, 县 county, 市 city, 旗 banner."""
    return next(slug(word or "city") for suffix, word in UNIT_WORDS if name.endswith(suffix))


def slug(english_name):
    return re.sub(r"[^a-z0-9]+", "-", english_name.lower().replace("'", "")).strip("-")


def default_short_name(name):
    """The short name src/parse/regions.rs assumes when the file gives none: the name without its
    last character when two or more are left (南通市 → 南通, 沛县 stays)."""
    return name[:-1] if len(name) >= 3 else name


def short(name):
    """The form texts use inside sentences: 南通市 → 南通, 长阳土家族自治县 → 长阳; a name of two
    characters keeps its suffix (沛县)."""
    for suffix in AUTONOMOUS:
        if name.endswith(suffix):
            place = ethnic_split(name[: -len(suffix)], suffix)[0]
            return place if len(place) >= 2 else name
    for suffix in ["地区", "林区", "特区", "市", "区", "县", "旗", "盟"]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


# Plans are from 2000 on: older names are left out.
FIRST_YEAR = 2000


def since_2000(path, current):
    """(new, old) rows from the Ministry of Civil Affairs' codes (yescallop/areacodes' result.csv):
    the county-level and prefecture-level units in use today that `current` (code → name) lacks, and
    the names in use since FIRST_YEAR that no unit in use bears, each with the year it ended; of the
    old prefectures, all (their units name them as their parent)."""
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig")))
    rows = [r for r in rows if r["级别"] != "省级" and re.search(r"(区|县|市|旗|盟|州)$", r["名称"])]
    in_use = {r["名称"] for r in rows if r["状态"] == "在用"} | set(current.values())
    new = [r for r in rows if r["状态"] == "在用" and r["代码"] not in current]
    old = [r for r in rows if r["状态"] != "在用" and int(r["变更/弃用时间"]) > FIRST_YEAR
           and (r["名称"] not in in_use or r["级别"] == "地级")]
    return new, old


def main():
    dist = Path(sys.argv[1])
    cities = json.loads((dist / "cities.json").read_text())
    areas = json.loads((dist / "areas.json").read_text())
    current = {u["code"] + ("00" if u in cities else ""): u["name"] for u in cities + areas}
    new, old = since_2000(sys.argv[2], current)
    cities += [{"code": r["代码"][:4], "name": r["名称"]} for r in new if r["级别"] == "地级"]
    areas += [{"code": r["代码"], "name": r["名称"]} for r in new if r["级别"] == "县级"]
    kept = [row for row in csv.reader(open(OUT, encoding="utf-8"), delimiter="\t")
            if row and not row[0].startswith("#") and (row[0] == "-" or row[0].endswith("0000"))]
    for row in kept:
        row[2] = row[2] or default_short_name(row[1])
        row[4] = row[4] or slug(row[3])
    provinces = {row[0][:2]: row for row in kept if row[0] != "-"}
    city_rows = []
    for c in cities:
        if c["name"] not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            place, en = english(c["name"], PREFECTURE_WORDS)
            city_rows.append([c["code"] + "00", c["name"], short(c["name"]), en, slug(place)])
    # Slugs must be unique: plan ids are made of them. Cities of one name (泰州, 台州: taizhou) take
    # their province's slug before theirs; a county-level unit's slug follows its city's.
    for clash in clashes(kept + city_rows):
        for row in clash:
            if row in city_rows:
                row[4] = f"{provinces[row[0][:2]][4]}-{row[4]}"
    unit_rows = []
    for a in areas:
        if a["code"].endswith("00"):
            continue  # a city without districts (东莞市) is listed as its own unit
        if a["code"][4] == "7" or not re.search(r"(区|县|市|旗)$", a["name"]):
            continue  # statistical units with no GB/T 2260 code
        place, en = english(a["name"], UNIT_WORDS)
        unit_rows.append([a["code"], a["name"], short(a["name"]), en, slug(place)])
    # Units of one city with one slug (临夏县, 临夏市) take their kind after it.
    for clash in clashes(unit_rows, key=lambda row: (row[0][:4], row[4])):
        for row in clash:
            row[4] += "-" + kind(row[1])
    left = clashes(kept + city_rows) + clashes(unit_rows, key=lambda row: (row[0][:4], row[4]))
    assert not left, left
    # An old name keeps its slug where it shares it only with the same place's other names (海门市
    # and 海门区 are both nantong-haimen: one place's plans before and after); else, as above, its
    # province's slug or its kind tells it apart.
    old_cities, old_units = [], []
    for r in sorted(old, key=lambda r: (r["级别"] != "地级", r["代码"], r["变更/弃用时间"])):
        words, rows = (PREFECTURE_WORDS, old_cities) if r["级别"] == "地级" else (UNIT_WORDS, old_units)
        place, en = english(r["名称"], words)
        rows.append([r["代码"], r["名称"], short(r["名称"]), en, slug(place), r["变更/弃用时间"]])
    by_slug = {row[4]: row for row in kept + city_rows}
    for row in old_cities:
        if by_slug.setdefault(row[4], row)[2] != row[2]:
            row[4] = f"{provinces[row[0][:2]][4]}-{row[4]}"
        assert by_slug.setdefault(row[4], row)[2] == row[2], row
    by_slug = {(row[0][:4], row[4]): row for row in unit_rows}
    for row in old_units:
        if by_slug.setdefault((row[0][:4], row[4]), row)[2] != row[2]:
            row[4] += "-" + kind(row[1])
        assert by_slug.setdefault((row[0][:4], row[4]), row)[2] == row[2], row
    print(HEADER, end="")
    for row in kept + city_rows + unit_rows + [None] + old_cities + old_units:
        if row is None:
            print(OLD_NAMES, end="")
            continue
        code, name, short_name, en, own_slug = row[:5]
        word = KIND_WORDS.get(name[-1])
        if row[0][-2:] != "00" and word and en.endswith(" " + word) and not re.search("自治|林区|特区|新区", name):
            en = en[: -len(word) - 1]  # the parser adds it back from the name's last character
        print("\t".join([code, name, "" if short_name == default_short_name(name) else short_name, en,
                         "" if own_slug == slug(en) else own_slug] + row[5:]))


HEADER = """# The parser's gazetteer; docs/regions.md says how src/parse/regions.rs reads it.
# code\tname\tshort name\tEnglish name\tslug. Code: GB/T 2260, - where there is none. An empty short
# name is the name without its last character; an empty slug is the English name's. A county-level
# unit's English name and slug are its own: its city's (or province's) follow and precede them, and
# the word for 区, 县 or 旗 is added to its English name. Made by scripts/make-regions.py, but for
# the rows of provinces, the country and the XPCC, which are written by hand.
"""
OLD_NAMES = """# Names in use at some time since 2000 that no unit bears today, and the old prefectures; a sixth
# column gives the year the name ended. The parser looks here only for a name no row above has.
"""

if __name__ == "__main__":
    main()
