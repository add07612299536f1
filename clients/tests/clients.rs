//! Behaviour of the generated clients that the example round trip does not
//! show: which variant a union picks, unknown enum values, server variables.

use client_tests::store_api::{self, types};

#[test]
fn server_variables_default_from_the_spec_and_are_settable() {
    let defaults = store_api::ServerVariables::default();
    assert_eq!(defaults.url(), "https://eu.store.example/v2");
    assert_eq!(store_api::DEFAULT_BASE_URL, "https://eu.store.example/v2");
    let us = store_api::ServerVariables {
        region: "us".into(),
        ..defaults
    };
    assert_eq!(us.url(), "https://us.store.example/v2");
    let client = store_api::Client::for_server(&us);
    assert_eq!(client.http().base_url(), "https://us.store.example/v2");
}

#[test]
fn object_unions_pick_the_branch_that_declares_the_members() {
    let json = r#"[{"id":1,"type":"wait_timer","wait_timer":30},{"id":2,"type":"required_reviewers","reviewers":["ann"]},{"id":3,"type":"branch_policy"}]"#;
    let rules: Vec<types::ListRulesResponse200Item> = serde_json::from_str(json).expect("decodes");
    assert!(matches!(&rules[0], types::ListRulesResponse200Item::Object(r) if r.wait_timer == Some(30)));
    assert!(matches!(&rules[1], types::ListRulesResponse200Item::Object2(r) if r.reviewers.as_deref() == Some(&["ann".to_owned()][..])));
    assert!(matches!(&rules[2], types::ListRulesResponse200Item::Object3(_)));
    assert_eq!(serde_json::to_string(&rules).expect("encodes"), json);
}

#[test]
fn enums_keep_values_the_spec_does_not_list() {
    let state: types::ProductState = serde_json::from_str(r#""recalled""#).expect("decodes");
    assert_eq!(state, types::ProductState::Unknown("recalled".into()));
    assert_eq!(serde_json::to_string(&state).expect("encodes"), r#""recalled""#);
    assert_eq!(types::ProductState::Active.as_str(), "active");
}

#[test]
fn discriminated_unions_dispatch_on_the_tag() {
    let payment: types::Payment = serde_json::from_str(r#"{"method":"bank","iban":"DE89"}"#).expect("decodes");
    assert!(matches!(payment, types::Payment::BankPayment(ref b) if b.iban == "DE89"));
    assert!(serde_json::from_str::<types::Payment>(r#"{"method":"cash"}"#).is_err());
}

#[test]
fn multipart_bodies_are_typed() {
    let client = store_api::Client::default();
    let body = types::AttachFileRequest {
        file: Some("contents".into()),
        comment: None,
    };
    // Building the future type-checks the signature; nothing is sent until it is awaited.
    drop(client.attach_file("o-1", &body));
    assert_eq!(
        serde_json::to_value(&body).expect("encodes"),
        serde_json::json!({"file": "contents"})
    );
}
