//! A village's rule book (村规民约积分细则) as a spreadsheet, one rule per row, Chinese
//! headers: 编号, 类别, 细则, 分值 (negative for a violation), 次数上限 and 周期 (both or
//! neither: 每月 / 每季度 / 每年), 须附照片 (是 / 否). What the leader exports can be edited
//! in Excel and imported again; the save then checks the whole book (`RuleBookSave`).

use super::{done, open, opt, parse_text, req, show, take, to_csv, Col, Problem, RowError};
use crate::points::{Period, Rule};

const COLS: [Col; 7] = [
    req("编号", "code"),
    req("类别", "category"),
    req("细则", "rule"),
    req("分值", "points"),
    opt("次数上限", "limit"),
    opt("周期", "period"),
    opt("须附照片", "photo needed"),
];

fn code(v: &str) -> Result<String, Problem> {
    let ok = (1..=32).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(v.to_owned())
    } else {
        Err((
            format!(
                "「{}」不是编号：用 1 至 32 个英文字母、数字、- 或 _，如 hj-01",
                show(v)
            ),
            format!(
                "\"{}\" is not a code: 1 to 32 letters, digits, - or _, e.g. hj-01",
                show(v)
            ),
        ))
    }
}

fn points(v: &str) -> Result<i64, Problem> {
    match v.parse::<i64>() {
        Ok(n) if n != 0 && (-1000..=1000).contains(&n) => Ok(n),
        _ => Err((
            format!("「{}」不是分值：填 -1000 至 1000 之间、不为 0 的整数（扣分填负数）", show(v)),
            format!("\"{}\" is not points: a whole number from -1000 to 1000, not 0 (negative to deduct)", show(v)),
        )),
    }
}

fn limit(v: &str) -> Result<Option<u32>, Problem> {
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<u32>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err((
            format!("「{}」不是次数：填 1、2 …，不限次数就留空", show(v)),
            format!("\"{}\" is not a limit: 1, 2 …, or empty for none", show(v)),
        )),
    }
}

fn period(v: &str) -> Result<Option<Period>, Problem> {
    if v.is_empty() {
        return Ok(None);
    }
    [Period::Month, Period::Quarter, Period::Year]
        .into_iter()
        .find(|p| {
            v == p.label_zh()
                || v == &p.label_zh()["每".len()..]
                || v.eq_ignore_ascii_case(p.as_str())
        })
        .map(Some)
        .ok_or_else(|| {
            (
                format!(
                    "「{}」不是周期：填 每月、每季度 或 每年，不限次数就留空",
                    show(v)
                ),
                format!(
                    "\"{}\" is not a period: 每月 (month), 每季度 (quarter) or 每年 (year)",
                    show(v)
                ),
            )
        })
}

fn yes_no(v: &str) -> Result<bool, Problem> {
    match v {
        "是" | "须" | "yes" | "Yes" | "YES" | "1" => Ok(true),
        "" | "否" | "no" | "No" | "NO" | "0" => Ok(false),
        _ => Err((
            format!("「{}」应填「是」或「否」", show(v)),
            format!("\"{}\": write 是 (yes) or 否 (no)", show(v)),
        )),
    }
}

/// Reads a rule book, all or nothing: every rule with its cells right, or every error
/// with its line. A limit and its period go together; codes may not repeat.
pub fn parse_rules(text: &str) -> Result<Vec<Rule>, Vec<RowError>> {
    let (rows, mut errors) = open(text, &COLS)?;
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for r in &rows {
        let (line, e) = (r.line, &mut errors);
        let c = |i: usize| r.get(i);
        let code = take(e, line, &COLS[0], code(c(0)));
        if let Some(code) = &code {
            if let Some(first) = seen.insert(code.clone(), line) {
                e.push(RowError {
                    line,
                    column: Some(COLS[0].zh.to_owned()),
                    message_zh: format!("「编号」：「{code}」与第 {first} 行重复"),
                    message_en: format!("编号 (code): \"{code}\" repeats line {first}"),
                });
            }
        }
        let category = take(e, line, &COLS[1], parse_text(c(1), 20));
        let name = take(e, line, &COLS[2], parse_text(c(2), 100));
        let points = take(e, line, &COLS[3], points(c(3)));
        let limit = take(e, line, &COLS[4], limit(c(4)));
        let period = take(e, line, &COLS[5], period(c(5)));
        let evidence = take(e, line, &COLS[6], yes_no(c(6)));
        if let (Some(l), Some(p)) = (&limit, &period) {
            if l.is_some() != p.is_some() {
                e.push(RowError {
                    line,
                    column: Some(COLS[4].zh.to_owned()),
                    message_zh: "「次数上限」和「周期」要一起填，或都留空".into(),
                    message_en: "次数上限 (limit) and 周期 (period) go together, or both empty"
                        .into(),
                });
            }
        }
        if let (
            Some(code),
            Some(category),
            Some(name),
            Some(points),
            Some(limit),
            Some(period),
            Some(evidence),
        ) = (code, category, name, points, limit, period, evidence)
        {
            out.push(Rule {
                code,
                name,
                category,
                points,
                limit,
                period,
                evidence,
            });
        }
    }
    done(out, errors)
}

