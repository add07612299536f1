//! Runs Sentry's "Seer autofix" workflow once, from the Arazzo document in `specs/`:
//!
//! ```text
//! SENTRY_AUTH_TOKEN=... macro-user <organization> <issue> [instruction]
//! ```
//!
//! `SEER_BASE_URL` points it at another server than the spec's (`https://sentry.io/api/0`).

use std::process::ExitCode;

mod seer {
    // Paths are relative to this crate's root. The macro reads and checks the Arazzo
    // document and the OpenAPI description it names, and expands to a typed client
    // (`seer::seer_api::Client`) and one async method per workflow on `seer::Workflows`.
    arazzo::arazzo_workflow!("specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml");
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(organization), Some(issue)) = (args.next(), args.next()) else {
        eprintln!("usage: macro-user <organization> <issue> [instruction]");
        return ExitCode::from(2);
    };
    let base_url = std::env::var("SEER_BASE_URL").unwrap_or_else(|_| seer::seer_api::DEFAULT_BASE_URL.to_owned());
    let mut client = seer::seer_api::Client::new(base_url);
    if let Ok(token) = std::env::var("SENTRY_AUTH_TOKEN") {
        client = client.with_bearer_token(token);
    }
    let inputs = seer::SeerAutofixIssueInputs {
        organization_id_or_slug: organization,
        issue_id: issue,
        instruction: args.next(),
    };
    match seer::Workflows::new(client).seer_autofix_issue(inputs).await {
        Ok(outputs) => {
            println!("status: {}", outputs.status);
            println!("fix: {}", outputs.fix_title.as_deref().unwrap_or("-"));
            println!("pull request: {}", outputs.pr_url.as_deref().unwrap_or("-"));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests;
