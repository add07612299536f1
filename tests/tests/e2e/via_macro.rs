//! The same seed workflow through `arazzo::arazzo_workflow!` instead of a
//! build script: one dependency, one macro call, a typed function.

mod seer {
    arazzo::arazzo_workflow!("../specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml");
}

use arazzo_tests::fake_seer::{FakeSeer, Scenario};

#[tokio::test]
async fn macro_generated_workflow_runs_against_the_fake() {
    let fake = FakeSeer::start(Scenario::completed()).await.expect("fake starts");
    let client = seer::seer_api::Client::new(fake.base_url()).with_bearer_token("test-token");
    let workflows = seer::Workflows::new(client).with_poll_policy(arazzo::PollPolicy::immediate());
    let out = workflows
        .seer_autofix_issue(seer::SeerAutofixIssueInputs {
            organization_id_or_slug: "acme".into(),
            issue_id: "42".into(),
            instruction: None,
        })
        .await
        .expect("workflow succeeds");
    assert_eq!(out.status, seer::seer_api::types::SeerAutofixStateStatus::Completed);
    assert!(out.pr_url.is_some());
}

#[test]
fn default_client_uses_the_spec_server() {
    assert_eq!(seer::seer_api::DEFAULT_BASE_URL, "https://sentry.io/api/0");
    let client = seer::seer_api::Client::default();
    assert_eq!(client.http().base_url(), "https://sentry.io/api/0");
}
