//! `multipart/form-data` bodies (RFC 7578): value parts and file parts.
//!
//! Workflows build multipart bodies from JSON payloads, where every member is
//! a value; typed clients also send files (members the schema marks binary),
//! which must travel as raw bytes with a filename and a content type rather
//! than as JSON strings. Both go through [`encode`], so there is one encoder
//! and one boundary rule.

/// One member of a multipart body.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Part {
    /// A value: a string is a `text/plain` part, anything else a JSON part.
    Value(serde_json::Value),
    /// Raw bytes.
    File(FilePart),
    /// Bytes sent base64-encoded (`Content-Transfer-Encoding: base64`), for
    /// members the schema declares `contentEncoding: base64`.
    Base64File(FilePart),
}

impl Part {
    /// A value part from anything serialisable.
    ///
    /// # Errors
    ///
    /// [`crate::ClientError::InvalidRequest`] naming the member when the value
    /// does not serialise to JSON.
    pub fn value<T: serde::Serialize + ?Sized>(name: &str, value: &T) -> Result<Part, crate::ClientError> {
        serde_json::to_value(value)
            .map(Part::Value)
            .map_err(|e| crate::ClientError::InvalidRequest {
                message: format!("multipart member `{name}` does not serialise: {e}"),
            })
    }

    /// A file part; `default_content_type` applies when the file has none of
    /// its own (the spec's Encoding Object or `contentMediaType`, else
    /// `application/octet-stream`).
    #[must_use]
    pub fn file(file: FilePart, default_content_type: &str, base64: bool) -> Part {
        let file = FilePart {
            content_type: file.content_type.or_else(|| Some(default_content_type.to_owned())),
            ..file
        };
        if base64 { Part::Base64File(file) } else { Part::File(file) }
    }

    /// The part as JSON, for `$request.body` expressions: files as (lossy) text.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Part::Value(value) => value.clone(),
            Part::File(file) | Part::Base64File(file) => serde_json::Value::String(String::from_utf8_lossy(&file.bytes).into_owned()),
        }
    }
}

/// A file to upload in a multipart body (a member the schema marks binary).
///
/// ```
/// let invoice = arazzo::FilePart::new(b"%PDF-1.7".to_vec()).with_filename("invoice.pdf");
/// assert_eq!(invoice.filename.as_deref(), Some("invoice.pdf"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct FilePart {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Sent as the part's `filename`; the member name when `None`, because
    /// common servers (werkzeug, multer, Go's `FormFile`) only treat parts
    /// with a filename as files.
    pub filename: Option<String>,
    /// Overrides the content type the spec gives the member.
    pub content_type: Option<String>,
}

impl FilePart {
    /// A file with no name and no content type of its own.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        FilePart {
            bytes: bytes.into(),
            filename: None,
            content_type: None,
        }
    }

    /// The part's `filename`.
    #[must_use]
    pub fn with_filename(mut self, filename: impl Into<String>) -> Self {
        self.filename = Some(filename.into());
        self
    }

    /// The part's `Content-Type`, over the one the description gives the member.
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

/// Quotes are not allowed inside a quoted `name`/`filename`; RFC 7578 4.2
/// says to percent-encode them, as browsers do.
fn quoted(text: &str) -> String {
    text.replace('"', "%22").replace(['\r', '\n'], " ")
}

/// RFC 4648 base64 with padding, the `Content-Transfer-Encoding: base64` form.
fn base64(bytes: &[u8]) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes).into_bytes()
}

/// The encoded body and its content type. The boundary is chosen so that it
/// occurs in no part, file bytes included.
pub(crate) fn encode(parts: &[(String, Part)]) -> (String, Vec<u8>) {
    let rendered: Vec<(String, Vec<u8>)> = parts
        .iter()
        .map(|(name, part)| {
            let name = quoted(name);
            let (headers, body) = match part {
                Part::Value(serde_json::Value::String(s)) => (
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\nContent-Type: text/plain; charset=utf-8"),
                    s.as_bytes().to_vec(),
                ),
                Part::Value(other) => (
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\nContent-Type: application/json"),
                    other.to_string().into_bytes(),
                ),
                Part::File(file) | Part::Base64File(file) => {
                    let filename = quoted(file.filename.as_deref().unwrap_or(&name));
                    let content_type = file.content_type.as_deref().unwrap_or("application/octet-stream");
                    let mut headers =
                        format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: {content_type}");
                    let body = if matches!(part, Part::Base64File(_)) {
                        headers.push_str("\r\nContent-Transfer-Encoding: base64");
                        base64(&file.bytes)
                    } else {
                        file.bytes.clone()
                    };
                    (headers, body)
                }
            };
            (headers, body)
        })
        .collect();
    let contains = |haystack: &[u8], needle: &[u8]| haystack.windows(needle.len()).any(|w| w == needle);
    let mut boundary = String::from("arazzo-boundary");
    let mut n = 0u32;
    while rendered
        .iter()
        .any(|(h, b)| contains(h.as_bytes(), boundary.as_bytes()) || contains(b, boundary.as_bytes()))
    {
        n += 1;
        boundary = format!("arazzo-boundary-{n}");
    }
    let mut out = Vec::new();
    for (headers, body) in &rendered {
        out.extend_from_slice(format!("--{boundary}\r\n{headers}\r\n\r\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_like_rfc_4648() {
        for (input, expected) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), expected.as_bytes(), "{input}");
        }
    }

    #[test]
    fn boundaries_never_occur_in_file_bytes() {
        let parts = vec![(
            "f".to_owned(),
            Part::file(FilePart::new(b"\x00--arazzo-boundary\xff".to_vec()), "image/png", false),
        )];
        let (content_type, bytes) = encode(&parts);
        assert_eq!(content_type, "multipart/form-data; boundary=arazzo-boundary-1");
        let expected = b"--arazzo-boundary-1\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\nContent-Type: image/png\r\n\r\n\x00--arazzo-boundary\xff\r\n--arazzo-boundary-1--\r\n";
        assert_eq!(bytes, expected.to_vec());
    }
}
