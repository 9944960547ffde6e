//! Bulk import and export for administrators: a township's grids, staff and households
//! as spreadsheets (CSV as Excel writes it). Pure: the Worker reads the upload, calls
//! these, and writes the rows; every bad row is reported at once so a clerk fixes the
//! file in one go.

use crate::accounts::{AccountRole, RoleGrant, Scope};
use crate::grids::{GridCode, GridKind, GridLevel};
use crate::households::{valid_id, valid_phone, Relation, MAX_MEMBERS};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

mod edit;
mod guide_csv;
mod rules_csv;
pub use edit::*;
pub use guide_csv::{guide_csv, parse_guide, read_guide};
pub use rules_csv::{parse_rules, rules_csv};

/// More data rows than this are refused: one request must stay within the Worker's limits.
pub const MAX_ROWS: usize = 5_000;
/// At most this many errors are returned (the last one then says how many were left out).
pub const MAX_ERRORS: usize = 200;

/// One thing wrong with an imported file; it reaches the wire as a `problem::Detail` in
/// the 422's `errors`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based physical line where the record starts (the header is line 1).
    pub line: usize,
    /// The column's Chinese header, when the problem is in one cell.
    pub column: Option<String>,
    pub message_zh: String,
    pub message_en: String,
}

/// The answer to an import that went in: how many records (grids, people, households) the
/// file held, all now saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportDone {
    pub rows: u32,
}

impl From<RowError> for crate::problem::Detail {
    fn from(e: RowError) -> Self {
        crate::problem::Detail {
            line: Some(e.line),
            field: e.column,
            message_zh: e.message_zh,
            message_en: e.message_en,
        }
    }
}

// ---------------------------------------------------------------------------------------
// CSV (RFC 4180)
// ---------------------------------------------------------------------------------------

/// One CSV record, exactly as written (no trimming).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    /// 1-based physical line where the record starts.
    pub line: usize,
    pub fields: Vec<String>,
}

struct Scanned {
    line: usize,
    fields: Vec<String>,
    error: Option<RowError>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum St {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: either `""` or the field's end.
    QuoteSeen,
}

fn whole_line(line: usize, zh: String, en: String) -> RowError {
    RowError {
        line,
        column: None,
        message_zh: zh,
        message_en: en,
    }
}

fn stray_quote(line: usize) -> RowError {
    whole_line(
        line,
        "英文双引号位置不对：含引号的内容要整体用双引号括起来，内容里的引号写成两个（\"\"）".into(),
        "Misplaced double quote: a field containing quotes must be enclosed in quotes, \
         with each inner quote doubled (\"\")"
            .into(),
    )
}

/// Splits `text` into records, keeping those with a syntax error (flagged) so the caller
/// can report them and still check every other row.
fn scan(text: &str) -> Vec<Scanned> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut it = text.chars().peekable();
    let mut line = 1;
    let mut rec_line = 1;
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut any_quoted = false;
    let mut error: Option<RowError> = None;
    let mut st = St::FieldStart;

    // Ends the record; a physical line with nothing on it (not even `""`) is skipped.
    let mut end = |fields: &mut Vec<String>,
                   any_quoted: &mut bool,
                   error: &mut Option<RowError>,
                   rec_line: usize| {
        let f = std::mem::take(fields);
        let blank = f.len() == 1 && f[0].is_empty() && !*any_quoted && error.is_none();
        if !blank {
            out.push(Scanned {
                line: rec_line,
                fields: f,
                error: error.take(),
            });
        }
        *any_quoted = false;
    };

    while let Some(c) = it.next() {
        let is_break = c == '\r' || c == '\n';
        if is_break && st != St::Quoted {
            if c == '\r' && it.peek() == Some(&'\n') {
                it.next();
            }
            fields.push(std::mem::take(&mut field));
            end(&mut fields, &mut any_quoted, &mut error, rec_line);
            line += 1;
            rec_line = line;
            st = St::FieldStart;
            continue;
        }
        match (st, c) {
            (St::FieldStart, '"') => {
                st = St::Quoted;
                any_quoted = true;
            }
            (St::FieldStart | St::Unquoted | St::QuoteSeen, ',') => {
                fields.push(std::mem::take(&mut field));
                st = St::FieldStart;
            }
            (St::FieldStart, _) => {
                field.push(c);
                st = St::Unquoted;
            }
            (St::Unquoted, '"') => {
                error.get_or_insert_with(|| stray_quote(rec_line));
                field.push(c);
            }
            (St::Unquoted, _) => field.push(c),
            (St::Quoted, '"') => st = St::QuoteSeen,
            (St::Quoted, '\r') => {
                field.push(c);
                if it.peek() == Some(&'\n') {
                    field.push('\n');
                    it.next();
                }
                line += 1;
            }
            (St::Quoted, '\n') => {
                field.push(c);
                line += 1;
            }
            (St::Quoted, _) => field.push(c),
            (St::QuoteSeen, '"') => {
                field.push('"');
                st = St::Quoted;
            }
            (St::QuoteSeen, _) => {
                error.get_or_insert_with(|| stray_quote(rec_line));
                field.push(c);
                st = St::Unquoted;
            }
        }
    }
    match st {
        St::Quoted => {
            error = Some(whole_line(
                rec_line,
                "引号没有闭合：这一行有内容以英文双引号开头，但直到文件末尾都没有结束引号".into(),
                "Unclosed quote: a field on this line starts with a double quote that never ends"
                    .into(),
            ));
            fields.push(field);
            end(&mut fields, &mut any_quoted, &mut error, rec_line);
        }
        St::FieldStart if fields.is_empty() => {}
        _ => {
            fields.push(field);
            end(&mut fields, &mut any_quoted, &mut error, rec_line);
        }
    }
    out
}

/// Reads CSV: quoted fields with `""` escapes and line breaks inside, CRLF / LF / CR line
/// ends, a leading BOM dropped, blank lines skipped. Every malformed record is reported.
pub fn read_csv(text: &str) -> Result<Vec<CsvRecord>, Vec<RowError>> {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for s in scan(text) {
        match s.error {
            Some(e) => errors.push(e),
            None => records.push(CsvRecord {
                line: s.line,
                fields: s.fields,
            }),
        }
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(finish(errors))
    }
}

const FORMULA_CHARS: [char; 4] = ['=', '+', '-', '@'];

/// `-12`, `+86`, `3.5`: numbers a spreadsheet shows as numbers, never as formulas.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match body.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(body),
    }
}

/// Whether a cell would start a formula when the file is opened in a spreadsheet.
fn needs_defuse(s: &str) -> bool {
    s.starts_with(FORMULA_CHARS) && !is_plain_number(s)
}

