//! Behaviour of the generated clients that the example round trip does not
//! show: which variant a union picks, unknown enum values, server variables.
//! (What goes over the wire is in `http.rs`.)

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
fn nullable_beside_a_ref_accepts_null() {
    let json = serde_json::json!({"id": 7, "name": "Pan", "price": 30.0, "created_at": "2024-05-06T07:08:09Z", "state": "active", "previous_state": null});
    let product: types::Product = serde_json::from_value(json.clone()).expect("decodes");
    assert_eq!(product.previous_state, None);
    // Required and nullable: written as `null`, not left out.
    assert_eq!(serde_json::to_value(&product).expect("encodes"), json);
    let product: types::Product = serde_json::from_value(
        serde_json::json!({"id": 7, "name": "Pan", "price": 30.0, "created_at": "x", "state": "active", "previous_state": "draft"}),
    )
    .expect("decodes");
    assert_eq!(product.previous_state, Some(types::ProductState::Draft));
}

#[test]
fn read_only_and_write_only_members_are_left_out_where_they_do_not_travel() {
    // A request body: the server assigns `id`, so the client leaves it out.
    let request = types::Product {
        name: "Pan".into(),
        price: 30.0,
        tags: None,
        dimensions: None,
        id: None,
        currency: None,
        created_at: "2024-05-06T07:08:09Z".into(),
        state: types::ProductState::Draft,
        previous_state: None,
        cost_price: Some(12.5),
        replaced_by: None,
        #[allow(deprecated)]
        legacy_code: None,
    };
    let sent = serde_json::to_value(&request).expect("encodes");
    assert_eq!(sent.get("id"), None);
    assert_eq!(sent.get("cost_price"), Some(&serde_json::json!(12.5)));
    // A response: `cost_price` is required in the spec but never sent back.
    let received: types::Product = serde_json::from_value(
        serde_json::json!({"id": 7, "name": "Pan", "price": 30.0, "created_at": "x", "state": "draft", "previous_state": null}),
    )
    .expect("decodes");
    assert_eq!((received.id, received.cost_price), (Some(7), None));
}

#[test]
fn const_members_round_trip() {
    use client_tests::chat_api::types as chat;
    let json = serde_json::json!({"id": "2", "author": {"id": "3", "username": "ann"}, "content": "hi", "kind": "message"});
    let message: chat::Message = serde_json::from_value(json.clone()).expect("decodes");
    assert_eq!(message.kind.as_ref().map(chat::MessageKind::as_str), Some("message"));
    assert_eq!(serde_json::to_value(&message).expect("encodes"), json);
}

#[test]
fn required_const_members_default_to_their_value() {
    use client_tests::chat_api::types as chat;
    let embed: chat::Embed = serde_json::from_value(serde_json::json!({"title": "t"})).expect("decodes");
    assert_eq!(embed.r#type, chat::EmbedType::Rich);
    assert_eq!(embed.version, 1);
    assert_eq!(
        serde_json::to_value(chat::Embed::default()).expect("encodes"),
        serde_json::json!({"type": "rich", "version": 1})
    );
    // Integer consts stay integers: the server's value is kept as sent.
    let thread: chat::ThreadChannel =
        serde_json::from_value(serde_json::json!({"id": "9", "parent": {"id": "1", "type": 0}})).expect("decodes");
    assert_eq!((thread.r#type, thread.parent.r#type), (11, 0));
    let odd: chat::Embed = serde_json::from_value(serde_json::json!({"version": 2})).expect("decodes");
    assert_eq!(odd.version, 2);
}

#[test]
fn closed_prefix_items_are_tuples_and_open_ones_lists_of_json() {
    use client_tests::chat_api::types as chat;
    let json = serde_json::json!({"id": "2", "author": {"id": "3", "username": "ann"}, "content": "hi", "location": [51.5, -0.12], "highlight": [3, "de", "extra"]});
    let message: chat::Message = serde_json::from_value(json.clone()).expect("decodes");
    assert_eq!(message.location, Some((51.5, -0.12)));
    assert_eq!(
        message.highlight,
        Some(vec![serde_json::json!(3), serde_json::json!("de"), serde_json::json!("extra")])
    );
    assert_eq!(serde_json::to_value(&message).expect("encodes"), json);
    // The schema says exactly two items; a third is a decoding error, not dropped.
    let three = serde_json::json!({"id": "2", "author": {"id": "3", "username": "ann"}, "content": "hi", "location": [1.0, 2.0, 3.0]});
    assert!(serde_json::from_value::<chat::Message>(three).is_err());
}
