//! The generated clients against a real HTTP server on 127.0.0.1: what they
//! put on the wire and what they make of what comes back (success and error
//! statuses, typed response headers, encoded parameters, multipart parts,
//! transport failures). The example round trip only exercises types; these
//! tests exercise the request and response paths.

use std::error::Error as _;
use std::time::Duration;

use arazzo::{ApiError, ClientError, ResponseValue, RetryPolicy};
use arazzo_tests::mock::{MockServer, Reply};
use client_tests::{chat_api, store_api};

async fn server() -> MockServer {
    MockServer::start().await.expect("local server starts")
}

fn store(server: &MockServer) -> store_api::Client {
    store_api::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none())
}

fn products_reply() -> Reply {
    Reply::json(200, serde_json::json!([]))
        .header("Link", "<https://x.example/products?page=2>; rel=\"next\"")
        .header("X-Total-Count", "42")
        .header("X-RateLimit-Remaining", "17")
        .header("X-Cache", "hit")
        .header("X-Accepted-Scopes", "repo, user")
        .header("X-Accepted-Scopes", "gist")
        .header("X-Sampled", "true")
        .header("X-Load", "0.75")
}

type ListProducts = Result<ResponseValue<store_api::ListProductsResponse>, ApiError<store_api::types::Error>>;

async fn list_products(client: &store_api::Client) -> ListProducts {
    client.list_products(None, None, None, None, None, None).await
}

/// The client error inside, for answers that are not documented error statuses.
fn client_error<E: std::fmt::Debug>(error: &ApiError<E>) -> &ClientError {
    error
        .as_client_error()
        .unwrap_or_else(|| panic!("expected a ClientError, got {error:?}"))
}

#[tokio::test]
async fn documented_response_headers_are_typed() {
    let server = server().await;
    server.on("GET", "/products", vec![products_reply()]);
    let answer = list_products(&store(&server)).await.expect("answer");
    // Every header is reachable untyped too, documented or not.
    assert_eq!((answer.status(), answer.header("x-total-count")), (200, Some("42")));
    assert_eq!(answer.headers().get_all("x-accepted-scopes").iter().count(), 2);
    let store_api::ListProductsResponse::Ok { body, headers } = answer.into_inner() else {
        panic!("expected 200");
    };
    assert!(body.is_empty());
    assert_eq!(headers.link.as_deref(), Some("<https://x.example/products?page=2>; rel=\"next\""));
    assert_eq!(headers.x_total_count, Some(42));
    assert_eq!(headers.x_rate_limit_remaining, 17);
    assert_eq!(headers.x_cache, Some(store_api::types::ListProductsXCache::Hit));
    // Two field lines of one header are one comma-separated list.
    assert_eq!(
        headers.x_accepted_scopes,
        Some(vec!["repo".to_owned(), "user".to_owned(), "gist".to_owned()])
    );
    assert_eq!(headers.x_sampled, Some(true));
    assert_eq!(headers.x_load, Some(0.75));
}

#[tokio::test]
async fn optional_headers_may_be_absent_and_enums_keep_unknown_values() {
    let server = server().await;
    server.on(
        "GET",
        "/products",
        vec![
            Reply::json(200, serde_json::json!([]))
                .header("X-RateLimit-Remaining", "0")
                .header("X-Cache", "stale"),
        ],
    );
    let answer = list_products(&store(&server)).await.expect("answer").into_inner();
    let store_api::ListProductsResponse::Ok { headers, .. } = answer else {
        panic!("expected 200, got {answer:?}");
    };
    assert_eq!(
        headers,
        store_api::ListProductsOkHeaders {
            link: None,
            x_total_count: None,
            x_rate_limit_remaining: 0,
            x_cache: Some(store_api::types::ListProductsXCache::Unknown("stale".into())),
            x_accepted_scopes: None,
            x_sampled: None,
            x_load: None,
        }
    );
}