fn write_record<'a>(out: &mut String, fields: impl ExactSizeIterator<Item = &'a str>) {
    let only = fields.len() == 1;
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let f: Cow<str> = if needs_defuse(f) {
            Cow::Owned(format!("'{f}"))
        } else {
            Cow::Borrowed(f)
        };
        let quote = (only && f.is_empty())
            || f.contains([',', '"', '\r', '\n'])
            || f.starts_with(char::is_whitespace)
            || f.ends_with(char::is_whitespace);
        if quote {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
}

/// Writes CSV the way Excel reads it best: a UTF-8 BOM (else Excel guesses GBK), CRLF,
/// fields quoted only when needed (a lone empty field too, so its row is not read as a
/// blank line). A cell starting with `=`, `+`, `-` or `@` that is not a plain number gets
/// a leading `'`, so a name such as `=HYPERLINK(…)` stays text instead of running as a
/// formula on the clerk's computer (CSV injection); the importers drop that `'` again.
/// A row with no fields at all cannot be represented and reads back as nothing.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    write_record(&mut out, header.iter().copied());
    for r in rows {
        write_record(&mut out, r.iter().map(String::as_str));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Tables: headers, cells, errors
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Col {
    zh: &'static str,
    en: &'static str,
    required: bool,
}

const fn req(zh: &'static str, en: &'static str) -> Col {
    Col {
        zh,
        en,
        required: true,
    }
}

const fn opt(zh: &'static str, en: &'static str) -> Col {
    Col {
        zh,
        en,
        required: false,
    }
}

struct Row {
    line: usize,
    cells: Vec<String>,
}

impl Row {
    fn get(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }
}

/// (Chinese, English) description of what is wrong with a value.
type Problem = (String, String);

fn cell_error(line: usize, col: &Col, (zh, en): Problem) -> RowError {
    RowError {
        line,
        column: Some(col.zh.to_owned()),
        message_zh: format!("「{}」：{zh}", col.zh),
        message_en: format!("{} ({}): {en}", col.zh, col.en),
    }
}

fn take<T>(errors: &mut Vec<RowError>, line: usize, col: &Col, r: Result<T, Problem>) -> Option<T> {
    r.map_err(|p| errors.push(cell_error(line, col, p))).ok()
}

/// Sorts by line (stable, so a row's errors keep column order) and applies the cap.
/// Errors in line order, at most `MAX_ERRORS` (the last then says how many more).
pub fn capped(errors: Vec<RowError>) -> Vec<RowError> {
    finish(errors)
}

fn finish(mut errors: Vec<RowError>) -> Vec<RowError> {
    errors.sort_by_key(|e| e.line);
    if errors.len() > MAX_ERRORS {
        let rest = errors.len() - (MAX_ERRORS - 1);
        let line = errors[MAX_ERRORS - 1].line;
        errors.truncate(MAX_ERRORS - 1);
        errors.push(whole_line(
            line,
            format!("还有 {rest} 处错误未列出：请先改正以上错误再导入"),
            format!("{rest} more errors not listed: fix the ones above and import again"),
        ));
    }
    errors
}

fn done<T>(out: Vec<T>, errors: Vec<RowError>) -> Result<Vec<T>, Vec<RowError>> {
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(finish(errors))
    }
}

/// A value for a message: long ones cut, so one bad cell cannot flood the answer.
fn show(v: &str) -> String {
    const MAX: usize = 30;
    if v.chars().count() > MAX {
        let mut s: String = v.chars().take(MAX).collect();
        s.push('…');
        s
    } else {
        v.to_owned()
    }
}

/// Spreadsheet column letter of a 0-based index (`0` → A, `26` → AA).
fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

/// A cell as the rules see it: trimmed, without the `'` our export puts before a formula
/// character, line breaks as LF.
fn clean(raw: &str) -> String {
    let t = raw.trim();
    let t = match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_CHARS) => rest,
        _ => t,
    };
    // Line breaks inside a cell are stored as LF, whichever way the file was saved.
    if t.contains('\r') {
        t.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        t.to_owned()
    }
}

fn list_columns(cols: &[Col]) -> (String, String) {
    let zh = cols.iter().map(|c| c.zh).collect::<Vec<_>>().join("、");
    let en = cols
        .iter()
        .map(|c| format!("{} ({})", c.zh, c.en))
        .collect::<Vec<_>>()
        .join(", ");
    (zh, en)
}

