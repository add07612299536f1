::arazzo::__require_runtime!("0.1.0");
/// Sentry Seer API (live) (version 2026.08.16)
///
/// The Seer endpoints of sentry.io: list the models Seer uses, start an issue fix that runs to a pull request, and read the state of that fix.
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
pub mod seer_live {
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
        pub struct Detail {
            pub detail: ::std::string::String,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct AutofixState {
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub run_id: ::std::option::Option<i64>,
            /// Agent-based runs report lower case (`processing`, `completed`, `error`, `awaiting_user_input`); legacy runs upper case (`PROCESSING`, `COMPLETED`, `ERROR`, `NEED_MORE_INFORMATION`, `CANCELLED`, `WAITING_FOR_USER_RESPONSE`).
            pub status: AutofixStatus,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub updated_at: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub blocks: ::std::option::Option<
                ::std::vec::Vec<
                    ::std::collections::BTreeMap<
                        ::std::string::String,
                        ::arazzo::serde_json::Value,
                    >,
                >,
            >,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub pending_user_input: ::std::option::Option<
                ::std::collections::BTreeMap<
                    ::std::string::String,
                    ::arazzo::serde_json::Value,
                >,
            >,
            /// Pull requests by repository.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub repo_pr_states: ::std::option::Option<
                ::std::collections::BTreeMap<::std::string::String, RepoPrState>,
            >,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub coding_agents: ::std::option::Option<
                ::std::collections::BTreeMap<::std::string::String, CodingAgentState>,
            >,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub request: ::std::option::Option<
                ::std::collections::BTreeMap<
                    ::std::string::String,
                    ::arazzo::serde_json::Value,
                >,
            >,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub codebases: ::std::option::Option<
                ::std::collections::BTreeMap<
                    ::std::string::String,
                    ::arazzo::serde_json::Value,
                >,
            >,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub steps: ::std::option::Option<
                ::std::vec::Vec<
                    ::std::collections::BTreeMap<
                        ::std::string::String,
                        ::arazzo::serde_json::Value,
                    >,
                >,
            >,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub last_triggered_at: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub completed_at: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub repositories: ::std::option::Option<
                ::std::vec::Vec<
                    ::std::collections::BTreeMap<
                        ::std::string::String,
                        ::arazzo::serde_json::Value,
                    >,
                >,
            >,
        }
        /// Agent-based runs report lower case (`processing`, `completed`, `error`, `awaiting_user_input`); legacy runs upper case (`PROCESSING`, `COMPLETED`, `ERROR`, `NEED_MORE_INFORMATION`, `CANCELLED`, `WAITING_FOR_USER_RESPONSE`).
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash
        )]
        pub enum AutofixStatus {
            /// `processing`
            Processing,
            /// `completed`
            Completed,
            /// `error`
            Error,
            /// `awaiting_user_input`
            AwaitingUserInput,
            /// `PROCESSING`
            Processing2,
            /// `COMPLETED`
            Completed2,
            /// `ERROR`
            Error2,
            /// `NEED_MORE_INFORMATION`
            NeedMoreInformation,
            /// `CANCELLED`
            Cancelled,
            /// `WAITING_FOR_USER_RESPONSE`
            WaitingForUserResponse,
            /// A value this description does not list, kept as sent.
            Unknown(::std::string::String),
        }
        impl AutofixStatus {
            /// The value as it appears in JSON.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Processing => "processing",
                    Self::Completed => "completed",
                    Self::Error => "error",
                    Self::AwaitingUserInput => "awaiting_user_input",
                    Self::Processing2 => "PROCESSING",
                    Self::Completed2 => "COMPLETED",
                    Self::Error2 => "ERROR",
                    Self::NeedMoreInformation => "NEED_MORE_INFORMATION",
                    Self::Cancelled => "CANCELLED",
                    Self::WaitingForUserResponse => "WAITING_FOR_USER_RESPONSE",
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for AutofixStatus {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    "processing" => Self::Processing,
                    "completed" => Self::Completed,
                    "error" => Self::Error,
                    "awaiting_user_input" => Self::AwaitingUserInput,
                    "PROCESSING" => Self::Processing2,
                    "COMPLETED" => Self::Completed2,
                    "ERROR" => Self::Error2,
                    "NEED_MORE_INFORMATION" => Self::NeedMoreInformation,
                    "CANCELLED" => Self::Cancelled,
                    "WAITING_FOR_USER_RESPONSE" => Self::WaitingForUserResponse,
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::std::str::FromStr for AutofixStatus {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(::std::string::String::from(value)))
            }
        }
        impl ::std::fmt::Display for AutofixStatus {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::arazzo::serde::Serialize for AutofixStatus {
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
        impl<'de> ::arazzo::serde::Deserialize<'de> for AutofixStatus {
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
        pub struct RepoPrState {
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub repo_name: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub branch_name: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub pr_number: ::std::option::Option<i64>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub pr_url: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub pr_id: ::std::option::Option<i64>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub commit_sha: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub pr_creation_status: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub title: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub description: ::std::option::Option<::std::string::String>,
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
        pub struct CodingAgentState {
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub id: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub status: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub name: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub provider: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub results: ::std::option::Option<
                ::std::vec::Vec<CodingAgentStateResultsItem>,
            >,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct ListSeerModelsResponse200 {
            pub models: ::std::vec::Vec<::std::string::String>,
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
        pub struct StartOrganizationIssueAutofixRequest {
            /// Which autofix step to run.
            ///
            /// Default: `"root_cause"`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub step: ::std::option::Option<StartOrganizationIssueAutofixRequestStep>,
            /// Where the fix should stop; without it the run stops at the root cause.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub stopping_point: ::std::option::Option<
                StartOrganizationIssueAutofixRequestStoppingPoint,
            >,
            /// The existing run's numeric Seer id to continue (use sentry_run_id).
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            #[deprecated]
            pub run_id: ::std::option::Option<i64>,
            /// The existing run's UUID to continue.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub sentry_run_id: ::std::option::Option<::std::string::String>,
            /// Coding agent integration id (coding_agent_handoff).
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub integration_id: ::std::option::Option<i64>,
            /// Coding agent provider, e.g. `github_copilot`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub provider: ::std::option::Option<::std::string::String>,
            /// Optional user context appended to the step's prompt.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub user_context: ::std::option::Option<::std::string::String>,
            /// The repository to open the pull request in (default all relevant ones).
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub repo_name: ::std::option::Option<::std::string::String>,
            /// Block index to insert at (retry from a step).
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub insert_index: ::std::option::Option<i64>,
            /// Where the fix was triggered from.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub referrer: ::std::option::Option<::std::string::String>,
            /// Override bash mode tools.
            ///
            /// Default: `false`.
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub enable_bash_tools: ::std::option::Option<bool>,
        }
        /// Which autofix step to run.
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash
        )]
        pub enum StartOrganizationIssueAutofixRequestStep {
            /// `root_cause`
            RootCause,
            /// `solution`
            Solution,
            /// `code_changes`
            CodeChanges,
            /// `pr_iteration`
            PrIteration,
            /// `open_pr`
            OpenPr,
            /// `coding_agent_handoff`
            CodingAgentHandoff,
            /// A value this description does not list, kept as sent.
            Unknown(::std::string::String),
        }
        impl StartOrganizationIssueAutofixRequestStep {
            /// The value as it appears in JSON.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    Self::RootCause => "root_cause",
                    Self::Solution => "solution",
                    Self::CodeChanges => "code_changes",
                    Self::PrIteration => "pr_iteration",
                    Self::OpenPr => "open_pr",
                    Self::CodingAgentHandoff => "coding_agent_handoff",
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<::std::string::String>
        for StartOrganizationIssueAutofixRequestStep {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    "root_cause" => Self::RootCause,
                    "solution" => Self::Solution,
                    "code_changes" => Self::CodeChanges,
                    "pr_iteration" => Self::PrIteration,
                    "open_pr" => Self::OpenPr,
                    "coding_agent_handoff" => Self::CodingAgentHandoff,
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::std::str::FromStr for StartOrganizationIssueAutofixRequestStep {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(::std::string::String::from(value)))
            }
        }
        impl ::std::fmt::Display for StartOrganizationIssueAutofixRequestStep {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::arazzo::serde::Serialize for StartOrganizationIssueAutofixRequestStep {
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
        impl<'de> ::arazzo::serde::Deserialize<'de>
        for StartOrganizationIssueAutofixRequestStep {
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
        /// Where the fix should stop; without it the run stops at the root cause.
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash
        )]
        pub enum StartOrganizationIssueAutofixRequestStoppingPoint {
            /// `root_cause`
            RootCause,
            /// `solution`
            Solution,
            /// `code_changes`
            CodeChanges,
            /// `open_pr`
            OpenPr,
            /// A value this description does not list, kept as sent.
            Unknown(::std::string::String),
        }
        impl StartOrganizationIssueAutofixRequestStoppingPoint {
            /// The value as it appears in JSON.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    Self::RootCause => "root_cause",
                    Self::Solution => "solution",
                    Self::CodeChanges => "code_changes",
                    Self::OpenPr => "open_pr",
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<::std::string::String>
        for StartOrganizationIssueAutofixRequestStoppingPoint {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    "root_cause" => Self::RootCause,
                    "solution" => Self::Solution,
                    "code_changes" => Self::CodeChanges,
                    "open_pr" => Self::OpenPr,
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::std::str::FromStr for StartOrganizationIssueAutofixRequestStoppingPoint {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(::std::string::String::from(value)))
            }
        }
        impl ::std::fmt::Display for StartOrganizationIssueAutofixRequestStoppingPoint {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::arazzo::serde::Serialize
        for StartOrganizationIssueAutofixRequestStoppingPoint {
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
        impl<'de> ::arazzo::serde::Deserialize<'de>
        for StartOrganizationIssueAutofixRequestStoppingPoint {
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
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct StartOrganizationIssueAutofixResponse202 {
            pub run_id: i64,
            pub sentry_run_id: ::std::option::Option<::std::string::String>,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash
        )]
        pub enum GetOrganizationIssueAutofixStateLlmFormat {
            /// `markdown`
            Markdown,
            /// `xml`
            Xml,
            /// A value this description does not list, kept as sent.
            Unknown(::std::string::String),
        }
        impl GetOrganizationIssueAutofixStateLlmFormat {
            /// The value as it appears in JSON.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Markdown => "markdown",
                    Self::Xml => "xml",
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<::std::string::String>
        for GetOrganizationIssueAutofixStateLlmFormat {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    "markdown" => Self::Markdown,
                    "xml" => Self::Xml,
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::std::str::FromStr for GetOrganizationIssueAutofixStateLlmFormat {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(::std::string::String::from(value)))
            }
        }
        impl ::std::fmt::Display for GetOrganizationIssueAutofixStateLlmFormat {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::arazzo::serde::Serialize for GetOrganizationIssueAutofixStateLlmFormat {
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
        impl<'de> ::arazzo::serde::Deserialize<'de>
        for GetOrganizationIssueAutofixStateLlmFormat {
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
        pub struct GetOrganizationIssueAutofixStateResponse200 {
            pub autofix: ::std::option::Option<AutofixState>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub formatted: ::std::option::Option<
                GetOrganizationIssueAutofixStateResponse200Formatted,
            >,
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
        pub struct CodingAgentStateResultsItem {
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub description: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub repo_full_name: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub branch_name: ::std::option::Option<::std::string::String>,
            #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
            pub pr_url: ::std::option::Option<::std::string::String>,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::arazzo::serde::Serialize,
            ::arazzo::serde::Deserialize
        )]
        #[serde(crate = "::arazzo::serde")]
        pub struct GetOrganizationIssueAutofixStateResponse200Formatted {
            pub format: GetOrganizationIssueAutofixStateResponse200FormattedFormat,
            pub content: ::std::string::String,
        }
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash
        )]
        pub enum GetOrganizationIssueAutofixStateResponse200FormattedFormat {
            /// `markdown`
            Markdown,
            /// `xml`
            Xml,
            /// A value this description does not list, kept as sent.
            Unknown(::std::string::String),
        }
        impl GetOrganizationIssueAutofixStateResponse200FormattedFormat {
            /// The value as it appears in JSON.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Markdown => "markdown",
                    Self::Xml => "xml",
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }
        impl ::std::convert::From<::std::string::String>
        for GetOrganizationIssueAutofixStateResponse200FormattedFormat {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    "markdown" => Self::Markdown,
                    "xml" => Self::Xml,
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::std::str::FromStr
        for GetOrganizationIssueAutofixStateResponse200FormattedFormat {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(::std::string::String::from(value)))
            }
        }
        impl ::std::fmt::Display
        for GetOrganizationIssueAutofixStateResponse200FormattedFormat {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::arazzo::serde::Serialize
        for GetOrganizationIssueAutofixStateResponse200FormattedFormat {
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
        impl<'de> ::arazzo::serde::Deserialize<'de>
        for GetOrganizationIssueAutofixStateResponse200FormattedFormat {
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
    }
    /// The spec's first server, used by `Client::default()`.
    pub const DEFAULT_BASE_URL: &str = "https://us.sentry.io";
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
        /// A client for the spec's server with `variables` substituted into its URL.
        #[must_use]
        pub fn for_server(variables: &ServerVariables) -> Self {
            Self::new(variables.url())
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
        /// List the LLM model names Seer uses in production.
        ///
        /// Sentry's source declares no permission for this endpoint; the published schema lists the auth token, so the token is sent anyway.
        ///
        /// `GET /api/0/seer/models/` (operationId `listSeerModels`)
        ///
        /// # Errors
        ///
        /// [`ApiError::Documented`](::arazzo::ApiError::Documented) with a `ListSeerModelsError` for a documented error status (`401`, `429`, `502`, `504`); [`ApiError::Client`](::arazzo::ApiError::Client) when there is no answer, the status is not documented, or the answer does not match the description.
        pub async fn list_seer_models(
            &self,
        ) -> ::std::result::Result<
            ::arazzo::ResponseValue<ListSeerModelsResponse>,
            ::arazzo::ApiError<ListSeerModelsError>,
        > {
            let request = ::arazzo::Request::new(
                    ::arazzo::Method::GET,
                    "/api/0/seer/models/",
                )
                .responses(::std::option::Option::Some(&__shapes::R0));
            let exchange = self.http.send(request).await?;
            match exchange.status() {
                200 => {
                    ::std::result::Result::Ok({
                        let headers = ListSeerModelsOkHeaders::from_exchange(&exchange)?;
                        exchange
                            .into_json::<types::ListSeerModelsResponse200>()?
                            .map(|body| ListSeerModelsResponse::Ok {
                                body,
                                headers,
                            })
                    })
                }
                401 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = ListSeerModelsUnauthorizedHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| ListSeerModelsError::Unauthorized {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                429 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = ListSeerModelsTooManyRequestsHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| ListSeerModelsError::TooManyRequests {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                502 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = ListSeerModelsBadGatewayHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| ListSeerModelsError::BadGateway {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                504 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = ListSeerModelsGatewayTimeoutHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| ListSeerModelsError::GatewayTimeout {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                _ => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::Client(exchange.unexpected_status()),
                    )
                }
            }
        }
        /// Start a Seer issue fix for an issue.
        ///
        /// Needs a token with `event:write` (or `event:admin`). The fix runs asynchronously; read its state with getOrganizationIssueAutofixState. Rate limits: 25 per 60 s per IP and per user, 100 per hour per organization.
        ///
        /// `POST /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/` (operationId `startOrganizationIssueAutofix`)
        ///
        /// # Errors
        ///
        /// [`ApiError::Documented`](::arazzo::ApiError::Documented) with a `StartOrganizationIssueAutofixError` for a documented error status (`400`, `401`, `402`, `403`, `404`, `429`); [`ApiError::Client`](::arazzo::ApiError::Client) when there is no answer, the status is not documented, or the answer does not match the description.
        pub async fn start_organization_issue_autofix(
            &self,
            organization_id_or_slug: &str,
            issue_id: &str,
            body: ::std::option::Option<&types::StartOrganizationIssueAutofixRequest>,
        ) -> ::std::result::Result<
            ::arazzo::ResponseValue<StartOrganizationIssueAutofixResponse>,
            ::arazzo::ApiError<StartOrganizationIssueAutofixError>,
        > {
            let request = ::arazzo::Request::new(
                    ::arazzo::Method::POST,
                    "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/",
                )
                .responses(::std::option::Option::Some(&__shapes::R1));
            let request = request
                .path("organization_id_or_slug", organization_id_or_slug);
            let request = request.path("issue_id", issue_id);
            let request = match body {
                ::std::option::Option::Some(body) => request.json(body)?,
                ::std::option::Option::None => request,
            };
            let exchange = self.http.send(request).await?;
            match exchange.status() {
                202 => {
                    ::std::result::Result::Ok({
                        let headers = StartOrganizationIssueAutofixAcceptedHeaders::from_exchange(
                            &exchange,
                        )?;
                        exchange
                            .into_json::<
                                types::StartOrganizationIssueAutofixResponse202,
                            >()?
                            .map(|body| StartOrganizationIssueAutofixResponse::Accepted {
                                body,
                                headers,
                            })
                    })
                }
                400 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = StartOrganizationIssueAutofixBadRequestHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<
                                    ::std::collections::BTreeMap<
                                        ::std::string::String,
                                        ::arazzo::serde_json::Value,
                                    >,
                                >()?
                                .map(|body| StartOrganizationIssueAutofixError::BadRequest {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                401 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = StartOrganizationIssueAutofixUnauthorizedHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| StartOrganizationIssueAutofixError::Unauthorized {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                402 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = StartOrganizationIssueAutofixStatus402Headers::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| StartOrganizationIssueAutofixError::Status402 {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                403 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = StartOrganizationIssueAutofixForbiddenHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| StartOrganizationIssueAutofixError::Forbidden {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                404 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = StartOrganizationIssueAutofixNotFoundHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| StartOrganizationIssueAutofixError::NotFound {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                429 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = StartOrganizationIssueAutofixTooManyRequestsHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| StartOrganizationIssueAutofixError::TooManyRequests {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                _ => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::Client(exchange.unexpected_status()),
                    )
                }
            }
        }
        /// Retrieve the state of an issue's Seer fix.
        ///
        /// Needs a token with `event:read` (or `event:write`, `event:admin`). Before any fix was started the answer is 200 `{"autofix": null}`. Sentry marks this payload experimental.
        ///
        /// `GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/` (operationId `getOrganizationIssueAutofixState`)
        ///
        /// # Errors
        ///
        /// [`ApiError::Documented`](::arazzo::ApiError::Documented) with a `GetOrganizationIssueAutofixStateError` for a documented error status (`401`, `403`, `404`, `429`); [`ApiError::Client`](::arazzo::ApiError::Client) when there is no answer, the status is not documented, or the answer does not match the description.
        pub async fn get_organization_issue_autofix_state(
            &self,
            organization_id_or_slug: &str,
            issue_id: &str,
            llm_format: ::std::option::Option<
                &types::GetOrganizationIssueAutofixStateLlmFormat,
            >,
        ) -> ::std::result::Result<
            ::arazzo::ResponseValue<GetOrganizationIssueAutofixStateResponse>,
            ::arazzo::ApiError<GetOrganizationIssueAutofixStateError>,
        > {
            let request = ::arazzo::Request::new(
                    ::arazzo::Method::GET,
                    "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/",
                )
                .responses(::std::option::Option::Some(&__shapes::R2));
            let request = request
                .path("organization_id_or_slug", organization_id_or_slug);
            let request = request.path("issue_id", issue_id);
            let request = match llm_format {
                ::std::option::Option::Some(llm_format) => {
                    request.query("llmFormat", llm_format.as_str())
                }
                ::std::option::Option::None => request,
            };
            let exchange = self.http.send(request).await?;
            match exchange.status() {
                200 => {
                    ::std::result::Result::Ok({
                        let headers = GetOrganizationIssueAutofixStateOkHeaders::from_exchange(
                            &exchange,
                        )?;
                        exchange
                            .into_json::<
                                types::GetOrganizationIssueAutofixStateResponse200,
                            >()?
                            .map(|body| GetOrganizationIssueAutofixStateResponse::Ok {
                                body,
                                headers,
                            })
                    })
                }
                401 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = GetOrganizationIssueAutofixStateUnauthorizedHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| GetOrganizationIssueAutofixStateError::Unauthorized {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                403 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = GetOrganizationIssueAutofixStateForbiddenHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| GetOrganizationIssueAutofixStateError::Forbidden {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                404 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = GetOrganizationIssueAutofixStateNotFoundHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| GetOrganizationIssueAutofixStateError::NotFound {
                                    body,
                                    headers,
                                })
                        }),
                    )
                }
                429 => {
                    ::std::result::Result::Err(
                        ::arazzo::ApiError::documented({
                            let headers = GetOrganizationIssueAutofixStateTooManyRequestsHeaders::from_exchange(
                                &exchange,
                            )?;
                            exchange
                                .into_json::<types::Detail>()?
                                .map(|body| GetOrganizationIssueAutofixStateError::TooManyRequests {
                                    body,
                                    headers,
                                })
                        }),
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
    /// The variables of the server URL `https://{region}.sentry.io`.
    #[derive(
        ::std::fmt::Debug,
        ::std::clone::Clone,
        ::std::cmp::PartialEq,
        ::std::cmp::Eq
    )]
    pub struct ServerVariables {
        /// `{region}`, default `us`. The spec allows `us`, `de`.
        pub region: ::std::string::String,
    }
    impl ::std::default::Default for ServerVariables {
        fn default() -> Self {
            Self {
                region: ::std::string::String::from("us"),
            }
        }
    }
    impl ServerVariables {
        /// The server URL with these values substituted.
        #[must_use]
        pub fn url(&self) -> ::std::string::String {
            ::std::string::String::from("https://{region}.sentry.io")
                .replace("{region}", &self.region)
        }
    }
    /// The documented success statuses of `listSeerModels`, the body of its `ResponseValue`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum ListSeerModelsResponse {
        /// `200`: The model names.
        Ok {
            /// The body.
            body: types::ListSeerModelsResponse200,
            /// The documented headers.
            headers: ListSeerModelsOkHeaders,
        },
    }
    /// The documented error statuses of `listSeerModels`, the body of its `ApiError::Documented`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum ListSeerModelsError {
        /// `401`: The token is missing or invalid.
        Unauthorized {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: ListSeerModelsUnauthorizedHeaders,
        },
        /// `429`: Too many requests; `X-Sentry-Rate-Limit-Reset` says when to retry (no `Retry-After`).
        TooManyRequests {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: ListSeerModelsTooManyRequestsHeaders,
        },
        /// `502`: "Failed to fetch models from Seer"
        BadGateway {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: ListSeerModelsBadGatewayHeaders,
        },
        /// `504`: "Request to Seer timed out"
        GatewayTimeout {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: ListSeerModelsGatewayTimeoutHeaders,
        },
    }
    /// The documented headers of the `200` response of `listSeerModels`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct ListSeerModelsOkHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl ListSeerModelsOkHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentLimit")?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentRemaining")?,
            })
        }
    }
    /// The documented headers of the `401` response of `listSeerModels`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct ListSeerModelsUnauthorizedHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl ListSeerModelsUnauthorizedHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentLimit")?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentRemaining")?,
            })
        }
    }
    /// The documented headers of the `429` response of `listSeerModels`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct ListSeerModelsTooManyRequestsHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl ListSeerModelsTooManyRequestsHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentLimit")?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentRemaining")?,
            })
        }
    }
    /// The documented headers of the `502` response of `listSeerModels`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct ListSeerModelsBadGatewayHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl ListSeerModelsBadGatewayHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentLimit")?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentRemaining")?,
            })
        }
    }
    /// The documented headers of the `504` response of `listSeerModels`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct ListSeerModelsGatewayTimeoutHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl ListSeerModelsGatewayTimeoutHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<i64>("listSeerModels", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentLimit")?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >("listSeerModels", "X-Sentry-Rate-Limit-ConcurrentRemaining")?,
            })
        }
    }
    /// The documented success statuses of `startOrganizationIssueAutofix`, the body of its `ResponseValue`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum StartOrganizationIssueAutofixResponse {
        /// `202`: The fix started.
        Accepted {
            /// The body.
            body: types::StartOrganizationIssueAutofixResponse202,
            /// The documented headers.
            headers: StartOrganizationIssueAutofixAcceptedHeaders,
        },
    }
    /// The documented error statuses of `startOrganizationIssueAutofix`, the body of its `ApiError::Documented`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum StartOrganizationIssueAutofixError {
        /// `400`: The body was rejected (serializer errors or a `detail` message).
        BadRequest {
            /// The body.
            body: ::std::collections::BTreeMap<
                ::std::string::String,
                ::arazzo::serde_json::Value,
            >,
            /// The documented headers.
            headers: StartOrganizationIssueAutofixBadRequestHeaders,
        },
        /// `401`: The token is missing or invalid.
        Unauthorized {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: StartOrganizationIssueAutofixUnauthorizedHeaders,
        },
        /// `402`: "No budget for Seer Autofix."
        Status402 {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: StartOrganizationIssueAutofixStatus402Headers,
        },
        /// `403`: "AI Autofix is not enabled for this project.", "AI features are disabled for this organization." or "You are not authorized to perform this action".
        Forbidden {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: StartOrganizationIssueAutofixForbiddenHeaders,
        },
        /// `404`: "The requested resource does not exist" (unknown routes answer 404 with an empty body).
        NotFound {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: StartOrganizationIssueAutofixNotFoundHeaders,
        },
        /// `429`: Too many requests; `X-Sentry-Rate-Limit-Reset` says when to retry (no `Retry-After`).
        TooManyRequests {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: StartOrganizationIssueAutofixTooManyRequestsHeaders,
        },
    }
    /// The documented headers of the `202` response of `startOrganizationIssueAutofix`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct StartOrganizationIssueAutofixAcceptedHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl StartOrganizationIssueAutofixAcceptedHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `400` response of `startOrganizationIssueAutofix`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct StartOrganizationIssueAutofixBadRequestHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl StartOrganizationIssueAutofixBadRequestHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `401` response of `startOrganizationIssueAutofix`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct StartOrganizationIssueAutofixUnauthorizedHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl StartOrganizationIssueAutofixUnauthorizedHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `402` response of `startOrganizationIssueAutofix`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct StartOrganizationIssueAutofixStatus402Headers {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl StartOrganizationIssueAutofixStatus402Headers {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `403` response of `startOrganizationIssueAutofix`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct StartOrganizationIssueAutofixForbiddenHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl StartOrganizationIssueAutofixForbiddenHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `404` response of `startOrganizationIssueAutofix`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct StartOrganizationIssueAutofixNotFoundHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl StartOrganizationIssueAutofixNotFoundHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `429` response of `startOrganizationIssueAutofix`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct StartOrganizationIssueAutofixTooManyRequestsHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl StartOrganizationIssueAutofixTooManyRequestsHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Remaining")?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("startOrganizationIssueAutofix", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "startOrganizationIssueAutofix",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented success statuses of `getOrganizationIssueAutofixState`, the body of its `ResponseValue`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum GetOrganizationIssueAutofixStateResponse {
        /// `200`: The current state, or `null` before a fix was started.
        Ok {
            /// The body.
            body: types::GetOrganizationIssueAutofixStateResponse200,
            /// The documented headers.
            headers: GetOrganizationIssueAutofixStateOkHeaders,
        },
    }
    /// The documented error statuses of `getOrganizationIssueAutofixState`, the body of its `ApiError::Documented`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub enum GetOrganizationIssueAutofixStateError {
        /// `401`: The token is missing or invalid.
        Unauthorized {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: GetOrganizationIssueAutofixStateUnauthorizedHeaders,
        },
        /// `403`: "AI Autofix is not enabled for this project.", "AI features are disabled for this organization." or "You are not authorized to perform this action".
        Forbidden {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: GetOrganizationIssueAutofixStateForbiddenHeaders,
        },
        /// `404`: "The requested resource does not exist" (unknown routes answer 404 with an empty body).
        NotFound {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: GetOrganizationIssueAutofixStateNotFoundHeaders,
        },
        /// `429`: Too many requests; `X-Sentry-Rate-Limit-Reset` says when to retry (no `Retry-After`).
        TooManyRequests {
            /// The body.
            body: types::Detail,
            /// The documented headers.
            headers: GetOrganizationIssueAutofixStateTooManyRequestsHeaders,
        },
    }
    /// The documented headers of the `200` response of `getOrganizationIssueAutofixState`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct GetOrganizationIssueAutofixStateOkHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl GetOrganizationIssueAutofixStateOkHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-Remaining",
                    )?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `401` response of `getOrganizationIssueAutofixState`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct GetOrganizationIssueAutofixStateUnauthorizedHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl GetOrganizationIssueAutofixStateUnauthorizedHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-Remaining",
                    )?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `403` response of `getOrganizationIssueAutofixState`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct GetOrganizationIssueAutofixStateForbiddenHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl GetOrganizationIssueAutofixStateForbiddenHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-Remaining",
                    )?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `404` response of `getOrganizationIssueAutofixState`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct GetOrganizationIssueAutofixStateNotFoundHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl GetOrganizationIssueAutofixStateNotFoundHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-Remaining",
                    )?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented headers of the `429` response of `getOrganizationIssueAutofixState`.
    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
    pub struct GetOrganizationIssueAutofixStateTooManyRequestsHeaders {
        /// `X-Sentry-Rate-Limit-Limit`: Requests allowed in the current window.
        pub x_sentry_rate_limit_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Remaining`: Requests left in the current window.
        pub x_sentry_rate_limit_remaining: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-Reset`: When the window reopens, in UTC epoch seconds.
        pub x_sentry_rate_limit_reset: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentLimit`: Concurrent requests allowed.
        pub x_sentry_rate_limit_concurrent_limit: ::std::option::Option<i64>,
        /// `X-Sentry-Rate-Limit-ConcurrentRemaining`: Concurrent requests left.
        pub x_sentry_rate_limit_concurrent_remaining: ::std::option::Option<i64>,
    }
    impl GetOrganizationIssueAutofixStateTooManyRequestsHeaders {
        /// Reads the headers from an answer.
        ///
        /// # Errors
        ///
        /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
        /// absent or a value that does not parse.
        pub fn from_exchange(
            exchange: &::arazzo::Exchange,
        ) -> ::std::result::Result<Self, ::arazzo::ClientError> {
            ::std::result::Result::Ok(Self {
                x_sentry_rate_limit_limit: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Limit")?,
                x_sentry_rate_limit_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-Remaining",
                    )?,
                x_sentry_rate_limit_reset: exchange
                    .header_value::<
                        i64,
                    >("getOrganizationIssueAutofixState", "X-Sentry-Rate-Limit-Reset")?,
                x_sentry_rate_limit_concurrent_limit: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentLimit",
                    )?,
                x_sentry_rate_limit_concurrent_remaining: exchange
                    .header_value::<
                        i64,
                    >(
                        "getOrganizationIssueAutofixState",
                        "X-Sentry-Rate-Limit-ConcurrentRemaining",
                    )?,
            })
        }
    }
    /// The documented JSON response schemas, lowered for `arazzo::schema::validate`.
    #[doc(hidden)]
    pub mod __shapes {
        /// `GET /api/0/seer/models/`
        pub static R0: ::arazzo::schema::Responses = ::arazzo::schema::Responses {
            operation: "listSeerModels",
            shapes: &[
                (200, 200, &S0),
                (401, 401, &S1),
                (429, 429, &S1),
                (502, 502, &S1),
                (504, 504, &S1),
            ],
        };
        /// `POST /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/`
        pub static R1: ::arazzo::schema::Responses = ::arazzo::schema::Responses {
            operation: "startOrganizationIssueAutofix",
            shapes: &[
                (202, 202, &S2),
                (400, 400, &S3),
                (401, 401, &S1),
                (402, 402, &S1),
                (403, 403, &S1),
                (404, 404, &S1),
                (429, 429, &S1),
            ],
        };
        /// `GET /api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/`
        pub static R2: ::arazzo::schema::Responses = ::arazzo::schema::Responses {
            operation: "getOrganizationIssueAutofixState",
            shapes: &[
                (200, 200, &S4),
                (401, 401, &S1),
                (403, 403, &S1),
                (404, 404, &S1),
                (429, 429, &S1),
            ],
        };
        /// `/paths/~1api~10~1seer~1models~1/get/responses/200/content/application~1json/schema`
        static S0: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(&[("models", &S5)], &["models"]);
        /// `/components/schemas/Detail`
        static S1: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(&[("detail", &::arazzo::schema::STRING)], &["detail"]);
        /// `/paths/~1api~10~1organizations~1{organization_id_or_slug}~1issues~1{issue_id}~1autofix~1/post/responses/202/content/application~1json/schema`
        static S2: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("run_id", &::arazzo::schema::INTEGER),
                    ("sentry_run_id", &::arazzo::schema::NULLABLE_STRING),
                ],
                &["run_id", "sentry_run_id"],
            );
        /// `/components/responses/BadRequest/content/application~1json/schema`
        static S3: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
            ::arazzo::schema::types::OBJECT,
        );
        /// `/paths/~1api~10~1organizations~1{organization_id_or_slug}~1issues~1{issue_id}~1autofix~1/get/responses/200/content/application~1json/schema`
        static S4: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(&[("autofix", &S6), ("formatted", &S7)], &["autofix"]);
        /// `/paths/~1api~10~1seer~1models~1/get/responses/200/content/application~1json/schema/properties/models`
        static S5: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::ARRAY,
            )
            .items(&::arazzo::schema::STRING);
        /// `/paths/~1api~10~1organizations~1{organization_id_or_slug}~1issues~1{issue_id}~1autofix~1/get/responses/200/content/application~1json/schema/properties/autofix`
        static S6: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::ANY | ::arazzo::schema::types::NULL,
            )
            .any_of(&[&S8, &::arazzo::schema::NULL]);
        /// `/paths/~1api~10~1organizations~1{organization_id_or_slug}~1issues~1{issue_id}~1autofix~1/get/responses/200/content/application~1json/schema/properties/formatted`
        static S7: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("format", &::arazzo::schema::STRING),
                    ("content", &::arazzo::schema::STRING),
                ],
                &["format", "content"],
            );
        /// `/components/schemas/AutofixState`
        static S8: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("run_id", &::arazzo::schema::INTEGER),
                    ("status", &::arazzo::schema::STRING),
                    ("updated_at", &::arazzo::schema::STRING),
                    ("blocks", &S9),
                    ("pending_user_input", &S10),
                    ("repo_pr_states", &S11),
                    ("coding_agents", &S12),
                    ("request", &S13),
                    ("codebases", &S14),
                    ("steps", &S15),
                    ("last_triggered_at", &::arazzo::schema::NULLABLE_STRING),
                    ("completed_at", &::arazzo::schema::NULLABLE_STRING),
                    ("repositories", &S16),
                ],
                &["status"],
            );
        /// `/components/schemas/AutofixState/properties/blocks`
        static S9: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::ARRAY,
            )
            .items(&S17);
        /// `/components/schemas/AutofixState/properties/pending_user_input`
        static S10: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
            ::arazzo::schema::types::OBJECT | ::arazzo::schema::types::NULL,
        );
        /// `/components/schemas/AutofixState/properties/repo_pr_states`
        static S11: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .additional(::arazzo::schema::Additional::Shape(&S18));
        /// `/components/schemas/AutofixState/properties/coding_agents`
        static S12: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .additional(::arazzo::schema::Additional::Shape(&S19));
        /// `/components/schemas/AutofixState/properties/request`
        static S13: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
            ::arazzo::schema::types::OBJECT,
        );
        /// `/components/schemas/AutofixState/properties/codebases`
        static S14: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
            ::arazzo::schema::types::OBJECT,
        );
        /// `/components/schemas/AutofixState/properties/steps`
        static S15: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::ARRAY,
            )
            .items(&S20);
        /// `/components/schemas/AutofixState/properties/repositories`
        static S16: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::ARRAY,
            )
            .items(&S21);
        /// `/components/schemas/AutofixState/properties/blocks/items`
        static S17: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
            ::arazzo::schema::types::OBJECT,
        );
        /// `/components/schemas/RepoPrState`
        static S18: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("repo_name", &::arazzo::schema::STRING),
                    ("branch_name", &::arazzo::schema::NULLABLE_STRING),
                    ("pr_number", &::arazzo::schema::NULLABLE_INTEGER),
                    ("pr_url", &::arazzo::schema::NULLABLE_STRING),
                    ("pr_id", &::arazzo::schema::NULLABLE_INTEGER),
                    ("commit_sha", &::arazzo::schema::NULLABLE_STRING),
                    ("pr_creation_status", &::arazzo::schema::NULLABLE_STRING),
                    ("title", &::arazzo::schema::NULLABLE_STRING),
                    ("description", &::arazzo::schema::NULLABLE_STRING),
                ],
                &[],
            );
        /// `/components/schemas/CodingAgentState`
        static S19: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("id", &::arazzo::schema::STRING),
                    ("status", &::arazzo::schema::STRING),
                    ("name", &::arazzo::schema::STRING),
                    ("provider", &::arazzo::schema::STRING),
                    ("results", &S22),
                ],
                &[],
            );
        /// `/components/schemas/AutofixState/properties/steps/items`
        static S20: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
            ::arazzo::schema::types::OBJECT,
        );
        /// `/components/schemas/AutofixState/properties/repositories/items`
        static S21: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
            ::arazzo::schema::types::OBJECT,
        );
        /// `/components/schemas/CodingAgentState/properties/results`
        static S22: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::ARRAY,
            )
            .items(&S23);
        /// `/components/schemas/CodingAgentState/properties/results/items`
        static S23: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(
                ::arazzo::schema::types::OBJECT,
            )
            .properties(
                &[
                    ("description", &::arazzo::schema::STRING),
                    ("repo_full_name", &::arazzo::schema::STRING),
                    ("branch_name", &::arazzo::schema::STRING),
                    ("pr_url", &::arazzo::schema::NULLABLE_STRING),
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
                ("GET", "/api/0/seer/models/") => ::std::option::Option::Some(&R0),
                (
                    "POST",
                    "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/",
                ) => ::std::option::Option::Some(&R1),
                (
                    "GET",
                    "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/",
                ) => ::std::option::Option::Some(&R2),
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
    /// The ID of the issue to fix.
    #[serde(rename = "issueId")]
    pub issue_id: ::std::string::String,
    /// Optional guidance, sent as `user_context` (the agent-era body has no `instruction`).
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
    #[serde(rename = "status", default)]
    pub status: ::std::option::Option<seer_live::types::AutofixStatus>,
    /// `/0 (jsonpointer) on $steps.pollFixState.outputs.fixTitles`
    #[serde(rename = "fixTitle", default)]
    pub fix_title: ::std::option::Option<::arazzo::serde_json::Value>,
    /// `/0 (jsonpointer) on $steps.pollFixState.outputs.prUrls`
    #[serde(rename = "prUrl", default)]
    pub pr_url: ::std::option::Option<::arazzo::serde_json::Value>,
    /// `$steps.startFix.outputs.runId`
    #[serde(rename = "runId")]
    pub run_id: i64,
}
/// Runs the workflows of the Arazzo document. Cheap to clone.
#[derive(::std::clone::Clone)]
pub struct Workflows {
    seer_live: seer_live::Client,
    poll: ::arazzo::PollPolicy,
    observer: ::std::option::Option<::arazzo::Observer>,
}
impl ::std::fmt::Debug for Workflows {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Workflows")
            .field(::std::stringify!(seer_live), &self.seer_live)
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
    /// One client per source description, in document order: `seerLive`.
    #[must_use]
    pub fn new(seer_live: seer_live::Client) -> Self {
        Self {
            seer_live,
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
    /// The client for source description `seerLive`.
    #[must_use]
    pub fn seer_live(&self) -> &seer_live::Client {
        &self.seer_live
    }
    /// Start a Seer issue fix for an issue and poll it until it ends.
    ///
    /// Lists Seer's models (a reachable, authenticated Seer), starts a fix that runs to an open pull request, and polls the fix state while it is processing (or not created yet) until it reaches any status that ends the run or waits for a person; that status is the `status` output.
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
                "/0 (jsonpointer) on $steps.pollFixState.outputs.fixTitles",
            )?,
            pr_url: ::arazzo::__private::output(
                "seer-autofix-issue",
                &outputs,
                "prUrl",
                "/0 (jsonpointer) on $steps.pollFixState.outputs.prUrls",
            )?,
            run_id: ::arazzo::__private::output(
                "seer-autofix-issue",
                &outputs,
                "runId",
                "$steps.startFix.outputs.runId",
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
                    .request(::arazzo::Method::GET, "/api/0/seer/models/")
                    .responses(
                        seer_live::__shapes::lookup("GET", "/api/0/seer/models/"),
                    );
                run.send("listModels", this.seer_live.http(), request).await?;
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
                                        "models",
                                        Expr::expression(
                                            "$response.body#/models",
                                            Expression::Response(
                                                Source::Body(Some(JsonPointer::from_tokens(["models"]))),
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
                    .request(
                        ::arazzo::Method::POST,
                        "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/",
                    )
                    .responses(
                        seer_live::__shapes::lookup(
                            "POST",
                            "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/",
                        ),
                    );
                let request = run
                    .param(
                        "startFix",
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
                                        ("stopping_point",
                                        Template::Text(Expr::literal("open_pr"))), ("user_context",
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
                run.send("startFix", this.seer_live.http(), request).await?;
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
                                [(&'static str, ::arazzo::__private::Expr); 2],
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                [
                                    (
                                        "runId",
                                        Expr::expression(
                                            "$response.body#/run_id",
                                            Expression::Response(
                                                Source::Body(Some(JsonPointer::from_tokens(["run_id"]))),
                                            ),
                                        ),
                                    ),
                                    (
                                        "sentryRunId",
                                        Expr::expression(
                                            "$response.body#/sentry_run_id",
                                            Expression::Response(
                                                Source::Body(
                                                    Some(JsonPointer::from_tokens(["sentry_run_id"])),
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
                    .request(
                        ::arazzo::Method::GET,
                        "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/",
                    )
                    .responses(
                        seer_live::__shapes::lookup(
                            "GET",
                            "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/",
                        ),
                    );
                let request = run
                    .param(
                        "pollFixState",
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
                run.send("pollFixState", this.seer_live.http(), request).await?;
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
                    run.step_succeeded_with(
                        "pollFixState",
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
                                ]
                            });
                            &*OUTPUTS
                        },
                        {
                            static SELECTORS: ::std::sync::LazyLock<
                                [(&'static str, ::arazzo::__private::Select); 2],
                            > = ::std::sync::LazyLock::new(|| {
                                #[allow(
                                    clippy::wildcard_imports,
                                    reason = "the parsed forms' names, in this initialiser only"
                                )]
                                use ::arazzo::__private::parsed::*;
                                [
                                    (
                                        "fixTitles",
                                        Select::new(
                                            SelectorSpec {
                                                context: "$response.body",
                                                selector: "$.autofix.repo_pr_states.*.title",
                                                kind: "jsonpath",
                                                version: None,
                                            },
                                            Expr::expression(
                                                "$response.body",
                                                Expression::Response(Source::Body(None)),
                                            ),
                                            Selector::from_query(
                                                Query::absolute(
                                                    vec![
                                                        PathSegment::name("autofix"),
                                                        PathSegment::name("repo_pr_states"),
                                                        PathSegment::Child(vec![PathSelector::Wildcard]),
                                                        PathSegment::name("title")
                                                    ],
                                                ),
                                                None,
                                            ),
                                        ),
                                    ),
                                    (
                                        "prUrls",
                                        Select::new(
                                            SelectorSpec {
                                                context: "$response.body",
                                                selector: "$.autofix['repo_pr_states','coding_agents']..pr_url",
                                                kind: "jsonpath",
                                                version: None,
                                            },
                                            Expr::expression(
                                                "$response.body",
                                                Expression::Response(Source::Body(None)),
                                            ),
                                            Selector::from_query(
                                                Query::absolute(
                                                    vec![
                                                        PathSegment::name("autofix"),
                                                        PathSegment::Child(vec![PathSelector::Name("repo_pr_states"
                                                        .to_owned()), PathSelector::Name("coding_agents"
                                                        .to_owned())]),
                                                        PathSegment::Descendant(vec![PathSelector::Name("pr_url"
                                                        .to_owned())])
                                                    ],
                                                ),
                                                None,
                                            ),
                                        ),
                                    ),
                                ]
                            });
                            &*SELECTORS
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
                                        Check::simple(
                                            "$response.body#/autofix == null",
                                            SimpleCondition::from_root(Node::Comparison {
                                                left: Operand::Expression {
                                                    expression: Expression::Response(
                                                        Source::Body(Some(JsonPointer::from_tokens(["autofix"]))),
                                                    ),
                                                    accessors: vec![],
                                                    span: 0..23,
                                                },
                                                op: ComparisonOp::Eq,
                                                right: Operand::Literal(Literal::Null),
                                            }),
                                        ),
                                    ]
                                });
                                &*CRITERIA
                            },
                        )?
                    {
                        run.action(
                            "pollFixState",
                            ::std::option::Option::Some("notStartedYet"),
                            ::arazzo::ActionKind::Goto,
                            ::std::option::Option::Some("pollFixState"),
                        );
                        ::std::result::Result::Ok(
                            ::std::option::Option::Some(Step::PollFixState),
                        )
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
                                        Check::simple(
                                            "$response.body#/autofix/status == \"processing\"",
                                            SimpleCondition::from_root(Node::Comparison {
                                                left: Operand::Expression {
                                                    expression: Expression::Response(
                                                        Source::Body(
                                                            Some(JsonPointer::from_tokens(["autofix", "status"])),
                                                        ),
                                                    ),
                                                    accessors: vec![],
                                                    span: 0..30,
                                                },
                                                op: ComparisonOp::Eq,
                                                right: Operand::Literal(
                                                    Literal::String("processing".to_owned()),
                                                ),
                                            }),
                                        ),
                                    ]
                                });
                                &*CRITERIA
                            },
                        )?
                    {
                        run.action(
                            "pollFixState",
                            ::std::option::Option::Some("stillProcessing"),
                            ::arazzo::ActionKind::Goto,
                            ::std::option::Option::Some("pollFixState"),
                        );
                        ::std::result::Result::Ok(
                            ::std::option::Option::Some(Step::PollFixState),
                        )
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
                                        Check::simple(
                                            "$response.body#/autofix/status == \"completed\"",
                                            SimpleCondition::from_root(Node::Comparison {
                                                left: Operand::Expression {
                                                    expression: Expression::Response(
                                                        Source::Body(
                                                            Some(JsonPointer::from_tokens(["autofix", "status"])),
                                                        ),
                                                    ),
                                                    accessors: vec![],
                                                    span: 0..30,
                                                },
                                                op: ComparisonOp::Eq,
                                                right: Operand::Literal(
                                                    Literal::String("completed".to_owned()),
                                                ),
                                            }),
                                        ),
                                    ]
                                });
                                &*CRITERIA
                            },
                        )?
                    {
                        run.action(
                            "pollFixState",
                            ::std::option::Option::Some("completed"),
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
                                        Check::simple(
                                            "$response.body#/autofix/status == \"error\"",
                                            SimpleCondition::from_root(Node::Comparison {
                                                left: Operand::Expression {
                                                    expression: Expression::Response(
                                                        Source::Body(
                                                            Some(JsonPointer::from_tokens(["autofix", "status"])),
                                                        ),
                                                    ),
                                                    accessors: vec![],
                                                    span: 0..30,
                                                },
                                                op: ComparisonOp::Eq,
                                                right: Operand::Literal(Literal::String("error".to_owned())),
                                            }),
                                        ),
                                    ]
                                });
                                &*CRITERIA
                            },
                        )?
                    {
                        run.action(
                            "pollFixState",
                            ::std::option::Option::Some("failed"),
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
                                        Check::simple(
                                            "$response.body#/autofix/status == \"CANCELLED\"",
                                            SimpleCondition::from_root(Node::Comparison {
                                                left: Operand::Expression {
                                                    expression: Expression::Response(
                                                        Source::Body(
                                                            Some(JsonPointer::from_tokens(["autofix", "status"])),
                                                        ),
                                                    ),
                                                    accessors: vec![],
                                                    span: 0..30,
                                                },
                                                op: ComparisonOp::Eq,
                                                right: Operand::Literal(
                                                    Literal::String("CANCELLED".to_owned()),
                                                ),
                                            }),
                                        ),
                                    ]
                                });
                                &*CRITERIA
                            },
                        )?
                    {
                        run.action(
                            "pollFixState",
                            ::std::option::Option::Some("cancelled"),
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
                                        Check::simple(
                                            "$response.body#/autofix/status == \"awaiting_user_input\" || $response.body#/autofix/status == \"NEED_MORE_INFORMATION\" || $response.body#/autofix/status == \"WAITING_FOR_USER_RESPONSE\"",
                                            SimpleCondition::from_root(
                                                Node::Or(
                                                    vec![
                                                        Node::Comparison { left : Operand::Expression { expression :
                                                        Expression::Response(Source::Body(Some(JsonPointer::from_tokens(["autofix",
                                                        "status"])))), accessors : vec![], span : 0..30 }, op :
                                                        ComparisonOp::Eq, right :
                                                        Operand::Literal(Literal::String("awaiting_user_input"
                                                        .to_owned())) }, Node::Comparison { left :
                                                        Operand::Expression { expression :
                                                        Expression::Response(Source::Body(Some(JsonPointer::from_tokens(["autofix",
                                                        "status"])))), accessors : vec![], span : 59..89 }, op :
                                                        ComparisonOp::Eq, right :
                                                        Operand::Literal(Literal::String("NEED_MORE_INFORMATION"
                                                        .to_owned())) }, Node::Comparison { left :
                                                        Operand::Expression { expression :
                                                        Expression::Response(Source::Body(Some(JsonPointer::from_tokens(["autofix",
                                                        "status"])))), accessors : vec![], span : 120..150 }, op :
                                                        ComparisonOp::Eq, right :
                                                        Operand::Literal(Literal::String("WAITING_FOR_USER_RESPONSE"
                                                        .to_owned())) }
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
                            ::std::option::Option::Some("waitingForUser"),
                            ::arazzo::ActionKind::End,
                            ::std::option::Option::None,
                        );
                        return ::std::result::Result::Ok(::std::option::Option::None);
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
        let sources = [
            ("seerLive", "../openapi/sentry-seer-live.openapi.yml".to_owned()),
        ];
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
        run.select_outputs(
            {
                static SELECTORS: ::std::sync::LazyLock<
                    [(&'static str, ::arazzo::__private::Select); 2],
                > = ::std::sync::LazyLock::new(|| {
                    #[allow(
                        clippy::wildcard_imports,
                        reason = "the parsed forms' names, in this initialiser only"
                    )]
                    use ::arazzo::__private::parsed::*;
                    [
                        (
                            "fixTitle",
                            Select::new(
                                SelectorSpec {
                                    context: "$steps.pollFixState.outputs.fixTitles",
                                    selector: "/0",
                                    kind: "jsonpointer",
                                    version: None,
                                },
                                Expr::expression(
                                    "$steps.pollFixState.outputs.fixTitles",
                                    Expression::Steps {
                                        step_id: "pollFixState".to_owned(),
                                        output: "fixTitles".to_owned(),
                                        pointer: None,
                                    },
                                ),
                                Selector::Pointer(JsonPointer::from_tokens(["0"])),
                            ),
                        ),
                        (
                            "prUrl",
                            Select::new(
                                SelectorSpec {
                                    context: "$steps.pollFixState.outputs.prUrls",
                                    selector: "/0",
                                    kind: "jsonpointer",
                                    version: None,
                                },
                                Expr::expression(
                                    "$steps.pollFixState.outputs.prUrls",
                                    Expression::Steps {
                                        step_id: "pollFixState".to_owned(),
                                        output: "prUrls".to_owned(),
                                        pointer: None,
                                    },
                                ),
                                Selector::Pointer(JsonPointer::from_tokens(["0"])),
                            ),
                        ),
                    ]
                });
                &*SELECTORS
            },
            true,
        )?;
        run.finish({
            static OUTPUTS: ::std::sync::LazyLock<
                [(&'static str, ::arazzo::__private::Expr); 2],
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
                        "runId",
                        Expr::expression(
                            "$steps.startFix.outputs.runId",
                            Expression::Steps {
                                step_id: "startFix".to_owned(),
                                output: "runId".to_owned(),
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
