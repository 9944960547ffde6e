//! The service guide as a spreadsheet: one item per row, Chinese headers. Lists inside a
//! cell go one entry per line (Alt+Enter in Excel), the parts of an entry split by `|`
//! (or a full-width `｜`):
//! - 所需材料: `名称|原件/复印件/原件和复印件|份数|备注|可代收` (after the name all optional:
//!   原件, 1 份, no note, 否);
//! - 办理流程: `名称|说明|工作日`;
//! - 常见问题: `问|答`;
//! - 别名, 人生事件, 服务对象: separated by `、` (or `,` `;` `，` `；`).

use super::{done, open, parse_text, req, show, take, to_csv, Col, Problem, RowError};
use crate::guide::{Audience, Faq, GuideItem, Keys, LifeEvent, Material, MaterialForm, Step};

const COLS: [Col; 20] = [
    req("编号", "code"),
    req("名称", "name"),
    req("别名", "aliases"),
    req("部门", "department"),
    req("人生事件", "life events"),
    req("服务对象", "audience"),
    req("办理条件", "conditions"),
    req("所需材料", "materials"),
    req("办理流程", "steps"),
    req("承诺时限", "promised days"),
    req("法定时限", "legal days"),
    req("收费", "fees"),
    req("办理地点", "place"),
    req("办公时间", "hours"),
    req("咨询电话", "phone"),
    req("网上办理", "online"),
    req("到现场次数", "visits"),
    req("法律依据", "legal basis"),
    req("常见问题", "FAQ"),
    req("可代办", "errand"),
];

fn list(v: &str) -> Vec<String> {
    v.split(['、', ',', ';', '，', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parts(line: &str) -> Vec<String> {
    line.split(['|', '｜'])
        .map(|s| s.trim().to_owned())
        .collect()
}

fn days(v: &str) -> Result<Option<u16>, Problem> {
    if v.is_empty() {
        return Ok(None);
    }
    v.parse::<u16>().map(Some).map_err(|_| {
        (
            format!(
                "「{}」不是工作日天数：请填 0 或正整数（0 即即办），或留空",
                show(v)
            ),
            format!(
                "\"{}\" is not a number of working days (0 = at once), or empty",
                show(v)
            ),
        )
    })
}

fn yes_no(v: &str) -> Result<bool, Problem> {
    match v {
        "是" | "可" | "可以" | "yes" | "Yes" | "YES" | "1" => Ok(true),
        "" | "否" | "不可" | "no" | "No" | "NO" | "0" => Ok(false),
        _ => Err((
            format!("「{}」应填「是」或「否」", show(v)),
            format!("\"{}\": write 是 (yes) or 否 (no)", show(v)),
        )),
    }
}

fn events(v: &str) -> Result<Vec<LifeEvent>, Problem> {
    list(v)
        .iter()
        .map(|e| {
            LifeEvent::ALL
                .into_iter()
                .find(|x| x.label_zh() == e || format!("{x:?}").eq_ignore_ascii_case(e))
                .ok_or_else(|| {
                    let all: Vec<&str> = LifeEvent::ALL.iter().map(|x| x.label_zh()).collect();
                    (
                        format!("「{}」不是人生事件：可填 {}", show(e), all.join("、")),
                        format!("\"{}\" is not a life event: {}", show(e), all.join(", ")),
                    )
                })
        })
        .collect()
}

fn audience(v: &str) -> Result<Vec<Audience>, Problem> {
    list(v)
        .iter()
        .map(|a| match a.as_str() {
            "个人" | "person" => Ok(Audience::Person),
            "企业" | "business" => Ok(Audience::Business),
            _ => Err((
                format!("「{}」不是服务对象：可填 个人、企业", show(a)),
                format!(
                    "\"{}\" is not an audience: 个人 (person), 企业 (business)",
                    show(a)
                ),
            )),
        })
        .collect()
}

fn form_label(f: MaterialForm) -> &'static str {
    match f {
        MaterialForm::Original => "原件",
        MaterialForm::Copy => "复印件",
        MaterialForm::Both => "原件和复印件",
    }
}

fn materials(v: &str) -> Result<Vec<Material>, Problem> {
    v.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let p = parts(l);
            let get = |i: usize| p.get(i).map_or("", String::as_str);
            let form = match get(1) {
                "" | "原件" => MaterialForm::Original,
                "复印件" => MaterialForm::Copy,
                "原件和复印件" | "原件及复印件" => MaterialForm::Both,
                other => {
                    return Err((
                        format!(
                            "材料「{}」的形式「{}」不对：可填 原件、复印件、原件和复印件",
                            show(get(0)),
                            show(other)
                        ),
                        format!(
                            "material \"{}\": form \"{}\" must be 原件, 复印件 or 原件和复印件",
                            show(get(0)),
                            show(other)
                        ),
                    ))
                }
            };
            let copies = match get(2) {
                "" => 1,
                n => n.trim_end_matches('份').parse::<u8>().map_err(|_| {
                    (
                        format!("材料「{}」的份数「{}」不是数字", show(get(0)), show(n)),
                        format!(
                            "material \"{}\": copies \"{}\" is not a number",
                            show(get(0)),
                            show(n)
                        ),
                    )
                })?,
            };
            Ok(Material {
                name: get(0).to_owned(),
                form,
                copies,
                notes: get(3).to_owned(),
                collectable: yes_no(get(4))?,
            })
        })
        .collect()
}