/// Reads the file, maps the header onto `cols`, and returns every data row as cells in
/// `cols` order. `Err` when nothing row by row can be checked (bad header, no data, too
/// many rows); otherwise the rows plus the errors found so far (syntax, unnamed columns).
fn open(text: &str, cols: &[Col]) -> Result<(Vec<Row>, Vec<RowError>), Vec<RowError>> {
    let no_data = |line| {
        whole_line(
            line,
            "文件中没有数据行".into(),
            "The file has no data rows".into(),
        )
    };
    let mut scanned = scan(text).into_iter();
    let Some(header) = scanned.next() else {
        return Err(vec![no_data(1)]);
    };
    if let Some(e) = header.error {
        return Err(vec![e]);
    }
    let hline = header.line;
    let mut errors = Vec::new();
    let mut map: Vec<Option<usize>> = Vec::with_capacity(header.fields.len());
    let mut seen = vec![false; cols.len()];
    let mut unknown = Vec::new();
    for name in &header.fields {
        let name = name.trim();
        if name.is_empty() {
            map.push(None);
            continue;
        }
        match cols
            .iter()
            .position(|c| c.zh == name || c.en.eq_ignore_ascii_case(name))
        {
            Some(ci) if seen[ci] => {
                let c = &cols[ci];
                errors.push(RowError {
                    line: hline,
                    column: Some(c.zh.to_owned()),
                    message_zh: format!("表头中「{}」列出现了不止一次", c.zh),
                    message_en: format!("Column {} ({}) appears more than once", c.zh, c.en),
                });
                map.push(None);
            }
            Some(ci) => {
                seen[ci] = true;
                map.push(Some(ci));
            }
            None => {
                unknown.push(name.to_owned());
                map.push(None);
            }
        }
    }
    if !unknown.is_empty() {
        let (zh, en) = list_columns(cols);
        errors.push(whole_line(
            hline,
            format!(
                "表头有无法识别的列：{}。可用的列：{zh}",
                unknown
                    .iter()
                    .map(|u| format!("「{}」", show(u)))
                    .collect::<String>()
            ),
            format!(
                "Unknown columns: {}. Expected: {en}",
                unknown
                    .iter()
                    .map(|u| show(u))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let missing: Vec<Col> = cols
        .iter()
        .zip(&seen)
        .filter(|(c, s)| c.required && !**s)
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        let (zh, en) = list_columns(&missing);
        errors.push(whole_line(
            hline,
            format!("缺少必需的列：{zh}"),
            format!("Missing required columns: {en}"),
        ));
    }
    // Rows whose cells are all blank (`,,,` left behind by Excel) are not data.
    let data: Vec<Scanned> = scanned
        .filter(|s| s.error.is_some() || s.fields.iter().any(|f| !f.trim().is_empty()))
        .collect();
    if data.is_empty() {
        errors.push(no_data(hline));
    }
    if !errors.is_empty() {
        return Err(finish(errors));
    }
    if let Some(first_over) = data.get(MAX_ROWS) {
        return Err(vec![whole_line(
            first_over.line,
            format!(
                "数据行太多：共 {} 行，一次最多导入 {MAX_ROWS} 行，请分成几个文件导入",
                data.len()
            ),
            format!(
                "Too many data rows: {} (at most {MAX_ROWS} per import); split the file",
                data.len()
            ),
        )]);
    }
    let mut rows = Vec::with_capacity(data.len());
    for s in data {
        if let Some(e) = s.error {
            errors.push(e);
            continue;
        }
        let mut cells = vec![String::new(); cols.len()];
        for (i, f) in s.fields.iter().enumerate() {
            match map.get(i).copied().flatten() {
                Some(ci) => cells[ci] = clean(f),
                None if f.trim().is_empty() => {}
                None => {
                    let letter = column_letter(i);
                    errors.push(whole_line(
                        s.line,
                        format!("第 {letter} 列没有表头，却填了内容「{}」", show(f.trim())),
                        format!(
                            "Column {letter} has no header but holds \"{}\"",
                            show(f.trim())
                        ),
                    ));
                }
            }
        }
        rows.push(Row {
            line: s.line,
            cells,
        });
    }
    Ok((rows, errors))
}

// ---------------------------------------------------------------------------------------
// Cell rules
// ---------------------------------------------------------------------------------------

fn empty_problem() -> Problem {
    ("不能为空".into(), "must not be empty".into())
}

/// Single-line text of 1..=`max` characters (names, addresses).
fn parse_text(v: &str, max: usize) -> Result<String, Problem> {
    if v.is_empty() {
        return Err(empty_problem());
    }
    if v.chars().any(char::is_control) {
        return Err((
            "不能包含换行等特殊字符".into(),
            "must not contain line breaks or control characters".into(),
        ));
    }
    let n = v.chars().count();
    if n > max {
        return Err((
            format!("太长了：最多 {max} 个字，现有 {n} 个字"),
            format!("too long: at most {max} characters, got {n}"),
        ));
    }
    Ok(v.to_owned())
}

/// Lower-case identifiers (logins, department and shop ids): `[a-z0-9._-]`.
fn parse_slug(v: &str, min: usize, max: usize) -> Result<String, Problem> {
    if v.is_empty() {
        return Err(empty_problem());
    }
    let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-');
    if !v.chars().all(ok) {
        if v.chars().all(|c| ok(c.to_ascii_lowercase())) {
            let lower = v.to_ascii_lowercase();
            return Err((
                format!(
                    "「{}」含大写字母：只能用小写英文字母、数字和 . _ -，请改成「{}」",
                    show(v),
                    show(&lower)
                ),
                format!(
                    "\"{}\" has capital letters: only a-z, 0-9 and . _ - are allowed; write \"{}\"",
                    show(v),
                    show(&lower)
                ),
            ));
        }
        return Err((
            format!(
                "「{}」含不允许的字符：只能用小写英文字母、数字和 . _ -",
                show(v)
            ),
            format!(
                "\"{}\" has characters other than a-z, 0-9 and . _ -",
                show(v)
            ),
        ));
    }
    let n = v.len();
    if !(min..=max).contains(&n) {
        return Err((
            format!("「{}」长度不对：应为 {min} 到 {max} 个字符", show(v)),
            format!("\"{}\" must be {min} to {max} characters long", show(v)),
        ));
    }
    Ok(v.to_owned())
}

/// Digits and dashes, as stored; spaces people type inside a number are dropped.
fn parse_phone(v: &str) -> Result<Option<String>, Problem> {
    let p: String = v.chars().filter(|c| !c.is_whitespace()).collect();
    if p.is_empty() {
        return Ok(None);
    }
    if valid_phone(&p) {
        return Ok(Some(p));
    }
    let mut zh = format!(
        "「{}」不是有效的电话：只能有数字和短横线（-），3 到 20 位，至少 3 个数字",
        show(v)
    );
    let mut en = format!(
        "\"{}\" is not a valid phone: digits and dashes only, 3 to 20 characters, at least 3 digits",
        show(v)
    );
    if v.contains(['E', 'e']) && v.contains('+') {
        zh.push_str("。看起来被表格软件改成了科学计数法，请把这一列设为「文本」格式后重新填写");
        en.push_str(". It looks like the spreadsheet turned it into scientific notation: format the column as text and enter it again");
    }
    Err((zh, en))
}

fn parse_grid_code(v: &str) -> Result<GridCode, Problem> {
    if v.is_empty() {
        return Err(empty_problem());
    }
    GridCode::parse(v).map_err(|_| {
        (
            format!(
                "「{}」不是有效的网格编码：应为 6、9、12 或 15 位数字",
                show(v)
            ),
            format!(
                "\"{}\" is not a valid grid code: 6, 9, 12 or 15 digits expected",
                show(v)
            ),
        )
    })
}

fn parse_grid_level_code(v: &str) -> Result<GridCode, Problem> {
    let code = parse_grid_code(v)?;
    if code.level() != GridLevel::Grid {
        return Err((
            format!("{v} 不是网格级编码（应为 15 位）"),
            format!("{v} is not a grid-level code (15 digits expected)"),
        ));
    }
    Ok(code)
}

fn kind_label_zh(k: GridKind) -> &'static str {
    match k {
        GridKind::Basic => "基础网格",
        GridKind::Dedicated => "专属网格",
    }
}

fn parse_kind(v: &str) -> Result<GridKind, Problem> {
    if v.is_empty() || v == "基础网格" || v.eq_ignore_ascii_case("basic") {
        Ok(GridKind::Basic)
    } else if v == "专属网格" || v.eq_ignore_ascii_case("dedicated") {
        Ok(GridKind::Dedicated)
    } else {
        Err((
            format!("「{}」不是有效的类型：请填「基础网格」或「专属网格」，留空即基础网格", show(v)),
            format!(
                "\"{}\" is not a valid kind: 基础网格 (basic) or 专属网格 (dedicated); empty means basic",
                show(v)
            ),
        ))
    }
}

fn parse_household_count(v: &str) -> Result<Option<u32>, Problem> {
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<u32>() {
        Ok(n) if v.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => Err((
            format!("「{}」不是有效的户数：请填 0 或正整数，或留空", show(v)),
            format!(
                "\"{}\" is not a valid number of households: a whole number from 0, or empty",
                show(v)
            ),
        )),
    }
}

fn importable_roles() -> impl Iterator<Item = AccountRole> {
    AccountRole::ALL.into_iter().filter(|r| r.is_staff())
}

fn parse_role(v: &str) -> Result<AccountRole, Problem> {
    if v.is_empty() {
        return Err(empty_problem());
    }
    match AccountRole::ALL
        .into_iter()
        .find(|r| r.label_zh() == v || r.as_str().eq_ignore_ascii_case(v))
    {
        Some(AccountRole::Resident) => Err((
            "居民不在人员表里导入：居民随户表（户编号、成员）导入".into(),
            "Residents are not imported here: they come with the households list".into(),
        )),
        Some(r) => Ok(r),
        None => Err((
            format!(
                "「{}」不是可导入的角色：可填 {}",
                show(v),
                importable_roles()
                    .map(|r| r.label_zh())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            format!(
                "\"{}\" is not an importable role: {}",
                show(v),
                importable_roles()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// A scope by its form: a grid code, `部门:<id>` / `department:<id>`, or `超市:<id>` /
/// `shop:<id>` (a full-width `：` typed with a Chinese IME works too).
fn parse_scope(v: &str) -> Result<Scope, Problem> {
    if v.is_empty() {
        return Err(empty_problem());
    }
    let Some((prefix, id)) = v.split_once([':', '：']) else {
        return parse_grid_code(v).map(|c| Scope::Grid(c.as_str().to_owned()));
    };
    let (prefix, id) = (prefix.trim(), id.trim());
    let make: fn(String) -> Scope = if prefix == "部门" || prefix.eq_ignore_ascii_case("department")
    {
        Scope::Department
    } else if prefix == "超市" || prefix.eq_ignore_ascii_case("shop") {
        Scope::Shop
    } else {
        return Err((
            format!("「{}」的前缀不对：只能是「部门:」或「超市:」，网格范围直接填网格编码", show(prefix)),
            format!(
                "Unknown prefix \"{}\": use 部门: (department:) or 超市: (shop:), or a bare grid code",
                show(prefix)
            ),
        ));
    };
    let id = parse_slug(id, 1, 64).map_err(|(zh, en)| (format!("编号{zh}"), format!("id {en}")))?;
    Ok(make(id))
}

/// Whether `scope` is the kind of place `role` is granted over.
fn scope_fits(role: AccountRole, scope: &Scope) -> Result<(), Problem> {
    let fits = match role {
        AccountRole::DepartmentHandler => matches!(scope, Scope::Department(_)),
        AccountRole::ShopClerk => matches!(scope, Scope::Shop(_)),
        _ => matches!(scope, Scope::Grid(_)),
    };
    if fits {
        return Ok(());
    }
    let (zh, en) = match role {
        AccountRole::DepartmentHandler => ("「部门:编号」，如 部门:water", "department:<id>"),
        AccountRole::ShopClerk => ("「超市:编号」，如 超市:dg-shop", "shop:<id>"),
        _ => ("网格编码", "a grid code"),
    };
    Err((
        format!("{}的范围应填{zh}", role.label_zh()),
        format!("the scope of a {} must be {en}", role.label_en()),
    ))
}

fn scope_cell(s: &Scope) -> String {
    match s {
        Scope::Grid(code) => code.clone(),
        Scope::Department(id) => format!("部门:{id}"),
        Scope::Shop(id) => format!("超市:{id}"),
    }
}

fn parse_relation(v: &str) -> Result<Relation, Problem> {
    if v.is_empty() {
        return Err(empty_problem());
    }
    Relation::parse(v).ok_or_else(|| {
        (
            format!(
                "「{}」不是有效的关系：可填 {}",
                show(v),
                Relation::ALL.map(|r| r.label_zh()).join("、")
            ),
            format!(
                "\"{}\" is not a valid relation: {}",
                show(v),
                Relation::ALL.map(|r| r.as_str()).join(", ")
            ),
        )
    })
}

fn parse_household_id(v: &str) -> Result<String, Problem> {
    if v.is_empty() {
        return Err(empty_problem());
    }
    if valid_id(v) {
        Ok(v.to_owned())
    } else {
        Err((
            format!(
                "「{}」不是有效的户编号：只能用英文字母、数字和 . _ -，最多 64 个字符",
                show(v)
            ),
            format!(
                "\"{}\" is not a valid household id: letters, digits and . _ -, at most 64",
                show(v)
            ),
        ))
    }
}

// ---------------------------------------------------------------------------------------
// 网格 grids
// ---------------------------------------------------------------------------------------

const GRID_COLS: [Col; 5] = [
    req("编码", "code"),
    req("名称", "name"),
    req("类型", "kind"),
    req("范围", "scope"),
    req("户数", "households"),
];
const G_CODE: usize = 0;
const G_NAME: usize = 1;
const G_KIND: usize = 2;
const G_SCOPE: usize = 3;
const G_HOUSEHOLDS: usize = 4;

/// One grid of an import; its parent follows from the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    /// Where it came from; ignored on export.
    pub line: usize,
    pub code: GridCode,
    pub name: String,
    pub kind: GridKind,
    pub scope: String,
    pub households: Option<u32>,
}

impl GridRow {
    pub fn parent(&self) -> Option<GridCode> {
        self.code.parent()
    }
}

/// Reads a 网格 list (`编码,名称,类型,范围,户数`).
pub fn parse_grids(text: &str) -> Result<Vec<GridRow>, Vec<RowError>> {
    let (rows, errors) = read_grids(text);
    done(rows, errors)
}

/// Every row that passed and every error (unsorted, uncapped: see `capped`), so the
/// caller can add its own checks on the good rows and report all problems at once.
pub fn read_grids(text: &str) -> (Vec<GridRow>, Vec<RowError>) {
    let (rows, mut errors) = match open(text, &GRID_COLS) {
        Ok(opened) => opened,
        Err(errors) => return (Vec::new(), errors),
    };
    let cols = &GRID_COLS;
    let mut out = Vec::with_capacity(rows.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in &rows {
        let line = r.line;
        let e = &mut errors;
        let code = take(e, line, &cols[G_CODE], parse_grid_code(r.get(G_CODE)));
        if let Some(code) = &code {
            if let Some(first) = seen.get(code.as_str()) {
                let p = (
                    format!("{code} 与第 {first} 行重复"),
                    format!("{code} repeats line {first}"),
                );
                e.push(cell_error(line, &cols[G_CODE], p));
            } else {
                seen.insert(code.as_str().to_owned(), line);
            }
        }
        let name = take(e, line, &cols[G_NAME], parse_text(r.get(G_NAME), 100));
        let kind = take(e, line, &cols[G_KIND], parse_kind(r.get(G_KIND)));
        let households = take(
            e,
            line,
            &cols[G_HOUSEHOLDS],
            parse_household_count(r.get(G_HOUSEHOLDS)),
        );
        if let (Some(code), Some(name), Some(kind), Some(households)) =
            (code, name, kind, households)
        {
            out.push(GridRow {
                line,
                code,
                name,
                kind,
                scope: r.get(G_SCOPE).to_owned(),
                households,
            });
        }
    }
    (out, errors)
}

/// Every non-county grid's parent must already exist (`exists`, the database) or be in
/// the file itself; otherwise the tree would have orphans.
pub fn check_grid_parents(rows: &[GridRow], exists: impl Fn(&str) -> bool) -> Vec<RowError> {
    let in_file: HashSet<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let mut errors = Vec::new();
    for r in rows {
        let Some(parent) = r.parent() else { continue };
        if !in_file.contains(parent.as_str()) && !exists(parent.as_str()) {
            errors.push(cell_error(
                r.line,
                &GRID_COLS[G_CODE],
                (
                    format!("上级 {parent} 不存在：请先建好上级，或把上级也写进本文件"),
                    format!(
                        "parent {parent} does not exist: create it first or add it to this file"
                    ),
                ),
            ));
        }
    }
    finish(errors)
}

/// The 网格 list, re-importable as is.
pub fn grids_csv(rows: &[GridRow]) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.code.to_string(),
                r.name.clone(),
                kind_label_zh(r.kind).to_owned(),
                r.scope.clone(),
                r.households.map(|n| n.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    to_csv(&GRID_COLS.map(|c| c.zh), &body)
}

// ---------------------------------------------------------------------------------------
// 人员 people
// ---------------------------------------------------------------------------------------

const PERSON_COLS: [Col; 6] = [
    req("登录名", "login"),
    req("姓名", "name"),
    req("电话", "phone"),
    req("角色", "role"),
    req("范围", "scope"),
    opt("服务承诺", "commitment"),
];
const P_LOGIN: usize = 0;
const P_NAME: usize = 1;
const P_PHONE: usize = 2;
const P_ROLE: usize = 3;
const P_SCOPE: usize = 4;
const P_COMMITMENT: usize = 5;

/// One staff account of an import, with every role it is granted (one file row each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    /// The person's first row.
    pub line: usize,
    pub login: String,
    pub name: String,
    pub phone: Option<String>,
    /// Each grant with the line it came from.
    pub grants: Vec<(usize, RoleGrant)>,
    /// 服务承诺 (public service commitment); empty if none.
    pub commitment: String,
}

/// A value that must be the same on every row of one person or household, with the line
/// it was first given on.
struct Agreed<T>(Option<(T, usize)>);

impl<T: PartialEq> Agreed<T> {
    /// `Err(first line)` when `v` differs from what an earlier row said.
    fn agree(&mut self, v: T, line: usize) -> Result<(), usize> {
        match &self.0 {
            Some((first, first_line)) if *first != v => Err(*first_line),
            Some(_) => Ok(()),
            None => {
                self.0 = Some((v, line));
                Ok(())
            }
        }
    }

    fn value(self) -> Option<T> {
        self.0.map(|(v, _)| v)
    }
}

struct PersonAcc {
    line: usize,
    login: String,
    name: Agreed<String>,
    phone: Agreed<Option<String>>,
    commitment: Agreed<String>,
    grants: Vec<(usize, RoleGrant)>,
}

/// Reads a 人员 list (`登录名,姓名,电话,角色,范围[,服务承诺]`), one row per role grant.
/// Name and phone must agree across a person's rows; a 服务承诺 may be given once and
/// left blank on the others, but two different ones are refused.
pub fn parse_people(text: &str) -> Result<Vec<PersonRow>, Vec<RowError>> {
    let (rows, errors) = read_people(text);
    done(rows, errors)
}

/// Every row that passed and every error (unsorted, uncapped: see `capped`), so the
/// caller can add its own checks on the good rows and report all problems at once.
pub fn read_people(text: &str) -> (Vec<PersonRow>, Vec<RowError>) {
    let (rows, mut errors) = match open(text, &PERSON_COLS) {
        Ok(opened) => opened,
        Err(errors) => return (Vec::new(), errors),
    };
    let cols = &PERSON_COLS;
    let mut people: Vec<PersonAcc> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in &rows {
        let line = r.line;
        let e = &mut errors;
        let login = take(e, line, &cols[P_LOGIN], parse_slug(r.get(P_LOGIN), 2, 64));
        let name = take(e, line, &cols[P_NAME], parse_text(r.get(P_NAME), 50));
        let phone = take(e, line, &cols[P_PHONE], parse_phone(r.get(P_PHONE)));
        let role = take(e, line, &cols[P_ROLE], parse_role(r.get(P_ROLE)));
        let scope = take(e, line, &cols[P_SCOPE], parse_scope(r.get(P_SCOPE)));
        let grant = match (role, scope) {
            (Some(role), Some(scope)) => take(e, line, &cols[P_SCOPE], scope_fits(role, &scope))
                .map(|()| RoleGrant { role, scope }),
            _ => None,
        };
        let commitment = r.get(P_COMMITMENT).to_owned();
        let Some(login) = login else { continue };
        let i = *index.entry(login.clone()).or_insert_with(|| {
            people.push(PersonAcc {
                line,
                login: login.clone(),
                name: Agreed(None),
                phone: Agreed(None),
                commitment: Agreed(None),
                grants: Vec::new(),
            });
            people.len() - 1
        });
        let p = &mut people[i];
        if let Some(name) = name {
            if let Err(first) = p.name.agree(name, line) {
                let m = (
                    format!("与第 {first} 行（同一登录名 {login}）的姓名不一致"),
                    format!("differs from the name given for {login} on line {first}"),
                );
                e.push(cell_error(line, &cols[P_NAME], m));
            }
        }
        if let Some(phone) = phone {
            if let Err(first) = p.phone.agree(phone, line) {
                let m = (
                    format!("与第 {first} 行（同一登录名 {login}）的电话不一致"),
                    format!("differs from the phone given for {login} on line {first}"),
                );
                e.push(cell_error(line, &cols[P_PHONE], m));
            }
        }
        if !commitment.is_empty() {
            if let Err(first) = p.commitment.agree(commitment, line) {
                let m = (
                    format!("与第 {first} 行（同一登录名 {login}）的服务承诺不一致；只需在一行填写"),
                    format!("differs from the commitment given for {login} on line {first}; give it once"),
                );
                e.push(cell_error(line, &cols[P_COMMITMENT], m));
            }
        }
        if let Some(grant) = grant {
            if let Some((first, _)) = p.grants.iter().find(|(_, g)| *g == grant) {
                let m = (
                    format!("与第 {first} 行重复：{login} 已有这个角色和范围"),
                    format!("repeats line {first}: {login} already has this role and scope"),
                );
                e.push(cell_error(line, &cols[P_ROLE], m));
            } else {
                p.grants.push((line, grant));
            }
        }
    }
    let out = people
        .into_iter()
        .map(|p| PersonRow {
            line: p.line,
            login: p.login,
            name: p.name.value().unwrap_or_default(),
            phone: p.phone.value().flatten(),
            grants: p.grants,
            commitment: p.commitment.value().unwrap_or_default(),
        })
        .collect();
    (out, errors)
}

/// Grid scopes must name grids that exist, and department scopes active departments.
pub fn check_person_scopes(
    rows: &[PersonRow],
    grid_exists: impl Fn(&str) -> bool,
    department_exists: impl Fn(&str) -> bool,
) -> Vec<RowError> {
    let mut errors = Vec::new();
    for (line, g) in rows.iter().flat_map(|p| &p.grants) {
        let missing = match &g.scope {
            Scope::Grid(code) if !grid_exists(code) => (
                format!("网格 {code} 不存在：请先导入网格"),
                format!("grid {code} does not exist: import the grids first"),
            ),
            Scope::Department(id) if !department_exists(id) => (
                format!("部门 {id} 不存在或已停用：请先在「部门」里建好"),
                format!("department {id} does not exist or is deactivated: create it first"),
            ),
            _ => continue,
        };
        errors.push(cell_error(*line, &PERSON_COLS[P_SCOPE], missing));
    }
    finish(errors)
}

/// The 人员 list, one row per grant, re-importable as is.
pub fn people_csv(rows: &[PersonRow]) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .flat_map(|p| {
            p.grants.iter().map(move |(_, g)| {
                vec![
                    p.login.clone(),
                    p.name.clone(),
                    p.phone.clone().unwrap_or_default(),
                    g.role.label_zh().to_owned(),
                    scope_cell(&g.scope),
                    p.commitment.clone(),
                ]
            })
        })
        .collect();
    to_csv(&PERSON_COLS.map(|c| c.zh), &body)
}

// ---------------------------------------------------------------------------------------
// 户 households
// ---------------------------------------------------------------------------------------

const HOUSEHOLD_COLS: [Col; 6] = [
    req("户编号", "id"),
    req("网格编码", "grid_code"),
    req("地址", "address"),
    req("姓名", "name"),
    req("与户主关系", "relation"),
    req("电话", "phone"),
];
const H_ID: usize = 0;
const H_GRID: usize = 1;
const H_ADDRESS: usize = 2;
const H_NAME: usize = 3;
const H_RELATION: usize = 4;
const H_PHONE: usize = 5;

/// One household of an import: the rows sharing a 户编号, in first-seen order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdRow {
    /// The household's first row.
    pub line: usize,
    pub id: String,
    /// Always a 15-digit grid-level code.
    pub grid_code: GridCode,
    pub address: String,
    pub members: Vec<MemberRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub line: usize,
    pub name: String,
    pub relation: Relation,
    pub phone: Option<String>,
}

struct HouseholdAcc {
    line: usize,
    id: String,
    grid: Agreed<GridCode>,
    address: Agreed<String>,
    members: Vec<MemberRow>,
    /// Rows seen, bad ones included (for the member cap).
    rows: usize,
    head: Option<usize>,
    /// A row's relation was unreadable: it may have been the head, so no "no head" error.
    relation_unknown: bool,
}

/// Reads a 户 list (`户编号,网格编码,地址,姓名,与户主关系,电话`), one row per member; rows
/// with the same 户编号 (anywhere in the file) are one household, with one 户主.
pub fn parse_households(text: &str) -> Result<Vec<HouseholdRow>, Vec<RowError>> {
    let (rows, errors) = read_households(text);
    done(rows, errors)
}

/// Every row that passed and every error (unsorted, uncapped: see `capped`), so the
/// caller can add its own checks on the good rows and report all problems at once.
pub fn read_households(text: &str) -> (Vec<HouseholdRow>, Vec<RowError>) {
    let (rows, mut errors) = match open(text, &HOUSEHOLD_COLS) {
        Ok(opened) => opened,
        Err(errors) => return (Vec::new(), errors),
    };
    let cols = &HOUSEHOLD_COLS;
    let mut homes: Vec<HouseholdAcc> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in &rows {
        let line = r.line;
        let e = &mut errors;
        let id = take(e, line, &cols[H_ID], parse_household_id(r.get(H_ID)));
        let grid = take(e, line, &cols[H_GRID], parse_grid_level_code(r.get(H_GRID)));
        let address = take(e, line, &cols[H_ADDRESS], parse_text(r.get(H_ADDRESS), 200));
        let name = take(e, line, &cols[H_NAME], parse_text(r.get(H_NAME), 50));
        let relation = take(
            e,
            line,
            &cols[H_RELATION],
            parse_relation(r.get(H_RELATION)),
        );
        let phone = take(e, line, &cols[H_PHONE], parse_phone(r.get(H_PHONE)));
        let Some(id) = id else { continue };
        let i = *index.entry(id.clone()).or_insert_with(|| {
            homes.push(HouseholdAcc {
                line,
                id: id.clone(),
                grid: Agreed(None),
                address: Agreed(None),
                members: Vec::new(),
                rows: 0,
                head: None,
                relation_unknown: false,
            });
            homes.len() - 1
        });
        let h = &mut homes[i];
        h.rows += 1;
        if h.rows == MAX_MEMBERS + 1 {
            let m = (
                format!("户 {id} 的成员超过 {MAX_MEMBERS} 人"),
                format!("household {id} has more than {MAX_MEMBERS} members"),
            );
            e.push(cell_error(line, &cols[H_ID], m));
        }
        if let Some(grid) = grid {
            if let Err(first) = h.grid.agree(grid, line) {
                let m = (
                    format!("与第 {first} 行（同一户 {id}）的网格编码不一致"),
                    format!("differs from the grid code of household {id} on line {first}"),
                );
                e.push(cell_error(line, &cols[H_GRID], m));
            }
        }
        if let Some(address) = address {
            if let Err(first) = h.address.agree(address, line) {
                let m = (
                    format!("与第 {first} 行（同一户 {id}）的地址不一致"),
                    format!("differs from the address of household {id} on line {first}"),
                );
                e.push(cell_error(line, &cols[H_ADDRESS], m));
            }
        }
        match relation {
            None => h.relation_unknown = true,
            Some(Relation::Head) => match h.head {
                Some(first) => {
                    let m = (
                        format!("户 {id} 已在第 {first} 行填了户主，一户只能有一位户主"),
                        format!("household {id} already has a head on line {first}; only one is allowed"),
                    );
                    e.push(cell_error(line, &cols[H_RELATION], m));
                }
                None => h.head = Some(line),
            },
            Some(_) => {}
        }
        if let (Some(name), Some(relation), Some(phone)) = (name, relation, phone) {
            h.members.push(MemberRow {
                line,
                name,
                relation,
                phone,
            });
        }
    }
    let mut out = Vec::with_capacity(homes.len());
    for h in homes {
        if h.head.is_none() && !h.relation_unknown {
            let m = (
                format!(
                    "户 {} 没有户主：请把其中一人的「与户主关系」填为「户主」",
                    h.id
                ),
                format!(
                    "household {} has no head: mark one member as 户主 (head)",
                    h.id
                ),
            );
            errors.push(cell_error(h.line, &cols[H_RELATION], m));
        }
        if let (Some(grid_code), Some(address)) = (h.grid.value(), h.address.value()) {
            out.push(HouseholdRow {
                line: h.line,
                id: h.id,
                grid_code,
                address,
                members: h.members,
            });
        }
    }
    (out, errors)
}

/// Each household's grid must exist.
pub fn check_household_grids(
    rows: &[HouseholdRow],
    grid_exists: impl Fn(&str) -> bool,
) -> Vec<RowError> {
    let mut errors = Vec::new();
    for h in rows {
        if !grid_exists(h.grid_code.as_str()) {
            let code = &h.grid_code;
            errors.push(cell_error(
                h.line,
                &HOUSEHOLD_COLS[H_GRID],
                (
                    format!("网格 {code} 不存在：请先导入网格"),
                    format!("grid {code} does not exist: import the grids first"),
                ),
            ));
        }
    }
    finish(errors)
}

/// The 户 list, one row per member, re-importable as is.
pub fn households_csv(rows: &[HouseholdRow]) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .flat_map(|h| {
            h.members.iter().map(move |m| {
                vec![
                    h.id.clone(),
                    h.grid_code.to_string(),
                    h.address.clone(),
                    m.name.clone(),
                    m.relation.label_zh().to_owned(),
                    m.phone.clone().unwrap_or_default(),
                ]
            })
        })
        .collect();
    to_csv(&HOUSEHOLD_COLS.map(|c| c.zh), &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(errors: &[RowError]) -> Vec<(usize, Option<&str>)> {
        errors
            .iter()
            .map(|e| (e.line, e.column.as_deref()))
            .collect()
    }

    fn crlf_bom(s: &str) -> String {
        format!("\u{feff}{}", s.replace('\n', "\r\n"))
    }

    fn code(s: &str) -> GridCode {
        GridCode::parse(s).unwrap()
    }

    // --- CSV -----------------------------------------------------------------------

    #[test]
    fn reads_quotes_escapes_and_line_ends() {
        let text = "\u{feff}a,\"b,\nc\"\r\nd\r\n\r\n\"e\"\"f\",\n  \nx\ry\n\n\n";
        let recs = read_csv(text).unwrap();
        let got: Vec<(usize, Vec<&str>)> = recs
            .iter()
            .map(|r| (r.line, r.fields.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, vec!["a", "b,\nc"]),
                (3, vec!["d"]),
                (5, vec!["e\"f", ""]),
                (6, vec!["  "]),
                (7, vec!["x"]),
                (8, vec!["y"]),
            ]
        );
        assert_eq!(read_csv("").unwrap(), vec![]);
        assert_eq!(read_csv("\u{feff}").unwrap(), vec![]);
        // No final line break; a quoted empty field is a record, not a blank line.
        let recs = read_csv("a,b\n\"\"").unwrap();
        assert_eq!(recs[1].fields, [""]);
        assert_eq!(recs[1].line, 2);
    }

    #[test]
    fn reports_every_malformed_record() {
        let errs = read_csv("a,b\nx\"y,1\nok,2\n\"p\"q,3\nz,\"never closed\n4\n").unwrap_err();
        assert_eq!(at(&errs), [(2, None), (4, None), (5, None)]);
        assert!(errs[0].message_zh.contains("双引号位置不对"));
        assert!(errs[2].message_zh.contains("引号没有闭合"));
    }

    #[test]
    fn writes_bom_crlf_minimal_quotes_and_defused_formulas() {
        let rows = vec![
            vec!["1,2".to_owned(), "say \"hi\"".to_owned()],
            vec![" x".to_owned(), "-5".to_owned()],
            vec!["=cmd|' /C calc'!A0".to_owned(), "@x".to_owned()],
            vec!["+86 138".to_owned(), "+86".to_owned()],
            vec!["a\nb".to_owned(), "".to_owned()],
            vec!["".to_owned()],
        ];
        assert_eq!(
            to_csv(&["编码", "名称"], &rows),
            "\u{feff}编码,名称\r\n\"1,2\",\"say \"\"hi\"\"\"\r\n\" x\",-5\r\n\
             '=cmd|' /C calc'!A0,'@x\r\n'+86 138,+86\r\n\"a\nb\",\r\n\"\"\r\n"
        );
        assert!(is_plain_number("-12.5") && is_plain_number("+0"));
        assert!(!is_plain_number("-") && !is_plain_number("1.") && !is_plain_number("-1+2"));
    }

    fn written_breaks(s: &str) -> usize {
        s.replace("\r\n", "\n").matches(['\n', '\r']).count()
    }

    proptest! {
        /// What `to_csv` writes, `read_csv` reads back field for field (formula cells with
        /// their `'`), each record at the physical line it was written on.
        #[test]
        fn csv_round_trip(
            header in proptest::collection::vec("[a-z中 ,\"\r\n=+@'0-9.\t-]{0,6}", 1..4),
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z中 ,\"\r\n=+@'0-9.\t-]{0,6}", 1..5), 0..6),
        ) {
            let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
            let text = to_csv(&header_refs, &rows);
            let back = read_csv(&text).unwrap();
            let all: Vec<&Vec<String>> = std::iter::once(&header).chain(&rows).collect();
            prop_assert_eq!(back.len(), all.len());
            let mut line = 1;
            for (rec, want) in back.iter().zip(all) {
                let want: Vec<String> = want
                    .iter()
                    .map(|f| if needs_defuse(f) { format!("'{f}") } else { f.clone() })
                    .collect();
                prop_assert_eq!(rec.line, line);
                prop_assert_eq!(&rec.fields, &want);
                line += 1 + want.iter().map(|f| written_breaks(f)).sum::<usize>();
            }
        }

        /// Any grid name survives export and import, formula-looking ones included.
        #[test]
        fn grid_names_round_trip(name in "[a-z中=+@'\",-][a-z中 =+@'\",\\-]{0,30}[a-z中]") {
            prop_assume!(!(name.starts_with('\'') && name[1..].starts_with(FORMULA_CHARS)));
            let rows = vec![GridRow {
                line: 2,
                code: code("990101"),
                name,
                kind: GridKind::Basic,
                scope: String::new(),
                households: None,
            }];
            prop_assert_eq!(parse_grids(&grids_csv(&rows)).unwrap(), rows);
        }
    }

    // --- Grids ---------------------------------------------------------------------

    const GRIDS: &str = "编码,名称,类型,范围,户数
990101,禾丰县,,,
990101001,柳塘镇,基础网格,,
990101001001,东岗村,,一组、二组,
990101001001001,东岗村第一网格,基础网格,\"一组,二组
村东片\",120
990101001001002,东岗小学,专属网格,东岗小学,0
";

    #[test]
    fn reads_a_good_grid_file_in_every_encoding_excel_writes() {
        for text in [
            GRIDS.to_owned(),
            crlf_bom(GRIDS),
            format!("\u{feff}{GRIDS}"),
        ] {
            let rows = parse_grids(&text).unwrap();
            let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, [2, 3, 4, 5, 7]);
            assert_eq!(rows[0].code.as_str(), "990101");
            assert_eq!(rows[0].parent(), None);
            assert_eq!(rows[3].parent(), Some(code("990101001001")));
            assert_eq!(rows[3].scope, "一组,二组\n村东片");
            assert_eq!(rows[3].households, Some(120));
            assert_eq!(rows[3].kind, GridKind::Basic);
            assert_eq!(rows[4].kind, GridKind::Dedicated);
            assert_eq!(rows[4].households, Some(0));
            assert_eq!(rows[1].households, None);
        }
    }

    #[test]
    fn english_headers_in_any_order() {
        let text = " households ,Scope,KIND,name,code\n3,,dedicated,东岗小学,990101001001002\n";
        let rows = parse_grids(text).unwrap();
        assert_eq!(rows[0].name, "东岗小学");
        assert_eq!(rows[0].kind, GridKind::Dedicated);
        assert_eq!(rows[0].households, Some(3));
    }

    #[test]
    fn header_problems_are_reported_on_line_1() {
        let errs = parse_grids("编码,名称,备注,类型,Remark\n990101,禾丰县,,,\n").unwrap_err();
        assert_eq!(at(&errs), [(1, None), (1, None)]);
        assert!(errs[0].message_zh.contains("「备注」「Remark」"));
        assert!(errs[1].message_zh.contains("缺少必需的列：范围、户数"));

        let errs = parse_grids("编码,code,名称,类型,范围,户数\n990101,990101,县,,,\n").unwrap_err();
        assert_eq!(at(&errs), [(1, Some("编码"))]);
    }

    #[test]
    fn a_file_without_data_rows_is_refused() {
        for text in [
            "",
            "\u{feff}",
            "\u{feff}编码,名称,类型,范围,户数\r\n",
            "编码,名称,类型,范围,户数\n,,,,\n\n  ,,\n",
        ] {
            let errs = parse_grids(text).unwrap_err();
            assert_eq!(at(&errs), [(1, None)], "{text:?}");
            assert_eq!(errs[0].message_zh, "文件中没有数据行");
        }
    }

    #[test]
    fn every_bad_grid_row_and_cell_is_reported() {
        let long = "长".repeat(101);
        let text = format!(
            "编码,名称,类型,范围,户数
990101,禾丰县,,,
99010,柳塘镇,,,
990101001,,专属, , -1
990101,重复县,,,

990101002,{long},,,abc
990101003,\"白\"马镇,,,
990101004,\"新桥
镇\",,,
990101005,青山镇,,,,多出来
"
        );
        let errs = parse_grids(&text).unwrap_err();
        assert_eq!(
            at(&errs),
            [
                (3, Some("编码")),
                (4, Some("名称")),
                (4, Some("类型")),
                (4, Some("户数")),
                (5, Some("编码")),
                (7, Some("名称")),
                (7, Some("户数")),
                (8, None),
                (9, Some("名称")),
                (11, None),
            ]
        );
        assert!(errs[0].message_zh.contains("不是有效的网格编码"));
        assert!(errs[1].message_zh.contains("不能为空"));
        assert!(errs[4].message_zh.contains("与第 2 行重复"));
        assert!(errs[5].message_zh.contains("最多 100 个字，现有 101 个字"));
        assert!(errs[8].message_zh.contains("换行"));
        assert!(errs[9].message_zh.contains("第 F 列没有表头"));
        assert!(errs[3].message_en.contains("households"));
    }

    #[test]
    fn too_many_rows_or_errors_are_capped() {
        let mut text = String::from("编码,名称,类型,范围,户数\n");
        for _ in 0..=MAX_ROWS {
            text.push_str("990101,县,,,\n");
        }
        let errs = parse_grids(&text).unwrap_err();
        assert_eq!(at(&errs), [(MAX_ROWS + 2, None)]);
        assert!(errs[0].message_zh.contains("共 5001 行"));

        let mut text = String::from("编码,名称,类型,范围,户数\n");
        for _ in 0..300 {
            text.push_str("9,县,,,\n");
        }
        let errs = parse_grids(&text).unwrap_err();
        assert_eq!(errs.len(), MAX_ERRORS);
        assert_eq!(errs[MAX_ERRORS - 2].line, MAX_ERRORS);
        let last = &errs[MAX_ERRORS - 1];
        assert_eq!(
            last.message_zh,
            "还有 101 处错误未列出：请先改正以上错误再导入"
        );
        assert_eq!(last.line, MAX_ERRORS + 1);
    }

    #[test]
    fn parents_must_exist_in_the_database_or_the_file() {
        let text = "编码,名称,类型,范围,户数
990101001002001,新桥社区第一网格,,,
990101001001,东岗村,,,
990101001002,新桥社区,,,
990101002001,青山村,,,
";
        let rows = parse_grids(text).unwrap();
        let in_db = |c: &str| ["990101", "990101001"].contains(&c);
        let errs = check_grid_parents(&rows, in_db);
        assert_eq!(at(&errs), [(5, Some("编码"))]);
        assert!(errs[0].message_zh.contains("上级 990101002 不存在"));
        assert!(check_grid_parents(&rows, |_| true).is_empty());
    }

    #[test]
    fn grids_export_reimports_unchanged() {
        let rows = parse_grids(GRIDS).unwrap();
        let csv = grids_csv(&rows);
        assert!(csv.starts_with("\u{feff}编码,名称,类型,范围,户数\r\n990101,禾丰县,基础网格,,\r\n"));
        assert_eq!(parse_grids(&csv).unwrap(), rows);

        let mut odd = rows.clone();
        odd[1].name = "=HYPERLINK(\"http://x\",\"点我\")".into();
        odd[2].scope = "-一组 \"东头\"".into();
        let csv = grids_csv(&odd);
        assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""));
        assert!(csv.contains(",\"'-一组 \"\"东头\"\"\","));
        assert_eq!(parse_grids(&csv).unwrap(), odd);
    }

    // --- People --------------------------------------------------------------------

    const PEOPLE: &str = "登录名,姓名,电话,角色,范围,服务承诺