#[tokio::test]
async fn a_header_that_does_not_parse_is_an_error_naming_it() {
    let server = server().await;
    server.on("GET", "/products", vec![products_reply().header("X-Total-Count", "many")]);
    let error = list_products(&store(&server)).await.expect_err("bad header");
    match client_error(&error) {
        ClientError::InvalidHeader {
            operation,
            status,
            header,
            value,
            ..
        } => {
            assert_eq!(operation, "listProducts");
            assert_eq!(*status, 200);
            assert_eq!(header, "X-Total-Count");
            // Both field lines, as the server sent them.
            assert_eq!(value.as_deref(), Some("42, many"));
        }
        other => panic!("expected InvalidHeader, got {other:?}"),
    }
    let message = error.to_string();
    assert!(message.contains("listProducts") && message.contains("X-Total-Count"), "{message}");
}

#[tokio::test]
async fn a_bad_list_item_or_a_missing_required_header_is_an_error() {
    let server = server().await;
    server.on(
        "GET",
        "/products",
        vec![
            Reply::json(200, serde_json::json!([]))
                .header("X-RateLimit-Remaining", "-1")
                .header("X-Sampled", "yes"),
            Reply::json(200, serde_json::json!([])),
        ],
    );
    let client = store(&server);
    // Headers are typed, not validated (`minimum: 0` is not enforced, as for
    // bodies), so `-1` passes; `yes` is no boolean.
    let error = list_products(&client).await.expect_err("bad boolean");
    assert!(
        matches!(client_error(&error), ClientError::InvalidHeader { header, value: Some(v), .. } if header == "X-Sampled" && v == "yes"),
        "{error:?}"
    );
    let error = list_products(&client).await.expect_err("missing header");
    assert!(
        matches!(client_error(&error), ClientError::InvalidHeader { header, value: None, .. } if header == "X-RateLimit-Remaining"),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(200));
    assert!(error.to_string().contains("required"), "{error}");
}

#[tokio::test]
async fn responses_without_a_body_carry_their_headers() {
    let server = server().await;
    server.on("GET", "/products", vec![Reply::empty(304).header("ETag", "\"v7\"")]);
    // 304 is no error: a conditional request expects it.
    let answer = list_products(&store(&server)).await.expect("answer");
    assert_eq!(answer.status(), 304);
    let store_api::ListProductsResponse::NotModified { body, headers } = answer.into_inner() else {
        panic!("expected 304");
    };
    assert!(body.bytes.is_empty());
    assert_eq!(headers.e_tag, "\"v7\"");
}

#[tokio::test]
async fn error_responses_carry_their_headers_too() {
    let server = server().await;
    server.on(
        "GET",
        "/channels/{id}",
        vec![
            Reply::json(
                429,
                serde_json::json!({"message": "slow down", "retry_after": 1.5, "global": false}),
            )
            .header("Retry-After", "1.5"),
        ],
    );
    let client = chat_api::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let error = client.get_channel("81384788765712384").await.expect_err("429");
    let answer = error.into_documented().expect("a documented status");
    assert_eq!(answer.status(), 429);
    let chat_api::GetChannelError::TooManyRequests { body, headers } = answer.into_inner();
    assert_eq!(body.retry_after, 1.5);
    assert_eq!(headers.retry_after, Some(1.5));
}

fn product(id: i64, name: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "name": name, "price": 19.5, "created_at": "2024-01-02T03:04:05Z", "state": "active", "previous_state": null})
}

/// What user code looks like: `?` on the typed call, then the body's fields.
async fn product_name(client: &store_api::Client, id: i64) -> Result<String, ApiError<store_api::types::Error>> {
    let product = client.get_product(id).await?;
    Ok(format!("{} (HTTP {})", product.name, product.status()))
}

