//! Which TLS implementation the HTTP client uses, chosen by this crate's features.
//!
//! reqwest's own `rustls` feature hard-wires aws-lc-rs, whose C build dominated a user's first
//! build; so the `rustls-ring` (default) and `rustls-graviola` features enable reqwest's
//! `rustls-no-provider` and hand it a `rustls::ClientConfig` built on that provider and the
//! platform's certificate verifier (the verifier reqwest uses itself), without installing a
//! process-wide default provider (an application that installs its own would then panic).
//! `rustls-aws-lc` and `native-tls` use reqwest's own TLS. With several features on, the first
//! of `native-tls`, `rustls-aws-lc`, `rustls-graviola`, `rustls-ring` wins, so an explicit
//! choice beats the default.

/// A `reqwest::ClientBuilder` set up with this crate's TLS choice.
///
/// [`HttpClient::new`](crate::HttpClient::new) builds its client from this; start from it too
/// when passing your own client to `with_http_client` (for timeouts, proxies, ...): with the
/// rustls features, `reqwest::Client::builder()` alone has no crypto provider. The rustls
/// features preconfigure reqwest's TLS, so reqwest's own TLS settings (extra root certificates,
/// TLS versions) do not apply to this builder: for those, build the `reqwest::Client` yourself
/// (with `rustls-aws-lc` or `native-tls`, or with a `rustls::ClientConfig` of your own passed
/// to `tls_backend_preconfigured`).
pub fn http_client_builder() -> reqwest::ClientBuilder {
    let builder = reqwest::Client::builder();
    #[cfg(feature = "native-tls")]
    let builder = builder.tls_backend_native();
    #[cfg(all(not(feature = "native-tls"), feature = "rustls-aws-lc"))]
    let builder = builder.tls_backend_rustls();
    #[cfg(all(not(feature = "native-tls"), not(feature = "rustls-aws-lc"), feature = "__rustls"))]
    let builder = match rustls_config() {
        Ok(config) => builder.tls_backend_preconfigured(config),
        // Only when the platform verifier cannot start; reqwest's `build` then fails for want
        // of a provider, and this says why.
        Err(e) => {
            tracing::error!(error = %e, "the platform certificate verifier could not be set up");
            builder
        }
    };
    builder
}

#[cfg(all(not(feature = "native-tls"), not(feature = "rustls-aws-lc"), feature = "__rustls"))]
fn rustls_config() -> Result<rustls::ClientConfig, rustls::Error> {
    use rustls_platform_verifier::BuilderVerifierExt;
    #[cfg(feature = "rustls-graviola")]
    let provider = rustls_graviola::default_provider();
    #[cfg(all(not(feature = "rustls-graviola"), feature = "rustls-ring"))]
    let provider = rustls::crypto::ring::default_provider();
    Ok(rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(provider))
        .with_safe_default_protocol_versions()?
        .with_platform_verifier()?
        .with_no_client_auth())
}

#[cfg(test)]
mod tests {
    /// The configured TLS initialises (a provider is present and the verifier starts), so
    /// `HttpClient::new` cannot panic for want of one.
    #[test]
    fn the_configured_tls_builds_a_client() {
        super::http_client_builder().build().expect("client with the configured TLS");
    }
}
