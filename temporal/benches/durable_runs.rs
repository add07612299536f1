//! What a durable run costs: the seed workflow on Temporal against the same workflow in
//! process, side by side in one run, in paired rounds (alternating which side goes first).
//!
//! Method:
//! - The fake Seer server runs in a child process (this binary re-executed with `--fake`);
//!   the Temporal dev server is another (`temporal server start-dev`, SQLite in a temporary
//!   file). This process holds the runs: the in-process side's, and the durable side's
//!   worker (in this process, polled beside the starter) and starter. CPU is read from
//!   `/proc/PID/stat` (user + system, clock ticks) for this process and the server.
//! - One seed run: list models, start, two polls (processing, completed) 100 ms apart. Each
//!   side checks its outputs, so a failing run cannot pass for a fast one.
//! - Throughput: `--runs` runs (default 1,000) started at once; runs/s = runs / wall time
//!   from the first start to the last outcome.
//! - Per-run overhead: `--sequential` runs (default 20) one after another; the mean
//!   latency of a durable run minus that of an in-process one (the 100 ms wait is in both).
//! - Each side's figures per round; the summary gives min/median/max over rounds.
//!
//! - `--poll-ms MS`: the wait between the polls (default 100).
//! - `--timeline`: the history of the last run made alone, event by event with the time
//!   since the run started (`temporal workflow show`), to see where a lone run's time goes.
//!
//! usage: `cargo bench --workspace --bench durable_runs [-- --quick | --runs N --rounds R --sequential K] [--timeline]`
//! (or `scripts/run-temporal-bench.sh`).

use std::time::{Duration, Instant};

use arazzo::PollPolicy;
use arazzo_temporal::dev_server::DevServer;
use arazzo_temporal::{Document, Starter, connect, worker};
use arazzo_tests::fake_process::FakeProcess;
use arazzo_tests::fake_seer::{DEFAULT_PR_URL, DEFAULT_TOKEN, Scenario};
use futures::StreamExt;
use sentry_seer::{Workflows, seer_api};
use serde_json::Value;

const WORKFLOW: &str = "seer-autofix-issue";
/// The wait between the two polls, unless `--poll-ms` says otherwise.
const POLL: Duration = Duration::from_millis(100);

fn fake_main() {
    arazzo_tests::fake_process::serve_until_stdin_closes(Scenario::completed());
}

/// User + system CPU time of process `pid`, from `/proc/PID/stat`.
fn cpu(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces), counted from `state` (field 3).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    // utime is field 14, stime 15: indices 11 and 12 from `state`.
    // SAFETY: sysconf has no preconditions.
    let hz = u64::try_from(unsafe { libc::sysconf(libc::_SC_CLK_TCK) }).unwrap_or(100).max(1);
    Duration::from_nanos((ticks(11) + ticks(12)) * 1_000_000_000 / hz)
}

fn workflows(base_url: &str, poll: Duration) -> Workflows {
    let client = seer_api::Client::new(base_url).with_bearer_token(DEFAULT_TOKEN);
    let poll = PollPolicy::default()
        .with_interval(poll, poll)
        .with_factor(1)
        .with_deadline(Duration::from_secs(600));
    Workflows::new(client).with_poll_policy(poll)
}

fn inputs(issue: &str) -> Value {
    serde_json::json!({"organizationIdOrSlug": "acme", "issueId": issue})
}

fn check(outputs: &arazzo::Outputs) {
    assert_eq!(outputs["status"], "completed");
    assert_eq!(outputs["prUrl"], DEFAULT_PR_URL);
}

#[derive(Default, Clone, Copy)]
struct Figures {
    /// Runs per second with all runs in flight at once.
    rate: f64,
    /// CPU of this process per run (the concurrent batch), in ms.
    cpu_ms: f64,
    /// CPU of the Temporal server per run, in ms.
    server_ms: f64,
    /// Mean latency of one run alone, in ms.
    latency_ms: f64,
}

struct Bench {
    workflows: Workflows,
    starter: Starter,
    server_pid: u32,
    runs: usize,
    sequential: usize,
}

