//! Personal data against the real Worker: a resident's full download, the access log of
//! staff reads and changes, a deletion request carried out as anonymisation.

use wangge_api_tests::{fresh_resident, Api};
use wangge_core::privacy::{AccessAction, AccessPage, DeletionRequest, MyData};

const ADDR: &str = "192.0.2.97";

#[test]
fn a_resident_downloads_everything_and_a_deletion_is_carried_out_as_anonymisation() {
    let api = Api::from_env();
    let (id, phone) = fresh_resident(&api, ADDR);
    let worker = api.session("worker-a", ADDR);
    // A staff read, which the log must show.
    let r = api.as_user("GET", &format!("/api/v1/households/{id}"), &worker);
    assert_eq!(r.status, 200, "{}", r.body);

    let r = api.as_user("GET", "/api/v1/me/data", &phone);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r
        .headers
        .iter()
        .any(|(k, v)| k == "content-disposition" && v.contains("attachment")));
    let data: MyData = r.json();
    let household = data.household.expect("the household");
    assert_eq!(household.id, id);
    assert_eq!(household.members[0].phone.as_deref(), Some("13907319908"));
    assert_eq!(data.activations.len(), 1);
    assert!(data.activations[0].used_at.is_some());
    let mine = |a: AccessAction| {
        data.access
            .iter()
            .any(|e| e.login == "worker-a" && e.action == a)
    };
    assert!(
        mine(AccessAction::Read) && mine(AccessAction::Change),
        "{:?}",
        data.access
    );
    assert!(data.deletion.is_none());

    // Asking for deletion: once; asking again answers with the open request.
    let ask = |body: &str| api.as_user_json("POST", "/api/v1/me/deletion-request", &phone, body);
    assert_eq!(ask(r#"{"confirm":false}"#).status, 400);
    let first = ask(r#"{"confirm":true}"#);
    assert_eq!(first.status, 201, "{}", first.body);
    let request: DeletionRequest = first.json();
    let again = ask(r#"{"confirm":true}"#);
    assert_eq!(again.status, 200);
    assert_eq!(again.json::<DeletionRequest>().id, request.id);

    // The administrator's queue has it; carrying it out anonymises, once.
    let admin = api.session("admin", ADDR);
    let open: Vec<DeletionRequest> = api
        .as_user("GET", "/api/v1/admin/deletion-requests", &admin)
        .json();
    assert!(open.iter().any(|r| r.id == request.id));
    let path = format!("/api/v1/admin/deletion-requests/{}/anonymise", request.id);
    let done = api.as_user("POST", &path, &admin);
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.json::<DeletionRequest>().done_at.is_some());
    assert_eq!(
        api.as_user("POST", &path, &admin).status,
        200,
        "a second run is harmless"
    );

    // Gone for everyone, the phone signed out; history keeps the row, without the names.
    assert_eq!(api.as_user("GET", "/api/v1/me", &phone).status, 401);
    assert_eq!(
        api.as_user("GET", &format!("/api/v1/households/{id}"), &admin)
            .status,
        404
    );
    let export = api.as_user("GET", "/api/v1/admin/households.csv", &admin);
    assert!(
        !export.body.contains(&id),
        "an anonymised household is not exported"
    );
    let open: Vec<DeletionRequest> = api
        .as_user("GET", "/api/v1/admin/deletion-requests", &admin)
        .json();
    assert!(!open.iter().any(|r| r.id == request.id));

    // The access log has the read, the change and the anonymisation, newest first, paged.
    let log: AccessPage = api
        .as_user("GET", "/api/v1/admin/access-log", &admin)
        .json();
    assert!(log
        .items
        .iter()
        .any(|e| e.action == AccessAction::Anonymise
            && e.subject == format!("deletion:{}", request.id)));
    assert!(
        log.items.windows(2).all(|w| w[0].id > w[1].id),
        "newest first"
    );
    if let Some(next) = log.next {
        let more: AccessPage = api
            .as_user(
                "GET",
                &format!("/api/v1/admin/access-log?after={next}"),
                &admin,
            )
            .json();
        assert!(more.items.iter().all(|e| e.id < next));
    }
}
