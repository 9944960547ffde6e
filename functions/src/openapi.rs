//! The API's OpenAPI 3.1 document, generated — never written by hand — from the route
//! table (`routes::ROUTES`: paths, methods, access rules) and the JSON Schemas of the `core`
//! wire types (schemars derives behind core's `schema` feature, a dev-dependency here, so
//! schemars never reaches the Worker's wasm).
//!
//! Native tests only: the Worker serves the checked-in `functions/openapi.json`, and the
//! tests below keep it equal to what is generated here. After changing a route or a wire
//! type, regenerate it with
//!
//! ```text
//! WANGGE_WRITE_OPENAPI=1 cargo test -p wangge-functions openapi
//! ```

use crate::routes::{is_write, Access, Handler, Route, ROUTES};
use schemars::generate::{SchemaGenerator, SchemaSettings};
use schemars::JsonSchema;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use wangge_core::accounts::{
    Activation, Me, Redeem, SetPassword, SignIn, WorkPhone, WorkPhoneConsent,
};
use wangge_core::admin::{
    AccountEdit, Department, DepartmentEdit, DepartmentPage, GridAdmin, GridEdit, ImportDone,
    StaffAccount, StaffPage,
};
use wangge_core::grids::{GridCard, GridTree};
use wangge_core::guide::{GuideDelta, GuideEntryPage, GuideItem, GuideSave, GuideVersion};
use wangge_core::households::{Household, HouseholdDraft, HouseholdPage, MoveOut, MovedOut};
use wangge_core::inbox::{Inbox, MarkRead};
use wangge_core::points as pts;
use wangge_core::privacy::{AccessPage, AskDeletion, DeletionRequest, MyData};
use wangge_core::problem::{Problem, ProblemCode};
use wangge_core::reports::deadline::{CalendarView, CalendarYearSave};
use wangge_core::reports::{
    ActionRequest, Category, NewReport, PhotoKey, Report, ReportPage, ReportSummary,
};

/// Where every schema lives, and how a `$ref` names it.
const SCHEMAS: &str = "/components/schemas";
/// The session cookie (`accounts::COOKIE`), as an OpenAPI security scheme.
const SESSION: &str = "wangge_session";
/// The checked-in document, as the Worker serves it.
const CHECKED_IN: &str = include_str!("../openapi.json");
const WRITE_ENV: &str = "WANGGE_WRITE_OPENAPI";
const JSON: &str = "application/json";
const CSV: &str = "text/csv";

/// A spreadsheet as text (UTF-8, an optional BOM, RFC 4180).
fn csv_text() -> Value {
    json!({ "type": "string", "contentMediaType": "text/csv" })
}

/// Schemas of request bodies (how the Worker reads them) and of answers (how it writes
/// them), both into `components.schemas`.
struct Schemas {
    bodies: SchemaGenerator,
    answers: SchemaGenerator,
}

impl Schemas {
    fn new() -> Schemas {
        let settings = SchemaSettings::draft2020_12().with(|s| s.definitions_path = SCHEMAS.into());
        Schemas {
            bodies: settings.clone().for_deserialize().into_generator(),
            answers: settings.for_serialize().into_generator(),
        }
    }

    /// A `$ref` to `T` as a request body.
    fn body<T: JsonSchema>(&mut self) -> Value {
        self.bodies.subschema_for::<T>().to_value()
    }

    /// A `$ref` to `T` as an answer.
    fn answer<T: JsonSchema>(&mut self) -> Value {
        self.answers.subschema_for::<T>().to_value()
    }

    /// Every schema referenced so far. A type both read and written must have one schema.
    fn into_components(mut self) -> Map<String, Value> {
        let mut all = self.answers.take_definitions(true);
        for (name, schema) in self.bodies.take_definitions(true) {
            match all.get(&name) {
                Some(other) => assert_eq!(
                    other, &schema,
                    "{name} reads differently than it is written: give the two contracts \
                     their own names"
                ),
                None => {
                    all.insert(name, schema);
                }
            }
        }
        all
    }
}

/// What one handler takes and answers.
struct Operation {
    summary: &'static str,
    /// The request body's schema.
    body: Option<Value>,
    /// The success status, with what it carries (none: an empty answer).
    status: u16,
    answer: Option<Value>,
    answer_is: &'static str,
    /// Query parameters: name and meaning.
    query: &'static [(&'static str, &'static str)],
    /// Answered with an ETag (and 304 to a matching `If-None-Match`).
    etag: bool,
    /// Sets (or clears) the session cookie.
    cookie: bool,
    /// Problems of the handler itself (the route's rule and method add theirs).
    problems: &'static [ProblemCode],
    /// The media type of the body and the answer.
    media: &'static str,
}

