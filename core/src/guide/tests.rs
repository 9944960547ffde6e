//! The search, one data-driven table: what a resident types → the codes that must come
//! first. Keys are made as the Worker makes them (the `pinyin` crate's table, a
//! dev-dependency here, plus `PHRASES`).

use super::search::Index;
use super::*;

fn table(c: char) -> Vec<String> {
    pinyin_table(c)
}

fn item(code: &str, name: &str, aliases: &[&str], conditions: &str) -> GuideItem {
    GuideItem {
        code: code.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        department: "柳塘镇便民服务中心".into(),
        events: vec![LifeEvent::Elderly],
        audience: vec![Audience::Person],
        conditions: conditions.into(),
        materials: vec![Material {
            name: "居民身份证".into(),
            form: MaterialForm::Original,
            copies: 1,
            notes: String::new(),
            collectable: true,
        }],
        steps: vec![],
        promised_days: Some(5),
        legal_days: Some(20),
        fees: String::new(),
        place: String::new(),
        hours: String::new(),
        phone: String::new(),
        online: String::new(),
        visits: 1,
        legal_basis: String::new(),
        faq: vec![],
        errand: false,
        updated_at: 0,
        version: 1,
        keys: Keys {
            name: readings(name, table),
            aliases: aliases.iter().map(|a| readings(a, table)).collect(),
        },
    }
}

fn catalogue() -> Vec<GuideItem> {
    vec![
        item(
            "ylbx-dy",
            "城乡居民基本养老保险待遇领取",
            &["养老金领取", "领养老金"],
            "",
        ),
        item(
            "ylbx-cb",
            "城乡居民基本养老保险参保登记",
            &["养老保险参保", "交养老保险"],
            "",
        ),
        item(
            "yb-jf",
            "城乡居民医疗保险参保缴费",
            &["医保缴费", "交医保"],
            "",
        ),
        item(
            "dibao",
            "最低生活保障申请",
            &["低保申请", "办低保"],
            "家庭人均收入低于当地标准",
        ),
        item("hk-xsr", "新生儿户口登记", &["上户口", "报户口"], ""),
        item("jhdj", "内地居民结婚登记", &["领结婚证"], ""),
        item("cjr-z", "残疾人证办理", &["办残疾证"], ""),
        item("cjr-hl", "重度残疾人护理补贴", &["残疾人护理补贴"], ""),
        item(
            "sfz-bl",
            "居民身份证补领",
            &["身份证丢了", "补办身份证"],
            "",
        ),
        item("sfz-cx", "重新申领居民身份证", &[], ""),
        item("nz-zl", "农资商品重量抽检投诉", &[], ""),
        item("zjd", "农村宅基地建房审批", &["盖房审批"], ""),
        item("gd-bt", "耕地地力保护补贴发放", &["种粮补贴"], ""),
        item("sz-bt", "殡葬补贴申领", &["丧葬费"], ""),
        item("rx", "义务教育入学登记", &["上小学", "入学报名"], ""),
        item("jy-dj", "就业失业登记", &["失业登记"], ""),
        item(
            "gl-bt",
            "高龄津贴申领",
            &["老人补贴"],
            "年满八十周岁的本地户籍老人",
        ),
        item("ls-jz", "临时救助申请", &[], ""),
    ]
}

