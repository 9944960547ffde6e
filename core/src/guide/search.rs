//! Finding a guide item from what a resident types: Chinese, full pinyin (`yanglao`),
//! initials (`ylbx`), a mix (`yang老`), a last syllable cut short (`yanglaob`), and — for
//! Chinese of three characters or more — one wrong or missing character (an IME homophone:
//! 保线 for 保险). Pure and allocation-light: it runs in the SPA over the cached catalogue
//! on every keystroke, so the index is built once and a query only walks it.
//!
//! The SPA carries no pinyin table: each item arrives with the readings of its name and
//! aliases (`Keys`, computed by the Worker). Heteronyms were settled there by phrase, so
//! 重新 reads `chong` and 重量 `zhong`.

use super::{GuideItem, Keys};

/// How well a field matched; the best field decides an item's score.
const EXACT: u32 = 1000;
const PREFIX: u32 = 800;
const CONTAINS: u32 = 600;
/// A match through initials ranks below the same match through full syllables.
const INITIALS_PENALTY: u32 = 100;
/// One character missing (all typed characters found, one skipped between them) ranks
/// above one character wrong.
const MISSING: u32 = 300;
const WRONG: u32 = 250;
/// Body text (conditions, materials, department) only matches Chinese directly.
const BODY: u32 = 150;

/// Field weights, in hundredths: a name outranks an alias.
const NAME_WEIGHT: u32 = 100;
const ALIAS_WEIGHT: u32 = 90;

/// Longest query looked at (longer ones are cut): bounds the work per keystroke.
const MAX_QUERY: usize = 32;

/// One searchable field of one item: its characters and, per character, its readings.
struct Field {
    chars: Vec<char>,
    /// Per character: its readings (toneless, lower case); empty for a non-Han character,
    /// which matches itself.
    readings: Vec<Vec<String>>,
    /// Letters appearing in any reading or latin character: a query with a letter outside
    /// this set cannot match through pinyin (a cheap filter before the walk).
    letters: u32,
    weight: u32,
}

struct Entry {
    fields: Vec<Field>,
    /// Department, conditions and material names, for Chinese queries.
    body: String,
    name_len: usize,
}

/// The catalogue, ready to search.
pub struct Index {
    codes: Vec<String>,
    entries: Vec<Entry>,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub code: String,
    pub score: u32,
}