/// Each handler's contract, read from its code in `grids.rs`, `accounts.rs`,
/// `households.rs`. Exhaustive: a new handler does not compile until it is described here.
fn describe(handler: Handler, s: &mut Schemas) -> Operation {
    let op = |summary, status, answer, answer_is| Operation {
        summary,
        body: None,
        status,
        answer,
        answer_is,
        query: &[],
        etag: false,
        cookie: false,
        problems: &[],
        media: JSON,
    };
    match handler {
        Handler::GridTree => Operation {
            etag: true,
            ..op(
                "The whole grid tree (the public directory)",
                200,
                Some(s.answer::<GridTree>()),
                "Every node, sorted by code.",
            )
        },
        Handler::GridCard => Operation {
            etag: true,
            problems: &[ProblemCode::GridCodeMalformed, ProblemCode::GridNotFound],
            ..op(
                "One grid's card (四公开: its people, phones masked)",
                200,
                Some(s.answer::<GridCard>()),
                "The grid, its ancestors, children and people.",
            )
        },
        Handler::SignIn => Operation {
            body: Some(s.body::<SignIn>()),
            cookie: true,
            problems: &[ProblemCode::BadCredentials, ProblemCode::TooManyAttempts],
            ..op(
                "Sign in with login and password",
                200,
                Some(s.answer::<Me>()),
                "Signed in: the account, and a session cookie.",
            )
        },
        Handler::SignOut => Operation {
            cookie: true,
            ..op(
                "Sign out on this device",
                204,
                None,
                "Signed out; the cookie is cleared.",
            )
        },
        Handler::SignOutEverywhere => Operation {
            cookie: true,
            ..op(
                "Sign out on every device",
                204,
                None,
                "Every session of the account ended; the cookie is cleared.",
            )
        },
        Handler::Me => op(
            "The signed-in account",
            200,
            Some(s.answer::<Me>()),
            "The account, its roles and (a resident's) household.",
        ),
        Handler::SetPassword => Operation {
            body: Some(s.body::<SetPassword>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::TooManyAttempts,
                ProblemCode::AlreadyExists,
            ],
            ..op(
                "Set or change one's password (and login); other devices are signed out",
                200,
                Some(s.answer::<Me>()),
                "Who is signed in, with the login now in force.",
            )
        },
        Handler::Household => op(
            "One household, in full",
            200,
            Some(s.answer::<Household>()),
            "The household with its members and their phones.",
        ),
        Handler::IssueActivation => op(
            "Issue a household's activation (replaces the previous one)",
            201,
            Some(s.answer::<Activation>()),
            "A one-time link and short code, valid 72 hours.",
        ),
        Handler::Redeem => Operation {
            body: Some(s.body::<Redeem>()),
            cookie: true,
            problems: &[
                ProblemCode::ActivationNotFound,
                ProblemCode::ActivationUsed,
                ProblemCode::ActivationExpired,
                ProblemCode::TooManyAttempts,
            ],
            ..op(
                "Redeem an activation: sign this phone in for its household",
                200,
                Some(s.answer::<Me>()),
                "Signed in for 365 days: the resident account, and a session cookie.",
            )
        },
        Handler::GridHouseholds => Operation {
            query: &[(
                "after",
                "The `next` of the previous page: the id after which this page starts.",
            )],
            problems: &[ProblemCode::GridCodeMalformed],
            ..op(
                "One page of a base grid's household register",
                200,
                Some(s.answer::<HouseholdPage>()),
                "Households in id order, and the `after` of the next page.",
            )
        },
        Handler::RegisterHousehold => Operation {
            body: Some(s.body::<HouseholdDraft>()),
            problems: &[
                ProblemCode::GridCodeMalformed,
                ProblemCode::GridNotFound,
                ProblemCode::Invalid,
                ProblemCode::IdempotencyConflict,
                ProblemCode::AlreadyExists,
            ],
            ..op(
                "Register a household (idempotent by its client id)",
                201,
                Some(s.answer::<Household>()),
                "The household as saved (the same answer again for a retried write).",
            )
        },
        Handler::EditHousehold => Operation {
            body: Some(s.body::<HouseholdDraft>()),
            problems: &[ProblemCode::Invalid, ProblemCode::AlreadyExists],
            ..op(
                "Replace a household's address and members",
                200,
                Some(s.answer::<Household>()),
                "The household as saved.",
            )
        },
        Handler::ImportGrids | Handler::ImportPeople | Handler::ImportHouseholds => Operation {
            body: Some(csv_text()),
            media: CSV,
            problems: &[ProblemCode::Invalid],
            ..op(
                "Import a list from a spreadsheet (CSV UTF-8, BOM or not), all or nothing",
                200,
                Some(s.answer::<ImportDone>()),
                "Every record saved; a file with any bad row is a 422 listing each one \
                 (line, column, reason) and changes nothing.",
            )
        },
        Handler::ExportGrids | Handler::ExportPeople | Handler::ExportHouseholds => Operation {
            media: CSV,
            ..op(
                "Export a list as CSV (with a BOM, so Excel reads it as UTF-8)",
                200,
                Some(csv_text()),
                "The list within the administrator's area, in the import's columns.",
            )
        },
        Handler::ImportGuideCsv => Operation {
            body: Some(csv_text()),
            media: CSV,
            problems: &[ProblemCode::Invalid, ProblemCode::StaleVersion],
            ..op(
                "Import guide items from a spreadsheet, all or nothing (a county's administrators)",
                200,
                Some(s.answer::<ImportDone>()),
                "How many items were saved; any bad row is a 422 listing each (line, column, \
                 reason) and changes nothing.",
            )
        },
        Handler::ExportGuideCsv => Operation {
            media: CSV,
            ..op(
                "The guide as CSV (BOM; lists inside a cell one entry per line)",
                200,
                Some(csv_text()),
                "Every item residents see, in the import's columns.",
            )
        },
        Handler::SetWorkPhone => Operation {
            body: Some(s.body::<WorkPhoneConsent>()),
            problems: &[ProblemCode::PersonNotFound],
            ..op(
                "Show a staff member's work phone in full (四公开), recording their consent",
                200,
                Some(s.answer::<WorkPhone>()),
                "The setting now, who recorded it and when.",
            )
        },
        Handler::IssueStaffActivation => Operation {
            problems: &[ProblemCode::AccountNotFound],
            ..op(
                "A one-time sign-in link and code for a staff member (first sign-in or reset)",
                201,
                Some(s.answer::<Activation>()),
                "The link (for a QR code), the 10-digit code and when they expire.",
            )
        },
        Handler::MyData => op(
            "Everything stored about this account and its household (a JSON download)",
            200,
            Some(s.answer::<MyData>()),
            "The account, household, activations, who on the staff touched it, deletion request.",
        ),
        Handler::RequestDeletion => Operation {
            body: Some(s.body::<AskDeletion>()),
            problems: &[ProblemCode::HouseholdNotFound],
            ..op(
                "Ask for the household's data to be deleted (the open request if one exists)",
                201,
                Some(s.answer::<DeletionRequest>()),
                "The request (200 with the open one when asked again).",
            )
        },
        Handler::DeletionRequests => op(
            "Open deletion requests in this administrator's area, oldest first",
            200,
            Some(s.answer::<Vec<DeletionRequest>>()),
            "The open requests.",
        ),
        Handler::Anonymise => Operation {
            problems: &[ProblemCode::DeletionRequestNotFound],
            ..op(
                "Carry a deletion out as anonymisation (names, address, phones erased; rows kept)",
                200,
                Some(s.answer::<DeletionRequest>()),
                "The request, done.",
            )
        },
        Handler::AccessLog => Operation {
            query: &[("after", "The `next` of the previous page.")],
            ..op(
                "Who on the staff read or changed whose personal data, newest first",
                200,
                Some(s.answer::<AccessPage>()),
                "One page of the log.",
            )
        },
        Handler::AdminGrid => Operation {
            problems: &[ProblemCode::GridCodeMalformed, ProblemCode::GridNotFound],
            ..op(
                "One grid of this administrator's area, deactivated or not, with its children",
                200,
                Some(s.answer::<GridAdmin>()),
                "The grid and its children in code order.",
            )
        },
        Handler::SaveGrid => Operation {
            body: Some(s.body::<GridEdit>()),
            problems: &[ProblemCode::Invalid],
            ..op(
                "Create or change one grid, or deactivate it once nothing active is under it",
                200,
                Some(s.answer::<GridAdmin>()),
                "The grid as saved.",
            )
        },
        Handler::StaffAccounts => Operation {
            query: &[("after", "The `next` of the previous page.")],
            ..op(
                "Staff accounts whose every role lies in this administrator's area",
                200,
                Some(s.answer::<StaffPage>()),
                "One page in login order (it may be short while `next` is set).",
            )
        },
        Handler::StaffAccount => Operation {
            problems: &[ProblemCode::AccountNotFound],
            ..op(
                "One staff account",
                200,
                Some(s.answer::<StaffAccount>()),
                "The account with its roles.",
            )
        },
        Handler::SaveAccount => Operation {
            body: Some(s.body::<AccountEdit>()),
            problems: &[ProblemCode::Invalid, ProblemCode::AccountNotFound],
            ..op(
                "Create or change one staff account and its roles, or deactivate it",
                200,
                Some(s.answer::<StaffAccount>()),
                "The account as saved.",
            )
        },
        Handler::Departments => Operation {
            query: &[("after", "The `next` of the previous page.")],
            ..op(
                "The departments serving this administrator's area",
                200,
                Some(s.answer::<DepartmentPage>()),
                "One page in id order.",
            )
        },
        Handler::Calendar => Operation {
            query: &[(
                "year",
                "The first year shown (this year by default); the next is shown too.",
            )],
            ..op(
                "The working-day calendar: holidays and make-up workdays (调休) of a year and the next",
                200,
                Some(s.answer::<CalendarView>()),
                "An unlisted weekday works and an unlisted weekend day is off. `missing` names the next year when its notice is not entered yet: deadlines reaching into it count plain weekends.",
            )
        },
        Handler::SaveCalendarYear => Operation {
            body: Some(s.body::<CalendarYearSave>()),
            problems: &[ProblemCode::Invalid],
            ..op(
                "Replace one year's listed dates (a county's administrators)",
                200,
                Some(s.answer::<CalendarYearSave>()),
                "The year's dates as saved. Deadlines set from now on follow them; those already set stay.",
            )
        },
        Handler::SaveCategoryClass => Operation {
            body: Some(s.body::<wangge_core::reports::deadline::CategoryClassSave>()),
            problems: &[ProblemCode::CategoryNotFound],
            ..op(
                "Set a second-level report category's deadline class (a county's administrators)",
                200,
                Some(s.answer::<wangge_core::reports::deadline::CategoryClassSave>()),
                "Reports filed, recategorised or reopened from now on follow it; deadlines already set stay.",
            )
        },
        Handler::SaveDepartment => Operation {
            body: Some(s.body::<DepartmentEdit>()),
            problems: &[ProblemCode::Invalid],
            ..op(
                "Create or change one department, or deactivate it",
                200,
                Some(s.answer::<Department>()),
                "The department as saved.",
            )
        },
        Handler::GuideDelta => Operation {
            etag: true,
            query: &[(
                "since",
                "The `cursor` of the last delta this phone applied; none: everything.",
            )],
            ..op(
                "The service guide's changes since a cursor (delta sync for phones)",
                200,
                Some(s.answer::<GuideDelta>()),
                "Items changed, codes withdrawn, the next cursor; `more`: ask again at once.",
            )
        },
        Handler::GuideItem => Operation {
            etag: true,
            problems: &[ProblemCode::GuideItemNotFound],
            ..op(
                "One service-guide item",
                200,
                Some(s.answer::<GuideItem>()),
                "The item with its search keys.",
            )
        },
        Handler::SaveGuideItem => Operation {
            body: Some(s.body::<GuideSave>()),
            problems: &[ProblemCode::Invalid, ProblemCode::StaleVersion],
            ..op(
                "Create, edit, withdraw or restore a guide item (a county's administrators)",
                200,
                Some(s.answer::<GuideItem>()),
                "The item as saved: its new version and search keys.",
            )
        },
        Handler::GuideVersions => Operation {
            problems: &[ProblemCode::GuideItemNotFound],
            ..op(
                "Every saved version of a guide item, newest first (a county's administrators)",
                200,
                Some(s.answer::<Vec<GuideVersion>>()),
                "The versions, each with the item as it was saved.",
            )
        },
        Handler::ReportCategories => Operation {
            etag: true,
            ..op(
                "报事 categories: the first level, then each one's children",
                200,
                Some(s.answer::<Vec<Category>>()),
                "Reports are filed under a second-level category.",
            )
        },
        Handler::ReportDepartments => Operation {
            etag: true,
            ..op(
                "The active departments a report can be dispatched to",
                200,
                Some(s.answer::<Vec<Department>>()),
                "Each with the county or township it serves: a report goes only to a department whose area covers its grid.",
            )
        },
        Handler::FileReport => Operation {
            body: Some(s.body::<NewReport>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::IdempotencyConflict,
                ProblemCode::HouseholdNotFound,
                ProblemCode::GridCodeMalformed,
                ProblemCode::TooManyAttempts,
            ],
            ..op(
                "File a report; the id (the phone's UUIDv7) is its idempotency key, forever",
                201,
                Some(s.answer::<Report>()),
                "The report as filed (the same answer again for the same id and body).",
            )
        },
        Handler::Reports => Operation {
            query: &[
                ("status", "States to include, comma-separated (e.g. `submitted,pending`)."),
                ("grid", "A grid subtree, by its root's code."),
                ("category", "A category, or a first-level one for all its children."),
                ("department", "The department it is dispatched to."),
                ("from", "Filed at or after (UTC milliseconds)."),
                ("to", "Filed before (UTC milliseconds)."),
                ("cursor", "The `cursor` of the previous page."),
            ],
            ..op(
                "Reports the reader is involved in (their household's, grids', department's), newest first",
                200,
                Some(s.answer::<ReportPage>()),
                "One page; `cursor` is set while more follow.",
            )
        },
        Handler::Inbox => Operation {
            query: &[("cursor", "The `cursor` of the previous page.")],
            ..op(
                "This person's notices, newest first, with the unread count",
                200,
                Some(s.answer::<Inbox>()),
                "One page of notices.",
            )
        },
        Handler::MarkRead => Operation {
            body: Some(s.body::<MarkRead>()),
            ..op(
                "Mark notices read (these ids, or all); only one's own",
                200,
                Some(s.answer::<Inbox>()),
                "The first page after marking.",
            )
        },
        Handler::UploadPhoto => Operation {
            problems: &[ProblemCode::Invalid, ProblemCode::IdempotencyConflict, ProblemCode::BadRequest],
            ..op(
                "Upload a JPEG (≤ 2 MB; `Idempotency-Key`: the photo's UUIDv7, which makes its key); metadata is stripped",
                201,
                Some(s.answer::<PhotoKey>()),
                "The photo's key, for a report or an action to name.",
            )
        },
        Handler::Photo => Operation {
            problems: &[ProblemCode::PhotoNotFound],
            ..op(
                "A report's photo (image/jpeg), for whoever may read the report",
                200,
                None,
                "The JPEG, cached for good and revalidated by ETag.",
            )
        },
        Handler::SimilarReports => Operation {
            problems: &[ProblemCode::GridCodeMalformed],
            ..op(
                "Open reports like the one about to be filed (same category and base grid, last 14 days)",
                200,
                Some(s.answer::<Vec<ReportSummary>>()),
                "At most 5, newest first, of one's own grid: `grid` defaults to the resident's household's; staff name one they serve.",
            )
        },
        Handler::Supervision => op(
            "督办: open reports near or past a deadline in the reader's grids",
            200,
            Some(s.answer::<wangge_core::reports::supervision::SupervisionPage>()),
            "`due=overdue` (the default) or `due_soon`; most pressing deadline first, 50 a page (`cursor`), each with its supervision records. For grid staff, instructors and dispatchers (403 for anyone else).",
        ),
        Handler::ReportLedger => Operation {
            media: CSV,
            problems: &[ProblemCode::GridCodeMalformed, ProblemCode::Invalid],
            ..op(
                "台账: the reports of a grid subtree in a date range, as CSV for Excel",
                200,
                Some(csv_text()),
                "`grid` (default: every subtree the reader works), `from` and `to` as Beijing \
                 dates, both included (default: this month so far). Grouped 已解决 / 待解决 / \
                 难解决, oldest first in each; at most 5,000 reports (a wider range is a 422).",
            )
        },
        Handler::FollowReport => Operation {
            problems: &[ProblemCode::ReportNotFound, ProblemCode::IllegalTransition],
            ..op(
                "Follow an open report of one's own grid instead of filing its duplicate",
                200,
                Some(s.answer::<Report>()),
                "The report as a follower reads it; they are told when it is done.",
            )
        },
        Handler::ReportById => Operation {
            problems: &[ProblemCode::ReportNotFound],
            ..op(
                "A report with its timeline (internal notes for staff only)",
                200,
                Some(s.answer::<Report>()),
                "The report, its timeline, and the actions the reader may take now.",
            )
        },
        Handler::ActOnReport => Operation {
            body: Some(s.body::<ActionRequest>()),
            problems: &[
                ProblemCode::ReportNotFound,
                ProblemCode::Invalid,
                ProblemCode::IllegalTransition,
                ProblemCode::VersionConflict,
                ProblemCode::IdempotencyConflict,
            ],
            ..op(
                "Act on a report (a transition or a note), decided on its version",
                200,
                Some(s.answer::<Report>()),
                "The report after the action.",
            )
        },
        Handler::GuideEntries => Operation {
            query: &[("after", "The `next` of the previous page.")],
            ..op(
                "The administrators' list of guide items, withdrawn ones included (a county's administrators)",
                200,
                Some(s.answer::<GuideEntryPage>()),
                "Up to 200 items in code order; `next` is set while more may follow.",
            )
        },
        Handler::ExportGuide => op(
            "The guide as JSON, re-importable (a county's administrators)",
            200,
            Some(s.answer::<Vec<GuideItem>>()),
            "Every item residents see, in code order.",
        ),
        Handler::ImportGuide => Operation {
            body: Some(s.body::<Vec<GuideItem>>()),
            problems: &[ProblemCode::Invalid, ProblemCode::StaleVersion],
            ..op(
                "Import guide items as JSON: all or nothing (a county's administrators)",
                200,
                Some(s.answer::<ImportDone>()),
                "How many items were saved (unchanged ones are not counted).",
            )
        },
        Handler::MoveOut => Operation {
            body: Some(s.body::<MoveOut>()),
            problems: &[ProblemCode::HouseholdNotFound, ProblemCode::Invalid],
            ..op(
                "迁出: deactivate a household and sign its residents' phones out",
                200,
                Some(s.answer::<MovedOut>()),
                "The household that moved out.",
            )
        },
        Handler::RuleBook => Operation {
            etag: true,
            problems: &[ProblemCode::GridNotFound],
            ..op(
                "A village's points rule book (村规民约积分细则) and settings, publicly posted",
                200,
                Some(s.answer::<pts::RuleBook>()),
                "Its rules, the public-notice days, expiry and star thresholds, and its shop.",
            )
        },
        Handler::SaveRuleBook => Operation {
            body: Some(s.body::<pts::RuleBookSave>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::GridNotFound,
                ProblemCode::StaleVersion,
            ],
            ..op(
                "The village leader replaces the rule book and settings (rules left out are withdrawn)",
                200,
                Some(s.answer::<pts::RuleBook>()),
                "The rule book as saved.",
            )
        },
        Handler::PointsRanking => Operation {
            etag: true,
            query: &[("quarter", "A quarter such as `2026-Q4` (default: this one).")],
            problems: &[ProblemCode::GridNotFound, ProblemCode::Invalid],
            ..op(
                "The village's ranking and star households (星级文明户) for a quarter",
                200,
                Some(s.answer::<pts::Ranking>()),
                "Points earned in the quarter, most first (50), names masked, with stars.",
            )
        },
        Handler::PointsBoard => Operation {
            etag: true,
            query: &[("cursor", "The `cursor` of the previous page.")],
            problems: &[ProblemCode::GridNotFound, ProblemCode::BadRequest],
            ..op(
                "The village's points board (公示栏): awards newest first, names masked",
                200,
                Some(s.answer::<pts::Board>()),
                "For those who live or work in the village; 50 a page.",
            )
        },
        Handler::RecordAward => Operation {
            body: Some(s.body::<pts::NewAward>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::IdempotencyConflict,
                ProblemCode::GridNotFound,
                ProblemCode::HouseholdNotFound,
                ProblemCode::RuleLimitReached,
            ],
            ..op(
                "Record a village rule for households (grid staff of their grids), all or none",
                201,
                Some(s.answer::<pts::AwardRecorded>()),
                "One entry per household, pending through the public notice (spendable at once                  if the village has none). The id is the idempotency key.",
            )
        },
        Handler::DecideAwards => Operation {
            body: Some(s.body::<pts::Decide>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::IdempotencyConflict,
                ProblemCode::EntryNotFound,
                ProblemCode::AlreadyDecided,
                ProblemCode::NoticeNotOver,
                ProblemCode::InsufficientPoints,
            ],
            ..op(
                "A village leader approves awards after their notice, or voids them",
                201,
                Some(s.answer::<pts::Decided>()),
                "All the entries or none; each is decided once.",
            )
        },
        Handler::ObjectToAward => Operation {
            body: Some(s.body::<pts::NewObjection>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::EntryNotFound,
                ProblemCode::AlreadyDecided,
            ],
            ..op(
                "Object to an award in public notice (the village's own people)",
                204,
                None,
                "Recorded for the leader's decision.",
            )
        },
        Handler::ReverseEntry => Operation {
            body: Some(s.body::<pts::Reverse>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::IdempotencyConflict,
                ProblemCode::EntryNotFound,
                ProblemCode::AlreadyReversed,
                ProblemCode::InsufficientPoints,
            ],
            ..op(
                "A village leader reverses an approved award given by mistake",
                201,
                Some(s.answer::<pts::Reversed>()),
                "A compensating entry; nothing is edited or deleted. Once per entry.",
            )
        },
        Handler::Passbook => Operation {
            etag: true,
            query: &[("cursor", "The `cursor` of the previous page (a sequence number).")],
            problems: &[ProblemCode::BadRequest],
            ..op(
                "A household's passbook (积分存折): balances and entries, newest first",
                200,
                Some(s.answer::<pts::Passbook>()),
                "Each entry with the balances after it; 50 a page.",
            )
        },
        Handler::HouseholdPass => op(
            "A fresh signed household pass (the household's own members)",
            200,
            Some(s.answer::<pts::HouseholdPass>()),
            "The QR code's text; good for one redemption until `expires_at` (12 hours).",
        ),
        Handler::ShopGoods => Operation {
            etag: true,
            problems: &[ProblemCode::ShopNotFound],
            ..op(
                "A shop and its goods",
                200,
                Some(s.answer::<pts::Shop>()),
                "Goods on the shelf (withdrawn ones too, for its clerk).",
            )
        },
        Handler::SaveGoods => Operation {
            body: Some(s.body::<pts::GoodsSave>()),
            problems: &[ProblemCode::Invalid, ProblemCode::ShopNotFound],
            ..op(
                "The clerk adds or edits one good",
                200,
                Some(s.answer::<pts::Goods>()),
                "The good as saved.",
            )
        },
        Handler::RedeemPoints => Operation {
            body: Some(s.body::<pts::Redeem>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::IdempotencyConflict,
                ProblemCode::ShopNotFound,
                ProblemCode::HouseholdNotFound,
                ProblemCode::GoodsNotFound,
                ProblemCode::GoodsChanged,
                ProblemCode::InsufficientPoints,
                ProblemCode::InsufficientStock,
                ProblemCode::PassInvalid,
            ],
            ..op(
                "Redeem points for goods: one batch, all or nothing",
                201,
                Some(s.answer::<pts::Redemption>()),
                "The redemption with the balance after it. The same id and body get the same                  answer (a refusal too).",
            )
        },
        Handler::ShopHouseholds => Operation {
            query: &[("q", "A member's name, or part of it.")],
            problems: &[ProblemCode::Invalid, ProblemCode::ShopNotFound],
            ..op(
                "The clerk finds households of the shop's village by a member's name",
                200,
                Some(s.answer::<Vec<pts::ShopHousehold>>()),
                "At most 20, with what each can spend.",
            )
        },
        Handler::ShopDay => Operation {
            query: &[("date", "A Beijing date, `YYYY-MM-DD` (default: today).")],
            problems: &[ProblemCode::Invalid, ProblemCode::ShopNotFound],
            ..op(
                "A day's redemptions and returns at the shop, and its reconciliation",
                200,
                Some(s.answer::<pts::ShopDay>()),
                "Every redemption of the day, every return of the day (whenever its goods went \
                 out), and per good what was redeemed less what came back.",
            )
        },
        Handler::ShopDayCsv => Operation {
            media: CSV,
            query: &[("date", "A Beijing date, `YYYY-MM-DD` (default: today).")],
            problems: &[ProblemCode::Invalid, ProblemCode::ShopNotFound],
            ..op(
                "The daily reconciliation as CSV for Excel",
                200,
                Some(csv_text()),
                "Every redemption line and every return line (negative), each at its own time, \
                 then the totals per good.",
            )
        },
        Handler::ReverseRedemption => Operation {
            body: Some(s.body::<pts::Reverse>()),
            problems: &[
                ProblemCode::Invalid,
                ProblemCode::IdempotencyConflict,
                ProblemCode::RedemptionNotFound,
                ProblemCode::AlreadyReversed,
            ],
            ..op(
                "The clerk reverses a redemption (goods returned)",
                201,
                Some(s.answer::<pts::Reversed>()),
                "The points come back by a compensating entry and the goods go back on the                  shelf; once.",
            )
        },
        Handler::OpenApi => Operation {
            etag: true,
            ..op(
                "This document",
                200,
                Some(json!({ "type": "object" })),
                "The API's OpenAPI 3.1 document.",
            )
        },
    }
}

