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
        // Only when the provider supports no safe protocol version; reqwest's `build` then
        // fails for want of a provider, and this says why.
        Err(e) => {
            tracing::error!(error = %e, "the TLS configuration could not be set up");
            builder
        }
    };
    builder
}

#[cfg(all(not(feature = "native-tls"), not(feature = "rustls-aws-lc"), feature = "__rustls"))]
fn rustls_config() -> Result<rustls::ClientConfig, rustls::Error> {
    Ok(rustls::ClientConfig::builder_with_provider(lazy::provider())
        .with_safe_default_protocol_versions()?
        .dangerous()
        .with_custom_certificate_verifier(lazy::verifier())
        .with_no_client_auth())
}

/// The platform verifier, started on the first TLS handshake instead of at client build.
///
/// `rustls_platform_verifier::Verifier::new` reads the whole OS certificate store (on Linux,
/// every file of `/etc/ssl/certs` parsed): more than half the CPU of a short plain-HTTP run
/// that never makes a TLS connection (issue #14). One verifier serves the process, so several
/// clients load the store once; if it cannot start, the first `https` request fails saying why.
#[cfg(all(not(feature = "native-tls"), not(feature = "rustls-aws-lc"), feature = "__rustls"))]
mod lazy {
    use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
    use rustls::crypto::CryptoProvider;
    use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
    use rustls::{DigitallySignedStruct, SignatureScheme};
    use std::sync::{Arc, LazyLock, OnceLock};

    pub(super) fn provider() -> Arc<CryptoProvider> {
        static PROVIDER: LazyLock<Arc<CryptoProvider>> = LazyLock::new(|| {
            #[cfg(feature = "rustls-graviola")]
            let provider = rustls_graviola::default_provider();
            #[cfg(all(not(feature = "rustls-graviola"), feature = "rustls-ring"))]
            let provider = rustls::crypto::ring::default_provider();
            Arc::new(provider)
        });
        PROVIDER.clone()
    }

    pub(super) fn verifier() -> Arc<LazyVerifier> {
        static VERIFIER: LazyLock<Arc<LazyVerifier>> = LazyLock::new(|| {
            Arc::new(LazyVerifier {
                provider: provider(),
                inner: OnceLock::new(),
            })
        });
        VERIFIER.clone()
    }

    #[derive(Debug)]
    pub(super) struct LazyVerifier {
        provider: Arc<CryptoProvider>,
        inner: OnceLock<Result<rustls_platform_verifier::Verifier, rustls::Error>>,
    }

    impl LazyVerifier {
        pub(super) fn inner(&self) -> Result<&rustls_platform_verifier::Verifier, rustls::Error> {
            let inner = self.inner.get_or_init(|| {
                let verifier = rustls_platform_verifier::Verifier::new(self.provider.clone());
                if let Err(e) = &verifier {
                    tracing::error!(error = %e, "the platform certificate verifier could not be set up");
                }
                verifier
            });
            inner.as_ref().map_err(Clone::clone)
        }

        #[cfg(test)]
        pub(super) fn started(&self) -> bool {
            self.inner.get().is_some()
        }
    }

    impl ServerCertVerifier for LazyVerifier {
        fn verify_server_cert(
            &self,
            end_entity: &CertificateDer<'_>,
            intermediates: &[CertificateDer<'_>],
            server_name: &ServerName<'_>,
            ocsp_response: &[u8],
            now: UnixTime,
        ) -> Result<ServerCertVerified, rustls::Error> {
            self.inner()?
                .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            self.inner()?.verify_tls12_signature(message, cert, dss)
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            self.inner()?.verify_tls13_signature(message, cert, dss)
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            match self.inner() {
                Ok(inner) => inner.supported_verify_schemes(),
                // The handshake then fails in `verify_server_cert` with the reason.
                Err(_) => self.provider.signature_verification_algorithms.supported_schemes(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The configured TLS initialises (a provider is present and the verifier starts), so
    /// `HttpClient::new` cannot panic for want of one.
    #[test]
    fn the_configured_tls_builds_a_client() {
        super::http_client_builder().build().expect("client with the configured TLS");
    }

    /// Building clients reads no certificate store (a plain-HTTP process never does); the
    /// verifier starts when a handshake first needs it, and gives the platform's answer.
    #[cfg(all(not(feature = "native-tls"), not(feature = "rustls-aws-lc"), feature = "__rustls"))]
    #[test]
    fn the_certificate_store_loads_on_first_use_only() {
        use rustls::client::danger::ServerCertVerifier as _;
        let verifier = super::lazy::verifier();
        super::http_client_builder().build().expect("client");
        super::http_client_builder().build().expect("a second client");
        assert!(!verifier.started(), "a client build started the verifier");
        assert!(!verifier.supported_verify_schemes().is_empty());
        assert!(verifier.started());
        // The same verifier, started once, serves every later client.
        assert!(std::sync::Arc::ptr_eq(&verifier, &super::lazy::verifier()));
    }
}