fn steps(v: &str) -> Result<Vec<Step>, Problem> {
    v.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let p = parts(l);
            let get = |i: usize| p.get(i).map_or("", String::as_str);
            Ok(Step {
                name: get(0).to_owned(),
                detail: get(1).to_owned(),
                days: days(get(2).trim_end_matches("个工作日").trim_end_matches('天'))?,
            })
        })
        .collect()
}

fn faq(v: &str) -> Result<Vec<Faq>, Problem> {
    v.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let p = parts(l);
            match p.as_slice() {
                [q, a] => Ok(Faq {
                    q: q.clone(),
                    a: a.clone(),
                }),
                _ => Err((
                    format!("常见问题「{}」应写成「问|答」", show(l)),
                    format!("FAQ \"{}\" must be \"question|answer\"", show(l)),
                )),
            }
        })
        .collect()
}

/// Reads a 办事指南 list: every item that passed the cell rules, with its line, and every
/// error. The caller adds `GuideItem::problems()` and the database's checks.
pub fn read_guide(text: &str) -> (Vec<(usize, GuideItem)>, Vec<RowError>) {
    let (rows, mut errors) = match open(text, &COLS) {
        Ok(opened) => opened,
        Err(errors) => return (Vec::new(), errors),
    };
    let mut out = Vec::new();
    // Codes, repeats and the rest of an item's rules are checked by the importer, as for
    // every way in (`GuideItem::problems`).
    for r in &rows {
        let (line, e) = (r.line, &mut errors);
        let c = |i: usize| r.get(i);
        let code = c(0).to_owned();
        let name = take(e, line, &COLS[1], parse_text(c(1), 100));
        let events = take(e, line, &COLS[4], events(c(4)));
        let audience = take(e, line, &COLS[5], audience(c(5)));
        let materials = take(e, line, &COLS[7], materials(c(7)));
        let steps = take(e, line, &COLS[8], steps(c(8)));
        let promised = take(e, line, &COLS[9], days(c(9)));
        let legal = take(e, line, &COLS[10], days(c(10)));
        let visits = take(
            e,
            line,
            &COLS[16],
            c(16).parse::<u8>().map_err(|_| {
                (
                    format!("「{}」不是次数：请填 0、1、2 …", show(c(16))),
                    format!("\"{}\" is not a number of visits", show(c(16))),
                )
            }),
        );
        let faq = take(e, line, &COLS[18], faq(c(18)));
        let errand = take(e, line, &COLS[19], yes_no(c(19)));
        let (
            Some(name),
            Some(events),
            Some(audience),
            Some(materials),
            Some(steps),
            Some(promised_days),
            Some(legal_days),
            Some(visits),
            Some(faq),
            Some(errand),
        ) = (
            name, events, audience, materials, steps, promised, legal, visits, faq, errand,
        )
        else {
            continue;
        };
        out.push((
            line,
            GuideItem {
                code,
                name,
                aliases: list(c(2)),
                department: c(3).to_owned(),
                events,
                audience,
                conditions: c(6).to_owned(),
                materials,
                steps,
                promised_days,
                legal_days,
                fees: c(11).to_owned(),
                place: c(12).to_owned(),
                hours: c(13).to_owned(),
                phone: c(14).to_owned(),
                online: c(15).to_owned(),
                visits,
                legal_basis: c(17).to_owned(),
                faq,
                errand,
                updated_at: 0,
                version: 0,
                keys: Keys::default(),
            },
        ));
    }
    (out, errors)
}