impl Bench {
    async fn in_process(&self, round: usize) -> Figures {
        let (server0, cpu0, t0) = (cpu(self.server_pid), cpu(std::process::id()), Instant::now());
        let outcomes: Vec<_> = futures::stream::iter(0..self.runs)
            .map(|i| {
                let workflows = self.workflows.clone();
                tokio::spawn(async move { workflows.run_by_id(WORKFLOW, inputs(&format!("local-{round}-{i}"))).await })
            })
            .buffer_unordered(self.runs)
            .collect()
            .await;
        let wall = t0.elapsed();
        let (cpu1, server1) = (cpu(std::process::id()), cpu(self.server_pid));
        for outcome in outcomes {
            check(&outcome.expect("join").expect("the in-process run succeeds"));
        }
        let t1 = Instant::now();
        for i in 0..self.sequential {
            let outputs = self
                .workflows
                .run_by_id(WORKFLOW, inputs(&format!("local-seq-{round}-{i}")))
                .await
                .expect("the in-process run succeeds");
            check(&outputs);
        }
        self.figures(wall, cpu1 - cpu0, server1 - server0, t1.elapsed())
    }

    async fn durable(&self, round: usize) -> Figures {
        let (server0, cpu0, t0) = (cpu(self.server_pid), cpu(std::process::id()), Instant::now());
        let handles: Vec<_> = futures::stream::iter(0..self.runs)
            .map(|i| {
                let starter = self.starter.clone();
                async move {
                    let id = format!("durable-{round}-{i}");
                    starter
                        .start(&id, WORKFLOW, &inputs(&id), Duration::from_secs(600))
                        .await
                        .expect("start")
                }
            })
            .buffer_unordered(64)
            .collect()
            .await;
        let outcomes: Vec<_> = futures::stream::iter(handles)
            .map(|handle| async move { handle.outputs().await })
            .buffer_unordered(self.runs)
            .collect()
            .await;
        let wall = t0.elapsed();
        let (cpu1, server1) = (cpu(std::process::id()), cpu(self.server_pid));
        for outcome in outcomes {
            check(&outcome.expect("the durable run succeeds"));
        }
        let t1 = Instant::now();
        for i in 0..self.sequential {
            let id = format!("durable-seq-{round}-{i}");
            let handle = self
                .starter
                .start(&id, WORKFLOW, &inputs(&id), Duration::from_secs(600))
                .await
                .expect("start");
            check(&handle.outputs().await.expect("the durable run succeeds"));
        }
        self.figures(wall, cpu1 - cpu0, server1 - server0, t1.elapsed())
    }

    fn figures(&self, wall: Duration, cpu: Duration, server: Duration, sequential: Duration) -> Figures {
        let n = self.runs as f64;
        Figures {
            rate: n / wall.as_secs_f64(),
            cpu_ms: cpu.as_secs_f64() * 1e3 / n,
            server_ms: server.as_secs_f64() * 1e3 / n,
            latency_ms: sequential.as_secs_f64() * 1e3 / self.sequential.max(1) as f64,
        }
    }
}

fn summary(name: &str, values: &mut [f64]) -> String {
    values.sort_by(f64::total_cmp);
    let median = values[values.len() / 2];
    format!(
        "{name}: min {:.2} / median {:.2} / max {:.2}",
        values[0],
        median,
        values[values.len() - 1]
    )
}