/// Who a rule lets through, for people reading the document.
fn access_description(access: Access) -> &'static str {
    match access {
        Access::Public => "anyone, signed in or not.",
        Access::SignedIn => "any signed-in account, acting on itself.",
        Access::StaffOverHousehold => {
            "staff who serve households (grid worker, leader, instructor, dispatcher, admin) \
             whose grid scope covers the household."
        }
        Access::HouseholdReader => {
            "the household's own members, and staff who serve households whose grid scope \
             covers it."
        }
        Access::Admin => {
            "administrators; every row they import or export lies in their grid subtree."
        }
        Access::StaffOverGrid => {
            "staff who serve households (grid worker, leader, instructor, dispatcher, admin) \
             whose grid scope covers the grid."
        }
    }
}

fn path_parameter(name: &str) -> Value {
    let description = match name {
        "code" => {
            "A grid code (6, 9, 12 or 15 digits: county, township, village, grid), a \
             service-guide item's code on /guide paths, or a report category's code on \
             /admin/report-categories."
        }
        "id" => {
            "The id of what the path names: a household, a person, a department, a \
             deletion request, a report, a shop, a ledger entry or a redemption."
        }
        "key" => "A photo's key (`p-` and 32 hex digits).",
        "login" => "A staff account's login.",
        "year" => "A calendar year (four digits).",
        other => panic!("describe the path parameter {{{other}}} in openapi.rs"),
    };
    json!({
        "name": name,
        "in": "path",
        "required": true,
        "description": description,
        "schema": { "type": "string" },
    })
}