#[test]
fn search_table() {
    let index = Index::new(&catalogue());
    // (query, what it shows, the codes that must come first, in order; [] = nothing).
    let rows: &[(&str, &str, &[&str])] = &[
        ("内地居民结婚登记", "exact Chinese name", &["jhdj"]),
        ("结婚登记", "Chinese inside a name", &["jhdj"]),
        ("低保", "Chinese alias", &["dibao"]),
        ("养老金", "alias over name", &["ylbx-dy"]),
        ("残疾人证", "exact name", &["cjr-z"]),
        (
            "身份证",
            "name and alias, shorter first",
            &["sfz-bl", "sfz-cx"],
        ),
        ("yanglaojin", "full pinyin", &["ylbx-dy"]),
        ("dibao", "full pinyin of an alias", &["dibao"]),
        ("shanghukou", "full pinyin, exact alias", &["hk-xsr"]),
        ("hukou", "full pinyin inside", &["hk-xsr"]),
        ("zhaijidi", "full pinyin, 宅 read zhai", &["zjd"]),
        ("ylj", "initials", &["ylbx-dy"]),
        // 医疗保险 has the same initials: alias prefix first, then names by length.
        (
            "ylbx",
            "initials, alias prefix first",
            &["ylbx-cb", "yb-jf", "ylbx-dy"],
        ),
        ("shk", "initials with zh/ch/sh", &["hk-xsr"]),
        ("zjd", "initials inside a name", &["zjd"]),
        (
            "Ｙｌｂｘ",
            "full-width, capitals",
            &["ylbx-cb", "yb-jf", "ylbx-dy"],
        ),
        (
            "yang老",
            "mixed pinyin and Chinese",
            &["ylbx-cb", "ylbx-dy"],
        ),
        (
            "yang lao",
            "syllables with a space",
            &["ylbx-cb", "ylbx-dy"],
        ),
        (
            "yanglaob",
            "last syllable cut short",
            &["ylbx-cb", "ylbx-dy"],
        ),
        ("gaol", "partial syllable at the end", &["gl-bt"]),
        (
            "ylbaox",
            "initials and syllables mixed",
            &["ylbx-cb", "yb-jf", "ylbx-dy"],
        ),
        ("chongxin", "heteronym 重 in 重新", &["sfz-cx"]),
        (
            "zhongxin",
            "heteronym read the other way finds nothing",
            &[],
        ),
        (
            "zhongliang",
            "重量 and 种粮 both read zhong",
            &["gd-bt", "nz-zl"],
        ),
        ("zhongliangchoujian", "heteronym 重 in 重量", &["nz-zl"]),
        ("chongliang", "heteronym, other reading", &[]),
        ("zhongdu", "heteronym 重 in 重度", &["cjr-hl"]),
        (
            "养老保线",
            "one wrong character (homophone)",
            &["ylbx-cb", "ylbx-dy"],
        ),
        ("结昏登记", "one wrong character", &["jhdj"]),
        ("结登记", "one missing character", &["jhdj"]),
        ("残疾人护补贴", "one missing character, alias", &["cjr-hl"]),
        ("种粮补贴", "exact alias", &["gd-bt"]),
        ("丧葬费", "exact alias", &["sz-bt"]),
        ("入学", "alias prefix over name contains", &["rx"]),
        ("周岁", "body text (conditions)", &["gl-bt"]),
        ("收入", "body text, one item", &["dibao"]),
        ("xyz", "nothing", &[]),
        ("火星移民", "nothing, no fuzzy match", &[]),
        ("登记", "many; ties by name length", &["jy-dj", "hk-xsr"]),
    ];
    let mut failures = Vec::new();
    for (query, what, want) in rows {
        let got: Vec<String> = index
            .search(query)
            .into_iter()
            .map(|h| h.code)
            .take(want.len().max(1))
            .collect();
        let ok = if want.is_empty() {
            got.is_empty()
        } else {
            got == *want
        };
        if !ok {
            failures.push(format!("{query:?} ({what}): want {want:?}, got {got:?}"));
        }
    }
    assert!(rows.len() >= 30);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn phrases_settle_heteronyms_and_the_rest_keep_every_reading() {
    assert_eq!(readings("重新", table), ["chong", "xin"]);
    assert_eq!(readings("重量", table), ["zhong", "liang"]);
    let alone = readings("重", table);
    assert!(
        alone[0].contains("zhong") && alone[0].contains("chong"),
        "{alone:?}"
    );
    assert_eq!(readings("B超", table)[0], "");
}

#[test]
fn every_name_and_its_full_pinyin_find_their_own_item_first() {
    let items = catalogue();
    let index = Index::new(&items);
    for it in &items {
        let hits = index.search(&it.name);
        assert_eq!(hits[0].code, it.code, "{}", it.name);
        // The first reading of each character, run together: what a pinyin IME user types.
        let pinyin: String = it
            .keys
            .name
            .iter()
            .map(|r| r.split('|').next().unwrap_or(""))
            .collect();
        let hits = index.search(&pinyin);
        assert!(hits.iter().any(|h| h.code == it.code), "{pinyin}");
    }
    assert!(index.search("").is_empty());
    assert!(index.search("   ").is_empty());
}

#[test]
fn changed_fields_name_what_an_edit_touched_and_ignore_the_bookkeeping() {
    let a = item("x", "养老保险", &["养老金"], "");
    let mut b = a.clone();
    assert!(a.changed_fields(&b).is_empty());
    b.version += 3;
    b.updated_at += 1_000;
    b.keys = Keys::default();
    assert!(
        a.changed_fields(&b).is_empty(),
        "bookkeeping is not an edit"
    );
    b.hours = "周一至周五".into();
    b.materials[0].copies = 2;
    b.errand = !a.errand;
    assert_eq!(a.changed_fields(&b), ["materials", "hours", "errand"]);
}