#[tokio::test]
async fn question_mark_stops_on_a_documented_error_status_with_its_typed_body() {
    let server = server().await;
    server.on("GET", "/products/7", vec![Reply::json(200, product(7, "Kettle"))]);
    server.on(
        "GET",
        "/products/{id}",
        vec![Reply::json(404, serde_json::json!({"message": "no product 8", "errors": []}))],
    );
    let client = store(&server);
    assert_eq!(product_name(&client, 7).await.expect("found"), "Kettle (HTTP 200)");
    let error = product_name(&client, 8).await.expect_err("a 404 stops at `?`");
    assert_eq!(error.status(), Some(404));
    assert!(error.source().is_none(), "a documented answer has no cause");
    let message = error.to_string();
    assert!(message.contains("404") && message.contains("no product 8"), "{message}");
    let ApiError::Documented(answer) = error else {
        panic!("expected the documented 404, got {error:?}");
    };
    assert_eq!(answer.status(), 404);
    assert_eq!(answer.message, "no product 8");
    assert_eq!(answer.into_inner().errors, Some(Vec::new()));
}

#[tokio::test]
async fn a_success_exposes_its_status_and_every_header() {
    let server = server().await;
    server.on(
        "GET",
        "/products/{id}",
        vec![
            Reply::json(200, product(7, "Kettle"))
                .header("X-Request-Id", "req-1")
                .header("Set-Cookie", "session=s3cret"),
        ],
    );
    let product = store(&server).get_product(7).await.expect("answer");
    assert_eq!((product.status(), product.header("x-request-id")), (200, Some("req-1")));
    assert_eq!((product.id, product.name.as_str()), (Some(7), "Kettle"));
    let shown = format!("{product:?}");
    assert!(shown.contains("req-1") && !shown.contains("s3cret"), "Debug hides cookies: {shown}");
    let (body, status, headers) = product.into_parts();
    assert_eq!((body.price, status, headers.len() > 2), (19.5, 200, true));
}

#[tokio::test]
async fn several_success_statuses_are_an_enum_of_their_bodies() {
    let server = server().await;
    server.on(
        "POST",
        "/products",
        vec![
            Reply::json(201, product(9, "Mug")),
            Reply::json(202, serde_json::json!({"review_id": "r-1"})),
        ],
    );
    let client = store(&server);
    let new = store_api::types::NewProduct {
        name: "Mug".into(),
        price: 4.0,
        tags: None,
        dimensions: None,
    };
    let created = client.create_product(&new).await.expect("201");
    assert_eq!(created.status(), 201);
    assert!(matches!(created.into_inner(), store_api::CreateProductResponse::Created(p) if p.name == "Mug"));
    let accepted = client.create_product(&new).await.expect("202");
    assert!(matches!(&*accepted, store_api::CreateProductResponse::Accepted(r) if r.review_id == "r-1"));
}