zhangwei,张伟,13812345678,网格员,990101001001001,\"随叫随到,有事必办\"
lina,李娜,,乡镇调度员,990101001,
zhangwei,张伟,13812345678,grid_leader,990101001001,
shui.wu,王强,0372-5551234,部门处置人员,部门:water,
shop-1,赵敏,,shop_clerk,shop：dg-shop,
";

    #[test]
    fn reads_people_grouped_by_login() {
        for text in [PEOPLE.to_owned(), crlf_bom(PEOPLE)] {
            let people = parse_people(&text).unwrap();
            let logins: Vec<&str> = people.iter().map(|p| p.login.as_str()).collect();
            assert_eq!(logins, ["zhangwei", "lina", "shui.wu", "shop-1"]);
            let zw = &people[0];
            assert_eq!((zw.line, zw.name.as_str()), (2, "张伟"));
            assert_eq!(zw.phone.as_deref(), Some("13812345678"));
            assert_eq!(zw.commitment, "随叫随到,有事必办");
            assert_eq!(
                zw.grants,
                [
                    (
                        2,
                        RoleGrant {
                            role: AccountRole::GridWorker,
                            scope: Scope::Grid("990101001001001".into())
                        }
                    ),
                    (
                        4,
                        RoleGrant {
                            role: AccountRole::GridLeader,
                            scope: Scope::Grid("990101001001".into())
                        }
                    ),
                ]
            );
            assert_eq!(people[1].phone, None);
            assert_eq!(people[1].commitment, "");
            assert_eq!(
                people[2].grants[0].1.scope,
                Scope::Department("water".into())
            );
            assert_eq!(people[3].grants[0].1.scope, Scope::Shop("dg-shop".into()));
        }
        // 服务承诺 is optional; English headers work too.
        let people =
            parse_people("login,name,phone,role,scope\nadmin1,周敏,,admin,990101\n").unwrap();
        assert_eq!(people[0].grants[0].1.role, AccountRole::Admin);
        assert_eq!(people[0].commitment, "");
    }

    #[test]
    fn every_bad_person_row_is_reported() {
        let text = "登录名,姓名,电话,角色,范围
ZhangWei,张伟,138,网格员,990101001001001
zw,张伟,12a,居民,990101001001001
zw,张伟,,网格员,部门:water
zw,张卫,,网格员,990101001001001
zw,张伟,,网格员,990101001001001
x,某,,管理员,99
dept,王,1.38123E+10,部门处置人员,department:Water
shop,钱,,积分超市店员,仓库:a
";
        let errs = parse_people(text).unwrap_err();
        assert_eq!(
            at(&errs),
            [
                (2, Some("登录名")),
                (3, Some("电话")),
                (3, Some("角色")),
                (4, Some("范围")),
                (5, Some("姓名")),
                (6, Some("角色")),
                (7, Some("登录名")),
                (7, Some("范围")),
                (8, Some("电话")),
                (8, Some("范围")),
                (9, Some("范围")),
            ]
        );
        let zh: Vec<&str> = errs.iter().map(|e| e.message_zh.as_str()).collect();
        assert!(zh[0].contains("含大写字母") && zh[0].contains("请改成「zhangwei」"));
        assert!(zh[2].contains("居民不在人员表里导入"));
        assert!(zh[3].contains("网格员的范围应填网格编码"));
        assert!(zh[4].contains("与第 3 行（同一登录名 zw）的姓名不一致"));
        assert!(zh[5].contains("与第 5 行重复"));
        assert!(zh[6].contains("应为 2 到 64 个字符"));
        assert!(zh[8].contains("科学计数法"));
        assert!(zh[9].contains("编号") && zh[9].contains("请改成「water」"));
        assert!(zh[10].contains("前缀不对"));
    }

    #[test]
    fn commitments_may_be_given_once_but_not_twice_differently() {
        let text = "登录名,姓名,电话,角色,范围,服务承诺
zw,张伟,,网格员,990101001001001,有事必办
zw,张伟,,网格长,990101001001,
zw,张伟,,网格指导员,990101001,随叫随到
";
        let errs = parse_people(text).unwrap_err();
        assert_eq!(at(&errs), [(4, Some("服务承诺"))]);
        let ok = parse_people(&text.replace("随叫随到", "有事必办")).unwrap();
        assert_eq!(ok[0].commitment, "有事必办");
    }

    #[test]
    fn person_grid_scopes_must_exist() {
        let people = parse_people(PEOPLE).unwrap();
        let errs = check_person_scopes(&people, |c| c != "990101001001", |_| true);
        assert_eq!(at(&errs), [(4, Some("范围"))]);
        assert!(errs[0].message_zh.contains("网格 990101001001 不存在"));
        let errs = check_person_scopes(&people, |_| true, |d| d != "water");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].message_zh.contains("部门 water 不存在或已停用"));
    }

    #[test]
    fn people_export_reimports_unchanged() {
        let people = parse_people(PEOPLE).unwrap();
        let csv = people_csv(&people);
        assert!(csv.starts_with("\u{feff}登录名,姓名,电话,角色,范围,服务承诺\r\n"));
        assert!(csv.contains("\r\nshui.wu,王强,0372-5551234,部门处置人员,部门:water,\r\n"));
        assert!(csv.contains("\r\nshop-1,赵敏,,积分超市店员,超市:dg-shop,\r\n"));
        let back = parse_people(&csv).unwrap();
        // Export writes a person's grants together, so only the lines move.
        assert_eq!(people_csv(&back), csv);
        let mut relined = back.clone();
        for (b, p) in relined.iter_mut().zip(&people) {
            b.line = p.line;
            for (bg, pg) in b.grants.iter_mut().zip(&p.grants) {
                bg.0 = pg.0;
            }
        }
        assert_eq!(relined, people);
        assert_eq!(back[0].grants[1].0, 3);
    }

    // --- Households ----------------------------------------------------------------

    const HOUSEHOLDS: &str = "户编号,网格编码,地址,姓名,与户主关系,电话
