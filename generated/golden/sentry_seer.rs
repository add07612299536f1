::arazzo::__require_runtime!("0.1.0");
/// Sentry Seer API (version 0.0.1)
///
/// AI-powered issue analysis in Sentry: list the available Seer models, start an AI-assisted fix for an issue, and poll the state of that fix.
#[allow(
    clippy::doc_markdown,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::empty_docs,
    clippy::tabs_in_doc_comments,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks,
    reason = "doc comments carry the description's own prose"
)]
#[allow(
    clippy::enum_variant_names,
    clippy::similar_names,
    reason = "names come from the description"
)]
#[allow(
    clippy::too_many_arguments,
    clippy::too_many_lines,
    clippy::large_enum_variant,
    clippy::large_types_passed_by_value,
    clippy::struct_excessive_bools,
    clippy::fn_params_excessive_bools,
    reason = "sizes follow the description"
)]
#[allow(
    deprecated,
    reason = "deprecated parts of the description are generated and used like the rest"
)]
#[allow(
    clippy::match_overlapping_arm,
    reason = "exact statuses come before the ranges that cover them, as OpenAPI ranks them"
)]
#[allow(
    clippy::unreadable_literal,
    reason = "numbers are written as the description writes them"
)]
pub mod seer_api {
    /// Types of the schemas the client uses, generated from the description.
    pub mod types {
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct SeerModel {
            pub id: ::std::string::String,
            pub name: ::std::string::String,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub description: ::std::option::Option<::std::string::String>,
            #[serde(
                rename = "isAvailable",
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            )]
            pub is_available: ::std::option::Option<bool>,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::default::Default,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct SeerAutofixResponse {
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub autofix: ::std::option::Option<SeerAutofixState>,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct SeerAutofixState {
            /// Where the analysis is; `completed` and `error` are final.
            pub status: SeerAutofixStateStatus,
            #[serde(rename = "createdAt")]
            pub created_at: ::std::string::String,
            #[serde(
                rename = "completedAt",
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            )]
            pub completed_at: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub steps: ::std::option::Option<::std::vec::Vec<SeerAutofixStateStepsItem>>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub fix: ::std::option::Option<SeerAutofixStateFix>,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::default::Default,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct StartSeerIssueFixRequest {
            /// Natural-language guidance for the fix.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub instruction: ::std::option::Option<::std::string::String>,
        }
        /// Where the analysis is; `completed` and `error` are final.
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash
        )]
        pub enum SeerAutofixStateStatus {
            /// `pending`
            Pending,
            /// `processing`
            Processing,
            /// `completed`
            Completed,
            /// `error`
            Error,
            /// A value this description does not list, kept as sent.
            Unknown(::std::string::String),
        }
        impl SeerAutofixStateStatus {
            /// The value as it appears in JSON.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Pending => "pending",
                    Self::Processing => "processing",
                    Self::Completed => "completed",
                    Self::Error => "error",
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for SeerAutofixStateStatus {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    "pending" => Self::Pending,
                    "processing" => Self::Processing,
                    "completed" => Self::Completed,
                    "error" => Self::Error,
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::std::str::FromStr for SeerAutofixStateStatus {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(::std::string::String::from(value)))
            }
        }
        impl ::std::fmt::Display for SeerAutofixStateStatus {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::arazzo::serde::Serialize for SeerAutofixStateStatus {
            fn serialize<S>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::arazzo::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::arazzo::serde::Deserialize<'de> for SeerAutofixStateStatus {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::arazzo::serde::Deserializer<'de>,
            {
                let value = <::std::string::String as ::arazzo::serde::Deserialize<
                    'de,
                >>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from(value))
            }
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::default::Default,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct SeerAutofixStateStepsItem {
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub id: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub title: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub status: ::std::option::Option<::std::string::String>,
            #[serde(
                rename = "completedMessage",
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            )]
            pub completed_message: ::std::option::Option<::std::string::String>,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::default::Default,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct SeerAutofixStateFix {
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub title: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub description: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub pr_url: ::std::option::Option<::std::string::String>,
        }
    }
    /// The spec's first server, used by `Client::default()`.
    pub const DEFAULT_BASE_URL: &str = "https://sentry.io/api/0";
    /// One method per operation; cheap to clone (the connection pool is shared).
    #[derive(::std::clone::Clone, ::std::fmt::Debug)]
    pub struct Client {
        http: ::arazzo::HttpClient,
    }
    impl Client {
        /// A client for the API at `base_url`. Infallible: a malformed URL is
        /// reported by the first request.
        #[must_use]
        pub fn new(base_url: impl ::std::convert::Into<::std::string::String>) -> Self {
            Self {
                http: ::arazzo::HttpClient::new(base_url),
            }
        }
        /// Sends `Authorization: Bearer <token>` with every request.
        #[must_use]
        pub fn with_bearer_token(
            self,
            token: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            Self {
                http: self.http.with_auth(::arazzo::Auth::bearer(token)),
            }
        }
        /// Sends requests through `client` (proxies, TLS roots, timeouts).
        #[must_use]
        pub fn with_http_client(self, client: ::arazzo::reqwest::Client) -> Self {
            Self {
                http: self.http.with_http_client(client),
            }
        }
        /// Retries transient failures according to `policy`.
        #[must_use]
        pub fn with_retry_policy(self, policy: ::arazzo::RetryPolicy) -> Self {
            Self {
                http: self.http.with_retry_policy(policy),
            }
        }
        /// Runs every request under `limits`: timeouts, body size, redirects
        /// (the default: `arazzo::Limits::default()`).
        #[must_use]
        pub fn with_limits(self, limits: ::arazzo::Limits) -> Self {
            Self {
                http: self.http.with_limits(limits),
            }
        }
        /// What an answer that does not match its documented schema does:
        /// `arazzo::SchemaChecks::Strict` (the default) makes it
        /// `arazzo::ClientError::ResponseSchema`, `Warn` a `tracing` warning.
        #[must_use]
        pub fn with_schema_checks(self, checks: ::arazzo::SchemaChecks) -> Self {
            Self {
                http: self.http.with_schema_checks(checks),
            }
        }
        /// The underlying runtime client, for requests this description does not cover.
        #[must_use]
        pub fn http(&self) -> &::arazzo::HttpClient {
            &self.http
        }
        /// List the Seer AI models available to an organization.
        ///
        /// `GET /organizations/{organization_id_or_slug}/seer/models/` (operationId `listSeerModels`)
        ///
        /// # Errors
        ///
        /// [`ApiError::Documented`](::arazzo::ApiError::Documented) with a `ListSeerModelsError` for a documented error status (`401`, `403`); [`ApiError::Client`](::arazzo::ApiError::Client) when there is no answer, the status is not documented, or the answer does not match the description.
        pub async fn list_seer_models(
            &self,
            organization_id_or_slug: &str,
        ) -> ::std::result::Result<
            ::arazzo::ResponseValue<::std::vec::Vec<types::SeerModel>>,
            ::arazzo::ApiError<ListSeerModelsError>,
        > {
            let request = ::arazzo::Request::new(
                    ::arazzo::Method::GET,
                    "/organizations/{organization_id_or_slug}/seer/models/",
                )
                .responses(::std::option::Option::Some(&__shapes::R0));
            let request = request
                .path("organization_id_or_slug", organization_id_or_slug);
            let exchange = self.http.send(request).await?;
            match exchange.status() {
                200 => {
                    ::std::result::Result::Ok(
                        exchange.into_json::<::std::vec::Vec<types::SeerModel>>()?,
                    )
                }
                401 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented(
                            exchange.into_raw().map(ListSeerModelsError::Unauthorized),
                        ),
                    )
                }
                403 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented(
                            exchange.into_raw().map(ListSeerModelsError::Forbidden),
                        ),
                    )
                }
                _ => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::Client(exchange.unexpected_status()),
                    )
                }
            }
        }
        /// Start a Seer autofix analysis for an issue.
        ///
        /// The analysis runs asynchronously; poll its state with retrieveSeerIssueFixState.
        ///
        /// `POST /issues/{issue_id}/seer/autofix/` (operationId `startSeerIssueFix`)
        ///
        /// # Errors
        ///
        /// [`ApiError::Documented`](::arazzo::ApiError::Documented) with a `StartSeerIssueFixError` for a documented error status (`400`, `401`, `404`); [`ApiError::Client`](::arazzo::ApiError::Client) when there is no answer, the status is not documented, or the answer does not match the description.
        pub async fn start_seer_issue_fix(
            &self,
            issue_id: &str,
            body: ::std::option::Option<&types::StartSeerIssueFixRequest>,
        ) -> ::std::result::Result<
            ::arazzo::ResponseValue<types::SeerAutofixResponse>,
            ::arazzo::ApiError<StartSeerIssueFixError>,
        > {
            let request = ::arazzo::Request::new(
                    ::arazzo::Method::POST,
                    "/issues/{issue_id}/seer/autofix/",
                )
                .responses(::std::option::Option::Some(&__shapes::R1));
            let request = request.path("issue_id", issue_id);
            let request = match body {
                ::std::option::Option::Some(body) => request.json(body)?,
                ::std::option::Option::None => request,
            };
            let exchange = self.http.send(request).await?;
            match exchange.status() {
                202 => {
                    ::std::result::Result::Ok(
                        exchange.into_json::<types::SeerAutofixResponse>()?,
                    )
                }
                400 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented(
                            exchange.into_raw().map(StartSeerIssueFixError::BadRequest),
                        ),
                    )
                }
                401 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented(
                            exchange.into_raw().map(StartSeerIssueFixError::Unauthorized),
                        ),
                    )
                }
                404 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented(
                            exchange.into_raw().map(StartSeerIssueFixError::NotFound),
                        ),
                    )
                }
                _ => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::Client(exchange.unexpected_status()),
                    )
                }
            }
        }
        /// Get the current state of an issue's Seer autofix.
        ///
        /// `GET /issues/{issue_id}/seer/autofix/` (operationId `retrieveSeerIssueFixState`)
        ///
        /// # Errors
        ///
        /// [`ApiError::Documented`](::arazzo::ApiError::Documented) with a `RetrieveSeerIssueFixStateError` for a documented error status (`401`, `404`); [`ApiError::Client`](::arazzo::ApiError::Client) when there is no answer, the status is not documented, or the answer does not match the description.
        pub async fn retrieve_seer_issue_fix_state(
            &self,
            issue_id: &str,
        ) -> ::std::result::Result<
            ::arazzo::ResponseValue<types::SeerAutofixResponse>,
            ::arazzo::ApiError<RetrieveSeerIssueFixStateError>,
        > {
            let request = ::arazzo::Request::new(
                    ::arazzo::Method::GET,
                    "/issues/{issue_id}/seer/autofix/",
                )
                .responses(::std::option::Option::Some(&__shapes::R2));
            let request = request.path("issue_id", issue_id);
            let exchange = self.http.send(request).await?;
            match exchange.status() {
                200 => {
                    ::std::result::Result::Ok(
                        exchange.into_json::<types::SeerAutofixResponse>()?,
                    )
                }
                401 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented(
                            exchange
                                .into_raw()
                                .map(RetrieveSeerIssueFixStateError::Unauthorized),
                        ),
                    )
                }
                404 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented(
                            exchange
                                .into_raw()
                                .map(RetrieveSeerIssueFixStateError::NotFound),
                        ),
                    )
                }
                _ => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::Client(exchange.unexpected_status()),
                    )
                }
            }
        }
    }
    impl ::std::default::Default for Client {
        fn default() -> Self {
            Self::new(DEFAULT_BASE_URL)
        }
    }
    /// The documented error statuses of `listSeerModels`, the body of its `ApiError::Documented`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum ListSeerModelsError {
        /// `401`: The token is missing or invalid.
        Unauthorized(::arazzo::RawBody),
        /// `403`: The token may not read this organization.
        Forbidden(::arazzo::RawBody),
    }
    /// The documented error statuses of `startSeerIssueFix`, the body of its `ApiError::Documented`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum StartSeerIssueFixError {
        /// `400`: The request was malformed.
        BadRequest(::arazzo::RawBody),
        /// `401`: The token is missing or invalid.
        Unauthorized(::arazzo::RawBody),
        /// `404`: No such issue.
        NotFound(::arazzo::RawBody),
    }
    /// The documented error statuses of `retrieveSeerIssueFixState`, the body of its `ApiError::Documented`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum RetrieveSeerIssueFixStateError {
        /// `401`: The token is missing or invalid.
        Unauthorized(::arazzo::RawBody),
        /// `404`: No autofix was started for this issue.
        NotFound(::arazzo::RawBody),
    }
    /// The documented JSON response schemas, lowered for `arazzo::schema::validate`.
    #[doc(hidden)]
    pub mod __shapes {
        /// `GET /organizations/{organization_id_or_slug}/seer/models/`
        pub static R0: ::arazzo::schema::Responses = ::arazzo::schema::Responses {
            operation: "listSeerModels",
            shapes: &[(200, 200, &S0)],
        };
        /// `POST /issues/{issue_id}/seer/autofix/`
        pub static R1: ::arazzo::schema::Responses = ::arazzo::schema::Responses {
            operation: "startSeerIssueFix",
            shapes: &[(202, 202, &S1)],
        };
        /// `GET /issues/{issue_id}/seer/autofix/`
        pub static R2: ::arazzo::schema::Responses = ::arazzo::schema::Responses {
            operation: "retrieveSeerIssueFixState",
            shapes: &[(200, 200, &S1)],
        };
        /// `/paths/~1organizations~1{organization_id_or_slug}~1seer~1models~1/get/responses/200/content/application~1json/schema`
        static S0: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::ARRAY,
            )
            .items(&S2);
        /// `/components/schemas/SeerAutofixResponse`
        static S1: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(&[("autofix", &S3)], &[]);
        /// `/components/schemas/SeerModel`
        static S2: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("id", &::arazzo::schema::STRING),
                    ("name", &::arazzo::schema::STRING),
                    ("description", &::arazzo::schema::STRING),
                    ("isAvailable", &::arazzo::schema::BOOLEAN),
                ],
                &["id", "name"],
            );
        /// `/components/schemas/SeerAutofixState`
        static S3: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("status", &::arazzo::schema::STRING),
                    ("createdAt", &::arazzo::schema::STRING),
                    ("completedAt", &::arazzo::schema::NULLABLE_STRING),
                    ("steps", &S4),
                    ("fix", &S5),
                ],
                &["status", "createdAt"],
            );
        /// `/components/schemas/SeerAutofixState/properties/steps`
        static S4: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::ARRAY,
            )
            .items(&S6);
        /// `/components/schemas/SeerAutofixState/properties/fix`
        static S5: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT | ::arazzo::schema::types::NULL,
            )
            .properties(
                &[
                    ("title", &::arazzo::schema::STRING),
                    ("description", &::arazzo::schema::STRING),
                    ("pr_url", &::arazzo::schema::NULLABLE_STRING),
                ],
                &[],
            );
        /// `/components/schemas/SeerAutofixState/properties/steps/items`
        static S6: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("id", &::arazzo::schema::STRING),
                    ("title", &::arazzo::schema::STRING),
                    ("status", &::arazzo::schema::STRING),
                    ("completedMessage", &::arazzo::schema::NULLABLE_STRING),
                ],
                &[],
            );
        /// The table of the operation at `method` `path` (as the description writes it).
        #[must_use]
        pub fn lookup(
            method: &str,
            path: &str,
        ) -> ::std::option::Option<&'static ::arazzo::schema::Responses> {
            match (method, path) {
                ("GET", "/organizations/{organization_id_or_slug}/seer/models/") => {
                    ::std::option::Option::Some(&R0)
                }
                ("POST", "/issues/{issue_id}/seer/autofix/") => {
                    ::std::option::Option::Some(&R1)
                }
                ("GET", "/issues/{issue_id}/seer/autofix/") => {
                    ::std::option::Option::Some(&R2)
                }
                _ => ::std::option::Option::None,
            }
        }
    }
}
/// Inputs of workflow `seer-autofix-issue`.
#[allow(
    clippy::doc_markdown,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::empty_docs,
    clippy::tabs_in_doc_comments,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks,
    reason = "doc comments carry the description's own prose"
)]
#[allow(
    clippy::too_many_arguments,
    clippy::too_many_lines,
    clippy::large_enum_variant,
    clippy::large_types_passed_by_value,
    clippy::struct_excessive_bools,
    clippy::fn_params_excessive_bools,
    reason = "sizes follow the description"
)]
#[allow(
    deprecated,
    reason = "deprecated parts of the description are generated and used like the rest"
)]
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::arazzo::serde::Serialize,
    ::arazzo::serde::Deserialize
)]
#[serde(crate = "::arazzo::serde")]
pub struct SeerAutofixIssueInputs {
    /// The ID or slug of the organization that owns the issue.
    #[serde(rename = "organizationIdOrSlug")]
    pub organization_id_or_slug: ::std::string::String,
    /// The ID of the issue to run the Seer autofix against.
    #[serde(rename = "issueId")]
    pub issue_id: ::std::string::String,
    /// Optional natural-language instruction to guide the AI fix.
    #[serde(
        rename = "instruction",
        default,
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub instruction: ::std::option::Option<::std::string::String>,
}
/// Outputs of workflow `seer-autofix-issue`.
#[allow(
    clippy::doc_markdown,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::empty_docs,
    clippy::tabs_in_doc_comments,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks,
    reason = "doc comments carry the description's own prose"
)]
#[allow(
    clippy::too_many_arguments,
    clippy::too_many_lines,
    clippy::large_enum_variant,
    clippy::large_types_passed_by_value,
    clippy::struct_excessive_bools,
    clippy::fn_params_excessive_bools,
    reason = "sizes follow the description"
)]
#[allow(
    deprecated,
    reason = "deprecated parts of the description are generated and used like the rest"
)]
#[derive(
    ::std::fmt::Debug,
    ::std::clone::Clone,
    ::std::cmp::PartialEq,
    ::arazzo::serde::Serialize,
    ::arazzo::serde::Deserialize
)]
#[serde(crate = "::arazzo::serde")]
pub struct SeerAutofixIssueOutputs {
    /// `$steps.pollFixState.outputs.status`
    #[serde(rename = "status")]
    pub status: seer_api::types::SeerAutofixStateStatus,
    /// `$steps.pollFixState.outputs.fixTitle`
    #[serde(rename = "fixTitle", default)]
    pub fix_title: ::std::option::Option<::std::string::String>,
    /// `$steps.pollFixState.outputs.prUrl`
    #[serde(rename = "prUrl", default)]
    pub pr_url: ::std::option::Option<::std::string::String>,
}
/// Runs the workflows of the Arazzo document. Cheap to clone.
#[derive(::std::clone::Clone)]
pub struct Workflows {
    seer_api: seer_api::Client,
    poll: ::arazzo::PollPolicy,
    observer: ::std::option::Option<::arazzo::Observer>,
}
impl ::std::fmt::Debug for Workflows {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Workflows")
            .field(::std::stringify!(seer_api), &self.seer_api)
            .field("poll", &self.poll)
            .field("observer", &self.observer.is_some())
            .finish()
    }
}
#[allow(
    clippy::doc_markdown,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::empty_docs,
    clippy::tabs_in_doc_comments,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks,
    reason = "doc comments carry the description's own prose"
)]
#[allow(
    clippy::too_many_arguments,
    clippy::too_many_lines,
    clippy::large_enum_variant,
    clippy::large_types_passed_by_value,
    clippy::struct_excessive_bools,
    clippy::fn_params_excessive_bools,
    reason = "sizes follow the description"
)]
#[allow(
    deprecated,
    reason = "deprecated parts of the description are generated and used like the rest"
)]
#[allow(
    clippy::redundant_else,
    reason = "a step's success and failure paths are the two branches of one `if`"
)]
impl Workflows {
    /// One client per source description, in document order: `seerApi`.
    #[must_use]
    pub fn new(seer_api: seer_api::Client) -> Self {
        Self {
            seer_api,
            poll: ::arazzo::PollPolicy::default(),
            observer: ::std::option::Option::None,
        }
    }
    /// How long to wait before running a step again (a `goto` back to it), and the deadline.
    #[must_use]
    pub fn with_poll_policy(mut self, poll: ::arazzo::PollPolicy) -> Self {
        self.poll = poll;
        self
    }
    /// Receives every event of every run: step starts, HTTP exchanges, criteria, actions, waits.
    #[must_use]
    pub fn with_observer(
        mut self,
        observer: impl ::std::ops::Fn(
            &::arazzo::Event<'_>,
        ) + ::std::marker::Send + ::std::marker::Sync + 'static,
    ) -> Self {
        self.observer = ::std::option::Option::Some(::std::sync::Arc::new(observer));
        self
    }
    /// The client for source description `seerApi`.
    #[must_use]
    pub fn seer_api(&self) -> &seer_api::Client {
        &self.seer_api
    }
    /// Start a Seer autofix for an issue and poll it to completion.
    ///
    /// Confirms Seer models are available, starts an autofix analysis for the target issue, and polls the fix state until it is completed or errored, surfacing the suggested fix and any pull request URL.
    ///
    /// Arazzo workflow `seer-autofix-issue`: steps `listModels` -> `startFix` -> `pollFixState`.
    ///
    /// # Errors
    ///
    /// A [`::arazzo::WorkflowError`] naming the step that failed and why: criteria not met, no answer, a timeout while polling, a value the description's types do not admit.
    pub async fn seer_autofix_issue(
        &self,
        inputs: SeerAutofixIssueInputs,
    ) -> ::std::result::Result<SeerAutofixIssueOutputs, ::arazzo::WorkflowError> {
        let inputs = ::arazzo::serde_json::to_value(&inputs)
            .map_err(|e| ::arazzo::WorkflowError::InvalidValue {
                workflow: "seer-autofix-issue".to_owned(),
                step: ::std::option::Option::None,
                name: "inputs".to_owned(),
                expression: "$inputs".to_owned(),
                message: e.to_string(),
            })?;
        let outputs = self.unboxed_run_seer_autofix_issue(inputs, 0).await?;
        ::std::result::Result::Ok(SeerAutofixIssueOutputs {
            status: ::arazzo::__private::output(
                "seer-autofix-issue",
                &outputs,
                "status",
                "$steps.pollFixState.outputs.status",
            )?,
            fix_title: ::arazzo::__private::output(
                "seer-autofix-issue",
                &outputs,
                "fixTitle",
                "$steps.pollFixState.outputs.fixTitle",
            )?,
            pr_url: ::arazzo::__private::output(
                "seer-autofix-issue",
                &outputs,
                "prUrl",
                "$steps.pollFixState.outputs.prUrl",
            )?,
        })
    }
    /// Runs workflow `seer-autofix-issue` on JSON inputs; `depth` is 0 for a top-level run (nested runs stop past `arazzo::MAX_DEPTH`).
    ///
    /// # Errors
    ///
    /// As the typed method, and [`::arazzo::WorkflowError::TooDeep`] past `arazzo::MAX_DEPTH`.
    #[must_use]
    pub fn run_seer_autofix_issue(
        &self,
        inputs: ::arazzo::serde_json::Value,
        depth: u32,
    ) -> ::arazzo::BoxFuture<
        '_,
        ::std::result::Result<::arazzo::Outputs, ::arazzo::WorkflowError>,
    > {
        ::std::boxed::Box::pin(self.unboxed_run_seer_autofix_issue(inputs, depth))
    }
    async fn unboxed_run_seer_autofix_issue(
        &self,
        inputs: ::arazzo::serde_json::Value,
        depth: u32,
    ) -> ::std::result::Result<::arazzo::Outputs, ::arazzo::WorkflowError> {
        #[derive(
            ::std::clone::Clone,
            ::std::marker::Copy,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq
        )]
        enum Step {
            ListModels,
            StartFix,
            PollFixState,
        }
        /// Step `listModels`: the next step, or `None` when the run ends here.
        #[allow(
            clippy::needless_return,
            reason = "the same `return` ends or fails the run from any branch of a step"
        )]
        fn step_0<'r>(
            this: &'r Workflows,
            run: &'r mut ::arazzo::__private::Run<'_>,
        ) -> ::arazzo::BoxFuture<
            'r,
            ::std::result::Result<::std::option::Option<Step>, ::arazzo::WorkflowError>,
        > {
            ::std::boxed::Box::pin(async move {
                run.enter("listModels").await?;
                let request = run
                    .request(
                        ::arazzo::Method::GET,
                        "/organizations/{organization_id_or_slug}/seer/models/",
                    )
                    .responses(
                        seer_api::__shapes::lookup(
                            "GET",
                            "/organizations/{organization_id_or_slug}/seer/models/",
                        ),
                    );
                let request = run
                    .param(
                        "listModels",
                        request,
                        &::arazzo::__private::ParamSpec::new(
                            ::arazzo::__private::In::Path,
                            "organization_id_or_slug",
                        ),
                        {
                            static TEMPLATE: ::std::sync::LazyLock<
                                ::arazzo::__private::Template,
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                Template::Text(
                                    Expr::expression(
                                        "$inputs.organizationIdOrSlug",
                                        Expression::Inputs {
                                            name: "organizationIdOrSlug".to_owned(),
                                            pointer: None,
                                        },
                                    ),
                                )
                            });
                            &TEMPLATE
                        },
                    )?;
                run.send("listModels", this.seer_api.http(), request).await?;
                if run
                    .criteria(
                        "listModels",
                        {
                            static CRITERIA: ::std::sync::LazyLock<
                                [::arazzo::__private::Check; 1],
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                [
                                    Check::simple(
                                        "$statusCode == 200",
                                        SimpleCondition::from_root(Node::Comparison {
                                            left: Operand::Expression {
                                                expression: Expression::StatusCode,
                                                accessors: vec![],
                                                span: 0..11,
                                            },
                                            op: ComparisonOp::Eq,
                                            right: Operand::Literal(
                                                Literal::Number(Number::from(200u64)),
                                            ),
                                        }),
                                    ),
                                ]
                            });
                            &*CRITERIA
                        },
                    )?
                {
                    run.step_succeeded(
                        "listModels",
                        {
                            static OUTPUTS: ::std::sync::LazyLock<
                                [(&'static str, ::arazzo::__private::Expr); 1],
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                [
                                    (
                                        "firstModelId",
                                        Expr::expression(
                                            "$response.body#/0/id",
                                            Expression::Response(
                                                Source::Body(Some(JsonPointer::from_tokens(["0", "id"]))),
                                            ),
                                        ),
                                    ),
                                ]
                            });
                            &*OUTPUTS
                        },
                    )?;
                    run.action(
                        "listModels",
                        ::std::option::Option::None,
                        ::arazzo::ActionKind::Next,
                        ::std::option::Option::Some("startFix"),
                    );
                    ::std::result::Result::Ok(
                        ::std::option::Option::Some(Step::StartFix),
                    )
                } else {
                    return ::std::result::Result::Err(run.step_failed("listModels"));
                }
            })
        }
        /// Step `startFix`: the next step, or `None` when the run ends here.
        #[allow(
            clippy::needless_return,
            reason = "the same `return` ends or fails the run from any branch of a step"
        )]
        fn step_1<'r>(
            this: &'r Workflows,
            run: &'r mut ::arazzo::__private::Run<'_>,
        ) -> ::arazzo::BoxFuture<
            'r,
            ::std::result::Result<::std::option::Option<Step>, ::arazzo::WorkflowError>,
        > {
            ::std::boxed::Box::pin(async move {
                run.enter("startFix").await?;
                let request = run
                    .request(::arazzo::Method::POST, "/issues/{issue_id}/seer/autofix/")
                    .responses(
                        seer_api::__shapes::lookup(
                            "POST",
                            "/issues/{issue_id}/seer/autofix/",
                        ),
                    );
                let request = run
                    .param(
                        "startFix",
                        request,
                        &::arazzo::__private::ParamSpec::new(
                            ::arazzo::__private::In::Path,
                            "issue_id",
                        ),
                        {
                            static TEMPLATE: ::std::sync::LazyLock<
                                ::arazzo::__private::Template,
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                Template::Text(
                                    Expr::expression(
                                        "$inputs.issueId",
                                        Expression::Inputs {
                                            name: "issueId".to_owned(),
                                            pointer: None,
                                        },
                                    ),
                                )
                            });
                            &TEMPLATE
                        },
                    )?;
                let payload = run
                    .payload(
                        "startFix",
                        {
                            static TEMPLATE: ::std::sync::LazyLock<
                                ::arazzo::__private::Template,
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                Template::Object(
                                    vec![
                                        ("instruction",
                                        Template::Text(Expr::expression("$inputs.instruction",
                                        Expression::Inputs { name : "instruction".to_owned(),
                                        pointer : None })))
                                    ],
                                )
                            });
                            &TEMPLATE
                        },
                    )?;
                let request = request.json_payload(&payload);
                run.send("startFix", this.seer_api.http(), request).await?;
                if run
                    .criteria(
                        "startFix",
                        {
                            static CRITERIA: ::std::sync::LazyLock<
                                [::arazzo::__private::Check; 1],
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                [
                                    Check::simple(
                                        "$statusCode == 202",
                                        SimpleCondition::from_root(Node::Comparison {
                                            left: Operand::Expression {
                                                expression: Expression::StatusCode,
                                                accessors: vec![],
                                                span: 0..11,
                                            },
                                            op: ComparisonOp::Eq,
                                            right: Operand::Literal(
                                                Literal::Number(Number::from(202u64)),
                                            ),
                                        }),
                                    ),
                                ]
                            });
                            &*CRITERIA
                        },
                    )?
                {
                    run.step_succeeded(
                        "startFix",
                        {
                            static OUTPUTS: ::std::sync::LazyLock<
                                [(&'static str, ::arazzo::__private::Expr); 1],
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                [
                                    (
                                        "startedStatus",
                                        Expr::expression(
                                            "$response.body#/autofix/status",
                                            Expression::Response(
                                                Source::Body(
                                                    Some(JsonPointer::from_tokens(["autofix", "status"])),
                                                ),
                                            ),
                                        ),
                                    ),
                                ]
                            });
                            &*OUTPUTS
                        },
                    )?;
                    run.action(
                        "startFix",
                        ::std::option::Option::None,
                        ::arazzo::ActionKind::Next,
                        ::std::option::Option::Some("pollFixState"),
                    );
                    ::std::result::Result::Ok(
                        ::std::option::Option::Some(Step::PollFixState),
                    )
                } else {
                    return ::std::result::Result::Err(run.step_failed("startFix"));
                }
            })
        }
        /// Step `pollFixState`: the next step, or `None` when the run ends here.
        #[allow(
            clippy::needless_return,
            reason = "the same `return` ends or fails the run from any branch of a step"
        )]
        fn step_2<'r>(
            this: &'r Workflows,
            run: &'r mut ::arazzo::__private::Run<'_>,
        ) -> ::arazzo::BoxFuture<
            'r,
            ::std::result::Result<::std::option::Option<Step>, ::arazzo::WorkflowError>,
        > {
            ::std::boxed::Box::pin(async move {
                run.enter("pollFixState").await?;
                let request = run
                    .request(::arazzo::Method::GET, "/issues/{issue_id}/seer/autofix/")
                    .responses(
                        seer_api::__shapes::lookup(
                            "GET",
                            "/issues/{issue_id}/seer/autofix/",
                        ),
                    );
                let request = run
                    .param(
                        "pollFixState",
                        request,
                        &::arazzo::__private::ParamSpec::new(
                            ::arazzo::__private::In::Path,
                            "issue_id",
                        ),
                        {
                            static TEMPLATE: ::std::sync::LazyLock<
                                ::arazzo::__private::Template,
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                Template::Text(
                                    Expr::expression(
                                        "$inputs.issueId",
                                        Expression::Inputs {
                                            name: "issueId".to_owned(),
                                            pointer: None,
                                        },
                                    ),
                                )
                            });
                            &TEMPLATE
                        },
                    )?;
                run.send("pollFixState", this.seer_api.http(), request).await?;
                if run
                    .criteria(
                        "pollFixState",
                        {
                            static CRITERIA: ::std::sync::LazyLock<
                                [::arazzo::__private::Check; 1],
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                [
                                    Check::simple(
                                        "$statusCode == 200",
                                        SimpleCondition::from_root(Node::Comparison {
                                            left: Operand::Expression {
                                                expression: Expression::StatusCode,
                                                accessors: vec![],
                                                span: 0..11,
                                            },
                                            op: ComparisonOp::Eq,
                                            right: Operand::Literal(
                                                Literal::Number(Number::from(200u64)),
                                            ),
                                        }),
                                    ),
                                ]
                            });
                            &*CRITERIA
                        },
                    )?
                {
                    run.step_succeeded(
                        "pollFixState",
                        {
                            static OUTPUTS: ::std::sync::LazyLock<
                                [(&'static str, ::arazzo::__private::Expr); 3],
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                [
                                    (
                                        "status",
                                        Expr::expression(
                                            "$response.body#/autofix/status",
                                            Expression::Response(
                                                Source::Body(
                                                    Some(JsonPointer::from_tokens(["autofix", "status"])),
                                                ),
                                            ),
                                        ),
                                    ),
                                    (
                                        "fixTitle",
                                        Expr::expression(
                                            "$response.body#/autofix/fix/title",
                                            Expression::Response(
                                                Source::Body(
                                                    Some(JsonPointer::from_tokens(["autofix", "fix", "title"])),
                                                ),
                                            ),
                                        ),
                                    ),
                                    (
                                        "prUrl",
                                        Expr::expression(
                                            "$response.body#/autofix/fix/pr_url",
                                            Expression::Response(
                                                Source::Body(
                                                    Some(JsonPointer::from_tokens(["autofix", "fix", "pr_url"])),
                                                ),
                                            ),
                                        ),
                                    ),
                                ]
                            });
                            &*OUTPUTS
                        },
                    )?;
                    if run
                        .criteria(
                            "pollFixState",
                            {
                                static CRITERIA: ::std::sync::LazyLock<
                                    [::arazzo::__private::Check; 1],
                                > = ::std::sync::LazyLock::new(|| {
                                    #[allow(
                                        clippy::wildcard_imports,
                                        reason = "the parsed forms' names, in this initialiser only"
                                    )]
                                    use ::arazzo::__private::parsed::*;
                                    [
                                        Check::jsonpath(
                                            "$.autofix.status == \"completed\"",
                                            Expression::Response(Source::Body(None)),
                                            ConditionKind::Logical(
                                                Logical::Compare(
                                                    Comparable::Query(
                                                        Query::absolute(
                                                            vec![
                                                                PathSegment::name("autofix"), PathSegment::name("status")
                                                            ],
                                                        ),
                                                    ),
                                                    ComparisonOp::Eq,
                                                    Comparable::Literal(Value::String("completed".to_owned())),
                                                ),
                                            ),
                                        ),
                                    ]
                                });
                                &*CRITERIA
                            },
                        )?
                    {
                        run.action(
                            "pollFixState",
                            ::std::option::Option::Some("fixCompleted"),
                            ::arazzo::ActionKind::End,
                            ::std::option::Option::None,
                        );
                        return ::std::result::Result::Ok(::std::option::Option::None);
                    } else if run
                        .criteria(
                            "pollFixState",
                            {
                                static CRITERIA: ::std::sync::LazyLock<
                                    [::arazzo::__private::Check; 1],
                                > = ::std::sync::LazyLock::new(|| {
                                    #[allow(
                                        clippy::wildcard_imports,
                                        reason = "the parsed forms' names, in this initialiser only"
                                    )]
                                    use ::arazzo::__private::parsed::*;
                                    [
                                        Check::jsonpath(
                                            "$.autofix.status == \"pending\" || $.autofix.status == \"processing\"",
                                            Expression::Response(Source::Body(None)),
                                            ConditionKind::Logical(
                                                Logical::Or(
                                                    vec![
                                                        Logical::Compare(Comparable::Query(Query::absolute(vec![PathSegment::name("autofix"),
                                                        PathSegment::name("status")])), ComparisonOp::Eq,
                                                        Comparable::Literal(Value::String("pending".to_owned()))),
                                                        Logical::Compare(Comparable::Query(Query::absolute(vec![PathSegment::name("autofix"),
                                                        PathSegment::name("status")])), ComparisonOp::Eq,
                                                        Comparable::Literal(Value::String("processing".to_owned())))
                                                    ],
                                                ),
                                            ),
                                        ),
                                    ]
                                });
                                &*CRITERIA
                            },
                        )?
                    {
                        run.action(
                            "pollFixState",
                            ::std::option::Option::Some("keepPolling"),
                            ::arazzo::ActionKind::Goto,
                            ::std::option::Option::Some("pollFixState"),
                        );
                        ::std::result::Result::Ok(
                            ::std::option::Option::Some(Step::PollFixState),
                        )
                    } else {
                        run.action(
                            "pollFixState",
                            ::std::option::Option::None,
                            ::arazzo::ActionKind::End,
                            ::std::option::Option::None,
                        );
                        return ::std::result::Result::Ok(::std::option::Option::None);
                    }
                } else {
                    return ::std::result::Result::Err(run.step_failed("pollFixState"));
                }
            })
        }
        ::arazzo::__private::check_depth("seer-autofix-issue", depth)?;
        let sources = [("seerApi", "../openapi/sentry-seer-openapi.yml".to_owned())];
        let mut run = ::arazzo::__private::Run::new(
            "seer-autofix-issue",
            &self.poll,
            self.observer.as_ref(),
            inputs,
            &sources,
        );
        let mut step = Step::ListModels;
        loop {
            let next = match step {
                Step::ListModels => step_0(self, &mut run),
                Step::StartFix => step_1(self, &mut run),
                Step::PollFixState => step_2(self, &mut run),
            };
            match next.await? {
                ::std::option::Option::Some(next) => step = next,
                ::std::option::Option::None => break,
            }
        }
        run.finish({
            static OUTPUTS: ::std::sync::LazyLock<
                [(&'static str, ::arazzo::__private::Expr); 3],
            > = ::std::sync::LazyLock::new(|| {
                #[allow(
                    clippy::wildcard_imports,
                    reason = "the parsed forms' names, in this initialiser only"
                )]
                use ::arazzo::__private::parsed::*;
                [
                    (
                        "status",
                        Expr::expression(
                            "$steps.pollFixState.outputs.status",
                            Expression::Steps {
                                step_id: "pollFixState".to_owned(),
                                output: "status".to_owned(),
                                pointer: None,
                            },
                        ),
                    ),
                    (
                        "fixTitle",
                        Expr::expression(
                            "$steps.pollFixState.outputs.fixTitle",
                            Expression::Steps {
                                step_id: "pollFixState".to_owned(),
                                output: "fixTitle".to_owned(),
                                pointer: None,
                            },
                        ),
                    ),
                    (
                        "prUrl",
                        Expr::expression(
                            "$steps.pollFixState.outputs.prUrl",
                            Expression::Steps {
                                step_id: "pollFixState".to_owned(),
                                output: "prUrl".to_owned(),
                                pointer: None,
                            },
                        ),
                    ),
                ]
            });
            &*OUTPUTS
        })
    }
    /// Runs the workflow with this `workflowId` on JSON inputs and returns its outputs as JSON.
    ///
    /// # Errors
    ///
    /// [`::arazzo::WorkflowError::InvalidValue`] for an id the document does not have; otherwise
    /// whatever the workflow's run fails with.
    pub async fn run_by_id(
        &self,
        workflow_id: &str,
        inputs: ::arazzo::serde_json::Value,
    ) -> ::std::result::Result<::arazzo::Outputs, ::arazzo::WorkflowError> {
        match workflow_id {
            "seer-autofix-issue" => self.run_seer_autofix_issue(inputs, 0).await,
            other => {
                ::std::result::Result::Err(::arazzo::WorkflowError::InvalidValue {
                    workflow: other.to_owned(),
                    step: ::std::option::Option::None,
                    name: "workflowId".to_owned(),
                    expression: other.to_owned(),
                    message: "no workflow with this id in the document".to_owned(),
                })
            }
        }
    }
}