/// Reads a 办事指南 list, all or nothing (cell rules only).
pub fn parse_guide(text: &str) -> Result<Vec<(usize, GuideItem)>, Vec<RowError>> {
    let (rows, errors) = read_guide(text);
    done(rows, errors)
}

fn opt_days(d: Option<u16>) -> String {
    d.map(|n| n.to_string()).unwrap_or_default()
}

/// The 办事指南 list, re-importable as is (BOM, CRLF, one item per row).
pub fn guide_csv(items: &[GuideItem]) -> String {
    let yes = |b: bool| if b { "是" } else { "否" }.to_owned();
    let body: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            vec![
                i.code.clone(),
                i.name.clone(),
                i.aliases.join("、"),
                i.department.clone(),
                i.events
                    .iter()
                    .map(|e| e.label_zh())
                    .collect::<Vec<_>>()
                    .join("、"),
                i.audience
                    .iter()
                    .map(|a| match a {
                        Audience::Person => "个人",
                        Audience::Business => "企业",
                    })
                    .collect::<Vec<_>>()
                    .join("、"),
                i.conditions.clone(),
                i.materials
                    .iter()
                    .map(|m| {
                        format!(
                            "{}|{}|{}|{}|{}",
                            m.name,
                            form_label(m.form),
                            m.copies,
                            m.notes,
                            yes(m.collectable)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                i.steps
                    .iter()
                    .map(|s| format!("{}|{}|{}", s.name, s.detail, opt_days(s.days)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                opt_days(i.promised_days),
                opt_days(i.legal_days),
                i.fees.clone(),
                i.place.clone(),
                i.hours.clone(),
                i.phone.clone(),
                i.online.clone(),
                i.visits.to_string(),
                i.legal_basis.clone(),
                i.faq
                    .iter()
                    .map(|f| format!("{}|{}", f.q, f.a))
                    .collect::<Vec<_>>()
                    .join("\n"),
                yes(i.errand),
            ]
        })
        .collect();
    to_csv(&COLS.map(|c| c.zh), &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo catalogue (124 items) as the seed file has it.
    fn demo() -> Vec<GuideItem> {
        let mut raw: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../../functions/seed/guide.json")).unwrap();
        for v in &mut raw {
            v["keys"] = serde_json::json!({ "name": [], "aliases": [] });
        }
        serde_json::from_value(serde_json::Value::Array(raw)).unwrap()
    }

    #[test]
    fn the_demo_catalogue_round_trips_through_a_spreadsheet() {
        let items = demo();
        let csv = guide_csv(&items);
        assert!(csv.starts_with("\u{feff}编号,名称,别名,部门,人生事件"));
        let back = parse_guide(&csv).unwrap();
        assert_eq!(back.len(), items.len());
        for ((_, got), want) in back.iter().zip(&items) {
            let mut want = want.clone();
            want.updated_at = 0;
            want.version = 0;
            assert_eq!(got, &want, "{}", want.code);
        }
        // What Excel does to it (CRLF inside cells too) changes nothing.
        let excel = csv.replace("\r\n", "\n").replace('\n', "\r\n");
        assert_eq!(parse_guide(&excel).unwrap().len(), items.len());
    }

    #[test]
    fn bad_cells_are_reported_with_line_and_column() {
        let items = demo();
        let csv = guide_csv(&items[..2]);
        let mut lines: Vec<String> = csv.split("\r\n").map(str::to_owned).collect();
        // Line 2 is the first item's row (one physical line unless a cell holds breaks).
        let bad = guide_csv(&items[..1])
            .replace("|原件|", "|正本|")
            .replace(",否\r\n", ",也许\r\n");
        let bad_row = bad
            .split_once("\r\n")
            .map(|(_, rest)| rest.to_owned())
            .unwrap();
        lines.truncate(1);
        let text = format!("{}\r\n{bad_row}", lines[0]);
        let errors = parse_guide(&text).unwrap_err();
        let cols: Vec<&str> = errors.iter().filter_map(|e| e.column.as_deref()).collect();
        assert!(cols.contains(&"所需材料"), "{errors:?}");
        assert!(errors.iter().all(|e| e.line == 2), "{errors:?}");
    }
}