fn letter_bit(c: char) -> u32 {
    if c.is_ascii_lowercase() {
        1 << (c as u32 - 'a' as u32)
    } else {
        0
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// What a person typed, as compared: full-width forms folded, latin lower-cased, ü as v,
/// spaces and apostrophes (syllable separators) dropped.
pub fn normalize(query: &str) -> Vec<char> {
    query
        .chars()
        .filter_map(|c| {
            let c = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            match c {
                'ü' | 'Ü' => Some('v'),
                c if c.is_whitespace() || matches!(c, '\'' | '’' | '·') => None,
                c => Some(c.to_ascii_lowercase()),
            }
        })
        .take(MAX_QUERY)
        .collect()
}

fn field(text: &str, readings: &[String], weight: u32) -> Field {
    let chars: Vec<char> = text.chars().map(|c| c.to_ascii_lowercase()).collect();
    let readings: Vec<Vec<String>> = chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if !is_han(*c) {
                return Vec::new();
            }
            readings
                .get(i)
                .map(|r| {
                    r.split('|')
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let mut letters = 0;
    for (c, r) in chars.iter().zip(&readings) {
        letters |= letter_bit(*c);
        for s in r {
            letters |= s.chars().map(letter_bit).fold(0, |a, b| a | b);
        }
    }
    Field {
        chars,
        readings,
        letters,
        weight,
    }
}

impl Index {
    pub fn new(items: &[GuideItem]) -> Self {
        let mut codes = Vec::with_capacity(items.len());
        let mut entries = Vec::with_capacity(items.len());
        for item in items {
            codes.push(item.code.clone());
            entries.push(entry(item));
        }
        Index { codes, entries }
    }

    /// Every item that matches, best first (ties: shorter name, then code).
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let q = normalize(query);
        if q.is_empty() {
            return Vec::new();
        }
        let han_only = q.iter().all(|c| is_han(*c));
        let needed = q.iter().map(|c| letter_bit(*c)).fold(0, |a, b| a | b);
        let text: String = q.iter().collect();
        let mut hits: Vec<(u32, usize, &str)> = Vec::new();
        for (entry, code) in self.entries.iter().zip(&self.codes) {
            let mut best = 0;
            for f in &entry.fields {
                best = best.max(score_field(f, &q, needed) * f.weight / 100);
            }
            if best == 0 && han_only {
                if entry.body.contains(&text) {
                    best = BODY;
                } else if q.len() >= 3 {
                    for f in &entry.fields {
                        let s = if one_missing(&q, &f.chars) {
                            MISSING
                        } else if within_one_edit(&q, &f.chars) {
                            WRONG
                        } else {
                            0
                        };
                        best = best.max(s * f.weight / 100);
                    }
                }
            }
            if best > 0 {
                hits.push((best, entry.name_len, code));
            }
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
        hits.into_iter()
            .map(|(score, _, code)| Hit {
                code: code.to_owned(),
                score,
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

fn entry(item: &GuideItem) -> Entry {
    let Keys { name, aliases } = &item.keys;
    let mut fields = vec![field(&item.name, name, NAME_WEIGHT)];
    for (i, alias) in item.aliases.iter().enumerate() {
        let empty = Vec::new();
        fields.push(field(alias, aliases.get(i).unwrap_or(&empty), ALIAS_WEIGHT));
    }
    let mut body = String::new();
    body.push_str(&item.department);
    body.push('\n');
    body.push_str(&item.conditions);
    for m in &item.materials {
        body.push('\n');
        body.push_str(&m.name);
    }
    Entry {
        fields,
        body,
        name_len: item.name.chars().count(),
    }
}

/// The best way `q` matches a run of `f`'s characters: 0 for none.
fn score_field(f: &Field, q: &[char], needed: u32) -> u32 {
    if needed & !f.letters != 0 {
        return 0;
    }
    let n = f.chars.len();
    let mut best = 0;
    for start in 0..n {
        let Some((end, initials)) = walk(f, q, start) else {
            continue;
        };
        let tier = if start == 0 && end == n {
            EXACT
        } else if start == 0 {
            PREFIX
        } else {
            CONTAINS
        };
        let s = if initials {
            tier - INITIALS_PENALTY
        } else {
            tier
        };
        best = best.max(s);
        if best == EXACT {
            break;
        }
    }
    best
}

/// Whether `q` matches `f` from character `start` on: (the character after the match,
/// whether initials were used). Depth-first over the ways a latin run splits into
/// syllables, initials and a partial last syllable; the fullest reading wins.
fn walk(f: &Field, q: &[char], start: usize) -> Option<(usize, bool)> {
    fn go(f: &Field, q: &[char], i: usize, j: usize, initials: bool) -> Option<(usize, bool)> {
        if i == q.len() {
            return Some((j, initials));
        }
        let c = *f.chars.get(j)?;
        let qc = q[i];
        if f.readings[j].is_empty() || is_han(qc) {
            // Chinese typed as Chinese, latin and digits as themselves.
            return if qc == c {
                go(f, q, i + 1, j + 1, initials)
            } else {
                None
            };
        }
        let rest = &q[i..];
        let mut found: Option<(usize, bool)> = None;
        for r in &f.readings[j] {
            let r: Vec<char> = r.chars().collect();
            if rest.len() >= r.len() && rest[..r.len()] == r[..] {
                if let Some(m) = go(f, q, i + r.len(), j + 1, initials) {
                    if !m.1 {
                        return Some(m);
                    }
                    found = found.or(Some(m));
                }
            } else if rest.len() < r.len() && r[..rest.len()] == rest[..] {
                // The last syllable, still being typed.
                return Some((j + 1, initials || rest.len() == 1));
            }
            // Initials: the first letter, or zh/ch/sh.
            for len in [2, 1] {
                let two = len == 2 && r.len() > 2 && matches!(r[..2], ['z' | 'c' | 's', 'h']);
                if (len == 1 || two) && rest.len() >= len && rest[..len] == r[..len] {
                    if let Some(m) = go(f, q, i + len, j + 1, true) {
                        found = found.or(Some(m));
                    }
                }
            }
        }
        found
    }
    go(f, q, 0, start, false)
}

/// Whether `text` holds `q` with one character more somewhere inside it (the person left
/// one out).
fn one_missing(q: &[char], text: &[char]) -> bool {
    let m = q.len();
    (0..text.len()).any(|s| {
        let (mut i, mut t, mut skipped) = (0, s, false);
        while i < m && t < text.len() {
            if text[t] == q[i] {
                i += 1;
            } else if i > 0 && !skipped {
                skipped = true;
            } else {
                break;
            }
            t += 1;
        }
        i == m
    })
}

/// Whether `q` is within one substitution, deletion or insertion of some run of `text`
/// (Sellers' approximate substring match with k = 1).
fn within_one_edit(q: &[char], text: &[char]) -> bool {
    let m = q.len();
    // prev[i]: edits to match q[..i] ending at the previous text position.
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0; m + 1];
    if prev[m] <= 1 {
        return true;
    }
    for &t in text {
        cur[0] = 0;
        for i in 1..=m {
            let sub = prev[i - 1] + usize::from(q[i - 1] != t);
            cur[i] = sub.min(prev[i] + 1).min(cur[i - 1] + 1);
        }
        if cur[m] <= 1 {
            return true;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    false
}
