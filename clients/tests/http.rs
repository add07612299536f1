//! The generated clients against a real HTTP server on 127.0.0.1: what they
//! put on the wire and what they make of what comes back (typed response
//! headers, encoded parameters, multipart parts). The example round trip only
//! exercises types; these tests exercise the request and response paths.

use arazzo::{ClientError, RetryPolicy};
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

async fn list_products(client: &store_api::Client) -> Result<store_api::ListProductsResponse, ClientError> {
    client.list_products(None, None, None, None, None, None).await
}

#[tokio::test]
async fn documented_response_headers_are_typed() {
    let server = server().await;
    server.on("GET", "/products", vec![products_reply()]);
    let answer = list_products(&store(&server)).await.expect("answer");
    let store_api::ListProductsResponse::Ok { body, headers } = answer else {
        panic!("expected 200, got {answer:?}");
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
    let answer = list_products(&store(&server)).await.expect("answer");
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
    match &error {
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
        matches!(&error, ClientError::InvalidHeader { header, value: Some(v), .. } if header == "X-Sampled" && v == "yes"),
        "{error:?}"
    );
    let error = list_products(&client).await.expect_err("missing header");
    assert!(
        matches!(&error, ClientError::InvalidHeader { header, value: None, .. } if header == "X-RateLimit-Remaining"),
        "{error:?}"
    );
    assert!(error.to_string().contains("required"), "{error}");
}

#[tokio::test]
async fn responses_without_a_body_carry_their_headers() {
    let server = server().await;
    server.on("GET", "/products", vec![Reply::empty(304).header("ETag", "\"v7\"")]);
    let answer = list_products(&store(&server)).await.expect("answer");
    let store_api::ListProductsResponse::NotModified { body, headers } = answer else {
        panic!("expected 304, got {answer:?}");
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
    let answer = client.get_channel("81384788765712384").await.expect("answer");
    let chat_api::GetChannelResponse::TooManyRequests { body, headers } = answer else {
        panic!("expected 429, got {answer:?}");
    };
    assert_eq!(body.retry_after, 1.5);
    assert_eq!(headers.retry_after, Some(1.5));
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
    assert!(matches!(answer, store_api::GetInventoryResponse::NoContent(_)));
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
    assert!(matches!(answer, store_api::AttachFileResponse::Created(_)));
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