/// The problems a route may answer, by status: its handler's, and those of its rule and
/// method.
fn problems(route: &Route, op: &Operation) -> BTreeMap<u16, BTreeSet<String>> {
    let mut codes: Vec<ProblemCode> = op.problems.to_vec();
    if route.access != Access::Public {
        codes.push(ProblemCode::NotSignedIn);
    }
    if !matches!(route.access, Access::Public | Access::SignedIn) {
        codes.push(ProblemCode::Forbidden);
    }
    if route.access.needs_household() {
        codes.push(ProblemCode::HouseholdNotFound);
    }
    if is_write(route.method) {
        codes.push(ProblemCode::ForeignOrigin);
    }
    if op.body.is_some() {
        codes.push(ProblemCode::BadRequest);
    }
    let mut by_status: BTreeMap<u16, BTreeSet<String>> = BTreeMap::new();
    for code in codes {
        let name = serde_json::to_value(code).unwrap();
        by_status
            .entry(code.status())
            .or_default()
            .insert(name.as_str().unwrap().to_owned());
    }
    by_status
}

fn operation(route: &Route, s: &mut Schemas) -> Value {
    let op = describe(route.handler, s);
    let mut responses = Map::new();
    let mut success = json!({ "description": op.answer_is });
    if let Some(answer) = &op.answer {
        success["content"] = json!({ op.media: { "schema": answer } });
    }
    let mut headers = Map::new();
    if op.etag {
        headers.insert(
            "ETag".into(),
            json!({ "description": "A strong tag of the body.", "schema": { "type": "string" } }),
        );
    }
    if op.cookie {
        headers.insert(
            "Set-Cookie".into(),
            json!({
                "description": format!("The `{SESSION}` session cookie (HttpOnly, Secure, SameSite=Lax)."),
                "schema": { "type": "string" },
            }),
        );
    }
    if !headers.is_empty() {
        success["headers"] = Value::Object(headers);
    }
    responses.insert(op.status.to_string(), success);
    if op.etag {
        responses.insert(
            "304".into(),
            json!({ "description": "Not modified: `If-None-Match` names the current ETag." }),
        );
    }
    let problem = s.answer::<Problem>();
    for (status, codes) in problems(route, &op) {
        let codes: Vec<String> = codes.into_iter().map(|c| format!("`{c}`")).collect();
        responses.insert(
            status.to_string(),
            json!({
                "description": format!("A problem: {}.", codes.join(", ")),
                "content": { "application/json": { "schema": problem } },
            }),
        );
    }

    let mut out = json!({
        "operationId": format!("{:?}", route.handler),
        "summary": op.summary,
        "description": format!("Access: {}", access_description(route.access)),
        "x-access": format!("{:?}", route.access),
        "responses": responses,
    });
    if route.access != Access::Public {
        out["security"] = json!([{ SESSION: [] }]);
    }
    if !op.query.is_empty() {
        let query: Vec<Value> = op
            .query
            .iter()
            .map(|(name, description)| {
                json!({
                    "name": name,
                    "in": "query",
                    "required": false,
                    "description": description,
                    "schema": { "type": "string" },
                })
            })
            .collect();
        out["parameters"] = Value::Array(query);
    }
    if let Some(body) = op.body {
        out["requestBody"] = json!({
            "required": true,
            "content": { op.media: { "schema": body } },
        });
    }
    out
}