hh-001,990101001001001,东岗村一组12号,张德明,户主,13812345678
hh-002,990101001001001,\"东岗村一组14号,东屋\",李秀英,head,
hh-001,990101001001001,东岗村一组12号,王桂兰,配偶,
hh-002,990101001001001,\"东岗村一组14号,东屋\",李小军,child,138 1234 5679
";

    #[test]
    fn reads_households_with_members_anywhere_in_the_file() {
        for text in [HOUSEHOLDS.to_owned(), crlf_bom(HOUSEHOLDS)] {
            let homes = parse_households(&text).unwrap();
            assert_eq!(homes.len(), 2);
            let (a, b) = (&homes[0], &homes[1]);
            assert_eq!(
                (a.line, a.id.as_str(), a.address.as_str()),
                (2, "hh-001", "东岗村一组12号")
            );
            assert_eq!(a.grid_code.as_str(), "990101001001001");
            let members: Vec<(usize, &str, Relation)> = a
                .members
                .iter()
                .map(|m| (m.line, m.name.as_str(), m.relation))
                .collect();
            assert_eq!(
                members,
                [
                    (2, "张德明", Relation::Head),
                    (4, "王桂兰", Relation::Spouse)
                ]
            );
            assert_eq!(b.address, "东岗村一组14号,东屋");
            assert_eq!(b.members[1].relation, Relation::Child);
            assert_eq!(b.members[1].phone.as_deref(), Some("13812345679"));
            assert_eq!(b.members[0].phone, None);
        }
        let english =
            "id,grid_code,address,name,relation,phone\nh1,990101001001001,一组1号,张三,head,\n";
        assert_eq!(
            parse_households(english).unwrap()[0].members[0].name,
            "张三"
        );
    }

    #[test]
    fn every_bad_household_row_is_reported() {
        let text = "户编号,网格编码,地址,姓名,与户主关系,电话
hh-1,990101,东岗村1号,张三,户主,
hh-1,990101001001001,东岗村2号,李四,户主,
hh-2,990101001001001,东岗村3号,王五,配偶,
hh 3,990101001001001,,赵六,朋友,1
hh-1,990101001001002,东岗村1号,孙七,子女,
";
        let errs = parse_households(text).unwrap_err();
        assert_eq!(
            at(&errs),
            [
                (2, Some("网格编码")),
                (3, Some("地址")),
                (3, Some("与户主关系")),
                (4, Some("与户主关系")),
                (5, Some("户编号")),
                (5, Some("地址")),
                (5, Some("与户主关系")),
                (5, Some("电话")),
                (6, Some("网格编码")),
            ]
        );
        let zh: Vec<&str> = errs.iter().map(|e| e.message_zh.as_str()).collect();
        assert_eq!(zh[0], "「网格编码」：990101 不是网格级编码（应为 15 位）");
        assert!(zh[1].contains("与第 2 行（同一户 hh-1）的地址不一致"));
        assert!(zh[2].contains("已在第 2 行填了户主"));
        assert!(zh[3].contains("户 hh-2 没有户主"));
        assert!(zh[6].contains("不是有效的关系"));
        assert!(zh[8].contains("与第 3 行（同一户 hh-1）的网格编码不一致"));
        assert_eq!(
            errs[0].message_en,
            "网格编码 (grid_code): 990101 is not a grid-level code (15 digits expected)"
        );
    }

    #[test]
    fn household_size_is_capped() {
        let mut text = String::from(
            "户编号,网格编码,地址,姓名,与户主关系,电话\nh,990101001001001,1号,甲,户主,\n",
        );
        for _ in 0..MAX_MEMBERS {
            text.push_str("h,990101001001001,1号,乙,子女,\n");
        }
        let errs = parse_households(&text).unwrap_err();
        assert_eq!(at(&errs), [(MAX_MEMBERS + 2, Some("户编号"))]);
    }

    #[test]
    fn household_grids_must_exist() {
        let homes = parse_households(HOUSEHOLDS).unwrap();
        assert!(check_household_grids(&homes, |_| true).is_empty());
        let errs = check_household_grids(&homes, |_| false);
        assert_eq!(at(&errs), [(2, Some("网格编码")), (3, Some("网格编码"))]);
    }

    #[test]
    fn households_export_reimports_unchanged() {
        let sorted = "户编号,网格编码,地址,姓名,与户主关系,电话
hh-001,990101001001001,东岗村一组12号,张德明,户主,13812345678
hh-001,990101001001001,东岗村一组12号,王桂兰,配偶,
hh-002,990101001001001,\"东岗村一组14号,东屋\",李秀英,户主,
hh-002,990101001001001,\"东岗村一组14号,东屋\",李小军,子女,0731-5551234
";
        let homes = parse_households(sorted).unwrap();
        let csv = households_csv(&homes);
        assert_eq!(csv, crlf_bom(sorted));
        assert_eq!(parse_households(&csv).unwrap(), homes);
        // Members given apart come out together.
        let apart = parse_households(HOUSEHOLDS).unwrap();
        let again = parse_households(&households_csv(&apart)).unwrap();
        assert_eq!(households_csv(&again), households_csv(&apart));
    }

    #[test]
    fn a_row_error_becomes_a_problem_detail() {
        let e = RowError {
            line: 7,
            column: Some("网格编码".into()),
            message_zh: "「网格编码」：990101 不是网格级编码（应为 15 位）".into(),
            message_en: "x".into(),
        };
        let d: crate::problem::Detail = e.into();
        assert_eq!((d.line, d.field.as_deref()), (Some(7), Some("网格编码")));
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(5), "F");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
