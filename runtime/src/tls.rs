//! Which TLS implementation the HTTP client uses, chosen by this crate's features.
//!
//! reqwest's own `rustls` feature hard-wires aws-lc-rs, whose C build dominated a user's first
//! build; so the rustls features here enable reqwest's `rustls-no-provider` and hand it a
//! `rustls::ClientConfig` built on the chosen provider and the platform's certificate verifier
//! (the verifier reqwest uses itself). `rustls-aws-lc` and `native-tls` use reqwest's own
//! configuration. With several features on, the first of `rustls-graviola`, `rustls-ring`,
//! `rustls-aws-lc`, `native-tls` wins, so that adding a feature never silently downgrades.

/// A `reqwest::ClientBuilder` set up with this crate's TLS choice.
///
/// [`HttpClient::new`](crate::HttpClient::new) builds its client from this; use it too when
/// passing your own client to `with_http_client` (for timeouts, proxies, ...): with the
/// rustls features, `reqwest::Client::builder()` alone has no crypto provider.
pub fn http_client_builder() -> reqwest::ClientBuilder {
    let builder = reqwest::Client::builder();
    #[cfg(feature = "__rustls")]
    let builder = match rustls_config() {
        Ok(config) => builder.tls_backend_preconfigured(config),
        // Only when the platform verifier cannot start; reqwest's `build` then reports that
        // no TLS provider is configured, and this says why.
        Err(e) => {
            tracing::error!(error = %e, "the platform certificate verifier could not be set up");
            builder
        }
    };
    #[cfg(all(not(feature = "__rustls"), feature = "rustls-aws-lc", feature = "native-tls"))]
    let builder = builder.tls_backend_rustls();
    builder
}

#[cfg(feature = "__rustls")]
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