/// The document, from the route table and the core types.
fn document() -> Value {
    let mut s = Schemas::new();
    let mut paths = Map::new();
    for route in ROUTES {
        let item = paths.entry(route.path).or_insert_with(|| {
            let params: Vec<Value> = route
                .path
                .split('/')
                .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
                .map(path_parameter)
                .collect();
            if params.is_empty() {
                json!({})
            } else {
                json!({ "parameters": params })
            }
        });
        let method = route.method.to_ascii_lowercase();
        assert!(
            item.get(&method).is_none(),
            "{} {} twice",
            route.method,
            route.path
        );
        item[method] = operation(route, &mut s);
    }
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Wangge API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "网格通 (Wangge): the grid directory, accounts and households. \
                Every error is a problem `{code, message_zh, message_en}` with a stable `code`. \
                Writes must carry the site's own `Origin`. Generated from the Worker's route \
                table and the `wangge-core` types.",
        },
        "servers": [{ "url": wangge_core::API_PREFIX }],
        "paths": paths,
        "components": {
            "schemas": s.into_components(),
            "securitySchemes": {
                SESSION: {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": SESSION,
                    "description": "The session cookie set by signing in or redeeming an activation.",
                },
            },
        },
    });
    // One order whatever serde_json's features: the file is compared byte for byte.
    doc.sort_all_objects();
    doc
}