/// The rule book, re-importable as is (BOM, CRLF, one rule per row).
pub fn rules_csv(rules: &[Rule]) -> String {
    let header: Vec<&str> = COLS.iter().map(|c| c.zh).collect();
    let body: Vec<Vec<String>> = rules
        .iter()
        .map(|r| {
            vec![
                r.code.clone(),
                r.category.clone(),
                r.name.clone(),
                r.points.to_string(),
                r.limit.map(|n| n.to_string()).unwrap_or_default(),
                r.period
                    .map(|p| p.label_zh().to_owned())
                    .unwrap_or_default(),
                if r.evidence { "是" } else { "否" }.to_owned(),
            ]
        })
        .collect();
    to_csv(&header, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(code: &str, points: i64, limit: Option<(u32, Period)>, evidence: bool) -> Rule {
        Rule {
            code: code.into(),
            name: format!("细则 {code}，含逗号"),
            category: "环境卫生".into(),
            points,
            limit: limit.map(|l| l.0),
            period: limit.map(|l| l.1),
            evidence,
        }
    }

    #[test]
    fn a_rule_book_reads_back_as_written() {
        let rules = vec![
            rule("hj-01", 5, Some((1, Period::Month)), true),
            rule("hj-05", -2, None, false),
            rule("xl-02", 10, Some((4, Period::Year)), false),
        ];
        let text = rules_csv(&rules);
        assert!(text.starts_with('\u{feff}'));
        // A penalty's "-2" stays a number, not a defused formula.
        assert!(text.contains(",-2,"), "{text}");
        assert_eq!(parse_rules(&text), Ok(rules));
    }

    #[test]
    fn every_bad_cell_is_named_with_its_line() {
        let text = "编号,类别,细则,分值,次数上限,周期,须附照片\n\
                    hj-01,环境卫生,门前三包,5,1,每月,是\n\
                    hj-01,环境卫生,重复的编号,5,,,否\n\
                    坏 编号,,没有类别,0,2,,也许\n\
                    ok-1,孝老爱亲,赡养老人,abc,,每周,否\n";
        let errors = parse_rules(text).expect_err("bad rows");
        let at: Vec<(usize, Option<&str>)> = errors
            .iter()
            .map(|e| (e.line, e.column.as_deref()))
            .collect();
        assert_eq!(
            at,
            vec![
                (3, Some("编号")),
                (4, Some("编号")),
                (4, Some("类别")),
                (4, Some("分值")),
                (4, Some("须附照片")),
                (4, Some("次数上限")),
                (5, Some("分值")),
                (5, Some("周期")),
            ]
        );
        assert!(errors[0].message_zh.contains("第 2 行"), "{:?}", errors[0]);
    }

    #[test]
    fn short_period_names_and_english_headers_are_understood() {
        let text = "code,category,rule,points,limit,period,photo needed\r\n\
                    a,类,规则,3,2,季度,yes\r\n\
                    b,类,规则,-1,1,year,\r\n";
        let rules = parse_rules(text).expect("reads");
        assert_eq!(
            (
                rules[0].period,
                rules[0].evidence,
                rules[1].period,
                rules[1].evidence
            ),
            (Some(Period::Quarter), true, Some(Period::Year), false)
        );
    }

    #[test]
    fn a_sheet_of_the_four_needed_columns_will_do() {
        let rules = parse_rules("编号,类别,细则,分值\na,卫生,清扫,2\n").expect("reads");
        assert_eq!(
            (rules[0].limit, rules[0].period, rules[0].evidence),
            (None, None, false)
        );
        let missing = parse_rules("编号,细则,分值\na,清扫,2\n").expect_err("no 类别");
        assert!(missing[0].message_zh.contains("类别"), "{:?}", missing);
    }
}