fn arg(args: &[String], name: &str) -> Option<usize> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--fake") {
        fake_main();
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let runs = arg(&args, "--runs").unwrap_or(if quick { 200 } else { 1000 });
    let rounds = arg(&args, "--rounds").unwrap_or(if quick { 2 } else { 3 }).max(1);
    let sequential = arg(&args, "--sequential").unwrap_or(if quick { 10 } else { 20 });
    let timeline = args.iter().any(|a| a == "--timeline");
    let poll = arg(&args, "--poll-ms").map_or(POLL, |ms| Duration::from_millis(ms as u64));

    let fake = FakeProcess::spawn();
    let dir = std::env::temp_dir().join(format!("arazzo-temporal-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let client = connect(&server.address()).await.expect("connect");
        let queue = "bench";
        let workflows = workflows(&fake.base_url, poll);
        let http = workflows.seer_api().http().clone();
        let document = {
            let workflows = workflows.clone();
            Document::new(move |id, inputs| {
                let workflows = workflows.clone();
                Box::pin(async move { workflows.run_by_id(&id, inputs).await })
            })
            .client(&http)
        };
        let bench = Bench {
            workflows,
            starter: Starter::new(client.clone(), queue),
            server_pid: server.pid(),
            runs,
            sequential,
        };
        println!(
            "seed run (4 exchanges, one {} ms wait): {runs} runs at once, {sequential} one by one, {rounds} paired rounds",
            poll.as_millis()
        );
        let body = async {
            // One durable run first: the worker's first poll and the server's caches are
            // not a run's cost.
            bench.starter.start("warm-up", WORKFLOW, &inputs("warm-up"), Duration::from_secs(600)).await.expect("start").outputs().await.expect("warm-up run");
            let mut local = Vec::new();
            let mut durable = Vec::new();
            for round in 0..rounds {
                let (l, d) = if round % 2 == 0 {
                    let l = bench.in_process(round).await;
                    (l, bench.durable(round).await)
                } else {
                    let d = bench.durable(round).await;
                    (bench.in_process(round).await, d)
                };
                println!(
                    "round {round}: in process {:.0} runs/s, {:.2} ms CPU/run, {:.1} ms/run alone | durable {:.0} runs/s, {:.2} ms CPU/run (worker+starter) + {:.2} ms server CPU/run, {:.1} ms/run alone",
                    l.rate, l.cpu_ms, l.latency_ms, d.rate, d.cpu_ms, d.server_ms, d.latency_ms
                );
                local.push(l);
                durable.push(d);
            }
            (local, durable)
        };
        let (local, durable) = tokio::select! {
            done = body => done,
            stopped = worker(client, queue, document) => panic!("the worker stopped: {stopped:?}"),
        };
        if timeline && sequential > 0 {
            print_timeline(&server.address(), &format!("durable-seq-{}-{}", rounds - 1, sequential - 1));
        }
        let pick = |v: &[Figures], f: fn(&Figures) -> f64| v.iter().map(f).collect::<Vec<_>>();
        println!("summary over {rounds} round(s):");
        println!("  {}", summary("in process, runs/s", &mut pick(&local, |f| f.rate)));
        println!("  {}", summary("durable, runs/s", &mut pick(&durable, |f| f.rate)));
        println!("  {}", summary("in process, CPU ms/run", &mut pick(&local, |f| f.cpu_ms)));
        println!("  {}", summary("durable, worker+starter CPU ms/run", &mut pick(&durable, |f| f.cpu_ms)));
        println!("  {}", summary("durable, server CPU ms/run", &mut pick(&durable, |f| f.server_ms)));
        println!("  {}", summary("in process, ms/run alone", &mut pick(&local, |f| f.latency_ms)));
        println!("  {}", summary("durable, ms/run alone", &mut pick(&durable, |f| f.latency_ms)));
        let mut overhead: Vec<f64> = local.iter().zip(&durable).map(|(l, d)| d.latency_ms - l.latency_ms).collect();
        println!("  {}", summary("per-run overhead (durable - in process, alone), ms", &mut overhead));
    });
    drop(server);
    drop(fake);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Prints workflow `id`'s history: each event's type and its time since the first event.
fn print_timeline(address: &str, id: &str) {
    let output = std::process::Command::new(arazzo_temporal::dev_server::binary())
        .args(["workflow", "show", "--address", address, "--workflow-id", id, "--output", "json"])
        .output()
        .expect("run `temporal workflow show`");
    let history: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "`temporal workflow show` printed no JSON ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let events = history["events"].as_array().cloned().unwrap_or_default();
    let time = |e: &Value| e["eventTime"].as_str().and_then(clock_ms).unwrap_or_default();
    let start = events.first().map(time).unwrap_or_default();
    println!("history of {id} (ms since the workflow started):");
    for event in &events {
        let kind = event["eventType"].as_str().unwrap_or("?").trim_start_matches("EVENT_TYPE_");
        println!("  {:>8.1}  {kind}", time(event) - start);
    }
}

/// Milliseconds since the start of the day of an RFC 3339 UTC time (`2026-12-03T05:50:01.123456Z`):
/// a run takes seconds, so the day is enough, and no date crate is needed for it.
fn clock_ms(text: &str) -> Option<f64> {
    let clock = text.split_once('T')?.1.trim_end_matches('Z');
    let mut parts = clock.split(':');
    let (h, m, s) = (parts.next()?, parts.next()?, parts.next()?);
    Some((h.parse::<f64>().ok()? * 3600.0 + m.parse::<f64>().ok()? * 60.0 + s.parse::<f64>().ok()?) * 1e3)
}