/// The document as the checked-in file holds it.
fn rendered() -> String {
    let mut text = serde_json::to_string_pretty(&document()).unwrap();
    text.push('\n');
    text
}

/// (METHOD, path) of every operation in a document.
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    let paths = doc["paths"].as_object().expect("paths");
    let mut out = BTreeSet::new();
    for (path, item) in paths {
        for method in item.as_object().expect("path item").keys() {
            if METHODS.contains(&method.as_str()) {
                out.insert((method.to_ascii_uppercase(), path.clone()));
            }
        }
    }
    out
}

fn every_ref<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r);
            }
            m.values().for_each(|v| every_ref(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| every_ref(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document the Worker serves (when rewriting it: the one being written).
    fn checked_in() -> Value {
        if std::env::var(WRITE_ENV).as_deref() == Ok("1") {
            return document();
        }
        serde_json::from_str(CHECKED_IN).expect("functions/openapi.json is not JSON")
    }

    /// The checked-in file is what the route table and the core types generate (with
    /// `WANGGE_WRITE_OPENAPI=1`, this writes it instead).
    #[test]
    fn checked_in_document_is_generated() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
        let want = rendered();
        if std::env::var(WRITE_ENV).as_deref() == Ok("1") {
            std::fs::write(path, &want).unwrap();
            return;
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        if let Some((n, (h, w))) = have
            .lines()
            .chain(std::iter::repeat(""))
            .zip(want.lines())
            .enumerate()
            .find(|(_, (h, w))| h != w)
            .or((have != want).then_some((want.lines().count(), ("", ""))))
        {
            panic!(
                "functions/openapi.json is not what the route table and the core types \
                 generate (line {}: {h:?}, generated {w:?}); regenerate it with \
                 `{WRITE_ENV}=1 cargo test -p wangge-functions openapi`",
                n + 1
            );
        }
    }

    /// The document served lists exactly the routes of the table (GET rows also answer
    /// HEAD, which is not listed).
    #[test]
    fn document_and_route_table_list_the_same_routes() {
        let doc = checked_in();
        let table: BTreeSet<(String, String)> = ROUTES
            .iter()
            .map(|r| (r.method.to_owned(), r.path.to_owned()))
            .collect();
        assert_eq!(operations(&doc), table);
        assert_eq!(doc["openapi"], "3.1.0");
        for route in ROUTES {
            let op = &doc["paths"][route.path][route.method.to_ascii_lowercase()];
            assert_eq!(op["x-access"], format!("{:?}", route.access), "{route:?}");
            assert_eq!(
                op.get("security").is_some(),
                route.access != Access::Public,
                "{route:?}"
            );
        }
    }

    /// Every `$ref` points at a schema the document holds.
    #[test]
    fn every_ref_resolves() {
        let doc = checked_in();
        let mut refs = Vec::new();
        every_ref(&doc, &mut refs);
        assert!(!refs.is_empty());
        for r in refs {
            let pointer = r
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{r}: not local"));
            assert!(
                pointer.starts_with(&format!("{SCHEMAS}/")),
                "{r}: not in components.schemas"
            );
            assert!(doc.pointer(pointer).is_some(), "{r} does not resolve");
        }
    }

    /// Every path parameter is declared, and every 4xx answer is a problem.
    #[test]
    fn parameters_and_problems_are_declared() {
        let doc = checked_in();
        for (path, item) in doc["paths"].as_object().unwrap() {
            let declared: BTreeSet<&str> = item["parameters"]
                .as_array()
                .map(|ps| ps.iter().filter_map(|p| p["name"].as_str()).collect())
                .unwrap_or_default();
            let in_path: BTreeSet<&str> = path
                .split('/')
                .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
                .collect();
            assert_eq!(declared, in_path, "{path}");
            for (method, op) in item.as_object().unwrap() {
                let Some(responses) = op.get("responses").and_then(Value::as_object) else {
                    continue;
                };
                for (status, resp) in responses {
                    if status.starts_with('4') {
                        assert_eq!(
                            resp["content"]["application/json"]["schema"]["$ref"],
                            format!("#{SCHEMAS}/Problem"),
                            "{method} {path} {status}"
                        );
                    }
                }
            }
        }
    }
}