#[tokio::test]
async fn undocumented_statuses_are_client_errors_with_status_and_body() {
    let server = server().await;
    server.on(
        "GET",
        "/products/{id}",
        vec![Reply::text(500, "text/plain", "boom"), Reply::json(201, product(7, "Kettle"))],
    );
    let client = store(&server);
    for expected in [500, 201] {
        let error = client.get_product(7).await.expect_err("undocumented");
        assert_eq!(error.status(), Some(expected));
        match client_error(&error) {
            ClientError::UnexpectedStatus { status, body, url, .. } => {
                assert_eq!(*status, expected);
                assert!(url.ends_with("/products/7"), "{url}");
                assert!(expected != 500 || body == "boom", "{body}");
            }
            other => panic!("expected UnexpectedStatus, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn default_is_the_error_case_when_successes_are_documented() {
    let server = server().await;
    server.on(
        "GET",
        "/products",
        vec![
            Reply::json(503, serde_json::json!({"message": "maintenance"})),
            Reply::json(201, serde_json::json!([])),
        ],
    );
    let client = store(&server);
    let error = list_products(&client).await.expect_err("503");
    let answer = error.into_documented().expect("`default` documents it");
    assert_eq!((answer.status(), answer.message.as_str()), (503, "maintenance"));
    // Below 400, `default` (an error shape here) does not apply: undocumented.
    let error = list_products(&client).await.expect_err("201");
    assert!(
        matches!(client_error(&error), ClientError::UnexpectedStatus { status: 201, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_documented_body_that_does_not_match_is_a_schema_error_then_a_decode_error() {
    let server = server().await;
    server.on("GET", "/products/{id}", vec![Reply::json(404, serde_json::json!({"oops": true}))]);
    let error = store(&server).get_product(1).await.expect_err("bad 404 body");
    assert!(
        matches!(client_error(&error), ClientError::ResponseSchema(e) if e.status == 404 && e.mismatch.path == "$"
            && e.mismatch.expected == "expected required property `message`, got none"),
        "{error:?}"
    );
    // With the check off, serde's decoder is what refuses it.
    let error = store(&server)
        .with_schema_checks(arazzo::SchemaChecks::Off)
        .get_product(1)
        .await
        .expect_err("bad 404 body");
    assert!(
        matches!(client_error(&error), ClientError::Decode { status: 404, message, .. } if message.contains("message")),
        "{error:?}"
    );
}

#[tokio::test]
async fn operations_without_documented_errors_fail_with_a_client_error() {
    let server = server().await;
    server.on("GET", "/orders", vec![Reply::json(403, serde_json::json!({"message": "no"}))]);
    // `ApiError<Infallible>`: nothing documented can fail, so it converts.
    let error: ClientError = store(&server).list_orders(None).await.expect_err("403").into();
    assert!(matches!(error, ClientError::UnexpectedStatus { status: 403, .. }), "{error:?}");
}

#[tokio::test]
async fn a_closed_port_is_a_connect_error_with_its_source() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let client = store_api::Client::new(format!("http://127.0.0.1:{port}"))
        .with_retry_policy(RetryPolicy::none())
        .with_query_key("k3y-s3cret");
    let error = client.get_product(7).await.expect_err("nothing listens");
    assert!(error.is_connect() && !error.is_timeout(), "{error:?}");
    assert_eq!(error.status(), None);
    let source = error.source().expect("the transport's error");
    let reqwest = source.downcast_ref::<arazzo::reqwest::Error>().expect("a reqwest::Error");
    assert!(reqwest.is_connect());
    assert_eq!(reqwest.url(), None, "the URL (and any key in it) is stripped");
    let message = error.to_string();
    assert!(message.contains("no answer") && message.contains("api_key=***"), "{message}");
    let mut shown = format!("{message} {error:?}");
    let mut cause = error.source();
    while let Some(e) = cause {
        shown.push_str(&format!(" {e} {e:?}"));
        cause = e.source();
    }
    assert!(!shown.contains("k3y-s3cret"), "{shown}");
}

#[tokio::test]
async fn a_stalled_answer_is_a_timeout_with_its_source() {
    // Accepts connections and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let stall = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    // From the runtime's builder: with its rustls features, a bare `reqwest::Client::builder()`
    // has no crypto provider.
    let http = arazzo::http_client_builder()
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client");
    let client = store_api::Client::new(format!("http://{addr}"))
        .with_http_client(http)
        .with_retry_policy(RetryPolicy::none());
    let error = client.get_product(7).await.expect_err("no answer in time");
    stall.abort();
    assert!(error.is_timeout() && !error.is_connect(), "{error:?}");
    let source = error.source().expect("the transport's error");
    assert!(
        source
            .downcast_ref::<arazzo::reqwest::Error>()
            .expect("a reqwest::Error")
            .is_timeout()
    );
    assert!(matches!(client_error(&error), ClientError::Transport { method, .. } if method == "GET"));
}

#[tokio::test]
async fn label_matrix_and_structured_parameters_follow_the_style_table() {
    let server = server().await;
    server.on("GET", "/inventory/{w}/{bins}/{matrix}/{shelf}", vec![Reply::empty(204)]);
    let answer = store(&server)
        .get_inventory(
            "w/1",
            &[1, 2, 3],
            &["a", "b c"],
            3,
            &serde_json::json!({"x": 1, "y": 2}),
            &serde_json::json!({"row": 4, "side": "left"}),
            Some(&serde_json::json!({"min": 2, "state": "open"})),
            Some(&serde_json::json!({"h": 20, "w": 10})),
            Some(&[7, 8]),
            Some(&serde_json::json!({"lang": "en", "theme": "dark"})),
            Some(&["r1", "r2"]),
            Some(&["p1", "p2"]),
        )
        .await
        .expect("answer");
    assert_eq!((answer.status(), answer.bytes.len()), (204, 0));
    let requests = server.requests();
    let [request] = requests.as_slice() else {
        panic!("expected one request, got {requests:?}");
    };
    // label: `.w%2F1` (one value, `/` encoded), `.1.2.3` (exploded array);
    // matrix: `;lots=a,b%20c` (array), `;size=3`, `;x=1;y=2` (exploded object);
    // simple exploded object: `row=4,side=left`. Separators stay literal. (Object members go
    // out in the `serde_json::Value`'s order, sorted unless the build enables serde_json's
    // `preserve_order`; the objects above are written sorted so this holds either way.)
    assert_eq!(
        request.path,
        "/inventory/.w%2F1/.1.2.3/;lots=a,b%20c;size=3;x=1;y=2/row=4,side=left"
    );
    assert_eq!(request.header("X-Filter"), Some("min=2,state=open"));
    assert_eq!(request.header("X-Dims"), Some("h,20,w,10"));
    assert_eq!(request.header("X-Ids"), Some("7,8"));
    // Form-style cookies: a non-exploded object or array is one cookie whose
    // commas are percent-encoded (a comma is no cookie-octet in RFC 6265), an
    // exploded array one cookie per item.
    assert_eq!(
        request.header("cookie"),
        Some("prefs=lang%2Cen%2Ctheme%2Cdark; recent=r1; recent=r2; pinned=p1%2Cp2")
    );
}

#[tokio::test]
async fn styled_parameters_left_out_send_nothing() {
    let server = server().await;
    server.on("GET", "/inventory/{w}/{bins}/{matrix}/{shelf}", vec![Reply::empty(204)]);
    store(&server)
        .get_inventory(
            "w",
            &[5],
            &[],
            0,
            &serde_json::json!({}),
            &serde_json::json!({"row": 1}),
            None,
            None,
            None,
            None,
            None,
            None,
        )
        .await
        .expect("answer");
    let request = server.requests().pop().expect("one request");
    // An empty matrix array is `;lots=`, an empty matrix object `;`. (Not an
    // empty label array: its `.` is a whole segment, a dot-segment that URL
    // normalisation removes.)
    assert_eq!(request.path, "/inventory/.w/.5/;lots=;size=0;/row=1");
    assert_eq!(request.header("X-Filter"), None);
    assert_eq!(request.header("cookie"), None);
}

/// One part of a `multipart/form-data` body as the server sees it.
#[derive(Debug, PartialEq)]
struct ReceivedPart {
    /// Header lines, lower-cased names.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl ReceivedPart {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// A strict RFC 7578 reading of a recorded body: the boundary from the
/// content type, `--boundary` delimiters with CRLFs, headers, then bytes.
fn parse_multipart(request: &arazzo_tests::mock::Recorded) -> Vec<ReceivedPart> {
    let content_type = request.header("content-type").expect("content type");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("not multipart: {content_type}"));
    let delimiter = format!("--{boundary}");
    let body = &request.body;
    let find = |from: usize, needle: &[u8]| body[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from);
    assert!(body.starts_with(delimiter.as_bytes()), "body starts with the delimiter");
    let mut parts = Vec::new();
    let mut at = delimiter.len();
    loop {
        if body[at..].starts_with(b"--\r\n") {
            assert_eq!(at + 4, body.len(), "nothing after the close delimiter");
            return parts;
        }
        assert!(body[at..].starts_with(b"\r\n"), "CRLF after a delimiter");
        let head_start = at + 2;
        let head_end = find(head_start, b"\r\n\r\n").expect("end of part headers");
        let headers = String::from_utf8(body[head_start..head_end].to_vec())
            .expect("headers are text")
            .split("\r\n")
            .map(|line| {
                let (k, v) = line.split_once(": ").expect("header line");
                (k.to_ascii_lowercase(), v.to_owned())
            })
            .collect();
        let next = find(head_end + 4, format!("\r\n{delimiter}").as_bytes()).expect("next delimiter");
        parts.push(ReceivedPart {
            headers,
            body: body[head_end + 4..next].to_vec(),
        });
        at = next + 2 + delimiter.len();
    }
}

#[tokio::test]
async fn binary_members_are_sent_as_file_parts() {
    let server = server().await;
    server.on("POST", "/orders/{id}/attachments", vec![Reply::empty(201)]);
    let pdf = b"%PDF-1.7\x00\xff\r\n--not-a-boundary".to_vec();
    let body = store_api::AttachFileMultipart {
        file: arazzo::FilePart::new(pdf.clone()).with_filename("invoice \"7\".pdf"),
        comment: Some("paid".into()),
        thumbnails: Some(vec![
            arazzo::FilePart::new(vec![0x89, b'P', b'N', b'G']).with_content_type("image/png"),
            arazzo::FilePart::new(vec![1, 2, 3]),
        ]),
        meta: Some(store_api::types::AttachFileRequestMeta { pages: Some(2) }),
    };
    let answer = store(&server).attach_file("o-1", body).await.expect("answer");
    assert_eq!(answer.status(), 201);
    let request = server.requests().pop().expect("one request");
    let parts = parse_multipart(&request);
    let dispositions: Vec<&str> = parts.iter().map(|p| p.header("content-disposition").unwrap_or("")).collect();
    assert_eq!(
        dispositions,
        [
            // A quote in a filename is percent-encoded (RFC 7578 4.2).
            "form-data; name=\"file\"; filename=\"invoice %227%22.pdf\"",
            "form-data; name=\"comment\"",
            // Without a filename of its own, a file is named after its member.
            "form-data; name=\"thumbnails\"; filename=\"thumbnails\"",
            "form-data; name=\"thumbnails\"; filename=\"thumbnails\"",
            "form-data; name=\"meta\"",
        ]
    );
    // The Encoding Object's first content type, bytes untouched.
    assert_eq!(parts[0].header("content-type"), Some("application/pdf"));
    assert_eq!(parts[0].body, pdf);
    assert_eq!(parts[1].header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(parts[1].body, b"paid");
    assert_eq!(parts[2].header("content-type"), Some("image/png"));
    assert_eq!(parts[2].body, [0x89, b'P', b'N', b'G']);
    assert_eq!(parts[3].header("content-type"), Some("application/octet-stream"));
    assert_eq!(parts[3].body, [1, 2, 3]);
    assert_eq!(parts[4].header("content-type"), Some("application/json"));
    assert_eq!(parts[4].body, br#"{"pages":2}"#);
}

#[tokio::test]
async fn content_media_type_and_base64_members_of_3_1_are_files_too() {
    let server = server().await;
    server.on("POST", "/channels/{id}/attachments", vec![Reply::empty(204)]);
    let client = chat_api::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let body = chat_api::UploadAttachmentMultipart {
        file: arazzo::FilePart::new(b"\x89PNG".to_vec()).with_filename("a.png"),
        signature: Some(arazzo::FilePart::new(b"foobar".to_vec())),
        description: None,
    };
    client.upload_attachment("1", body).await.expect("answer");
    let parts = parse_multipart(&server.requests().pop().expect("one request"));
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert_eq!(parts[0].header("content-type"), Some("image/png"));
    assert_eq!(parts[0].body, b"\x89PNG");
    assert_eq!(parts[1].header("content-type"), Some("application/octet-stream"));
    assert_eq!(parts[1].header("content-transfer-encoding"), Some("base64"));
    assert_eq!(parts[1].body, b"Zm9vYmFy");
}
