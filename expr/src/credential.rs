//! Which parameter, header and input names carry credentials. One rule for both sides: the
//! generator marks such workflow inputs secret (their `Debug` shows `***`), and the runtime
//! redacts such values wherever a request is shown and drops such headers on a redirect to
//! another origin. It lives here because this is the crate the generator and the runtime share.

/// Whether `name` is one a credential travels under: `Authorization`,
/// `Proxy-Authorization`, `Cookie`, names ending in `key` (`X-Api-Key`, `api_key`,
/// `apiKey`) and names containing `token`, `secret`, `password`, `passwd`, `session`,
/// `signature` or `credential` (ASCII case-insensitive).
#[must_use]
pub fn is_credential_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    matches!(n.as_str(), "authorization" | "proxy-authorization" | "cookie")
        || n.ends_with("key")
        || ["token", "secret", "password", "passwd", "session", "signature", "credential"]
            .iter()
            .any(|w| n.contains(w))
}

#[cfg(test)]
mod tests {
    use super::is_credential_name;

    #[test]
    fn credential_names() {
        for name in [
            "Authorization",
            "X-Api-Key",
            "api_key",
            "apikey",
            "X-Auth-Token",
            "access_token",
            "client_secret",
            "Cookie",
            "sessionId",
            "X-Hub-Signature",
        ] {
            assert!(is_credential_name(name), "{name}");
        }
        for name in ["Accept", "X-Request-Id", "keyboard", "page", "Content-Type"] {
            assert!(!is_credential_name(name), "{name}");
        }
    }
}
