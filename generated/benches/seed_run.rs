//! Run-time cost of the compiled seed workflow against the hand-written code it replaces.
//!
//! Issue #14 asks for a client as cheap as a hand-written reqwest + serde_json sequence, so the
//! bench runs both in one process, in paired rounds (alternating which side goes first), and
//! reports the ratio per round (min/median/max): machine noise then moves both sides alike.
//!
//! Method:
//! - The fake Seer server runs in a child process (this binary re-executed with `--fake`), so
//!   this process's CPU time (`CLOCK_PROCESS_CPUTIME_ID`) and its allocator counters are the
//!   client's alone; the client runs on a current-thread tokio runtime.
//! - One seed run is 5 exchanges: list models, start, three polls (processing, processing,
//!   completed) with zero-wait polls. Each side checks its outputs, so a failing run cannot
//!   pass for a fast one.
//! - Allocations are counted by a global allocator wrapping `System` (`alloc` and
//!   `alloc_zeroed` calls; a `realloc` is not counted).
//! - Memory per waiting run: 10,000 runs (started 2,000 at a time: `--start-batch`) with a 60 s poll interval; once every
//!   run has announced its first wait, the allocator's live bytes (minus those before the runs
//!   started) divided by 10,000. Kernel socket buffers are not counted; the connection each
//!   run's HTTP/1.1 pool entry holds is (hyper's buffers).
//! - Start-up: one seed run as a whole process (this binary with `--one-run`, plain HTTP), its
//!   CPU time from `wait4` and peak RSS (`VmHWM`) as the child reports it. Both sides build their reqwest client with
//!   `arazzo::http_client_builder` (the same TLS setup), so the ratio shows the engine, and the
//!   absolute figure the start-up.
//! - `--arazzo-cli PATH`: the same whole-process run by another Arazzo engine, strefethen's
//!   arazzo-cli 0.3.0 (`PATH run DOC seer-autofix-issue --json -i .. -H 'Authorization: Bearer
//!   ..'`, an interpreter; build it from its repository), in the same rounds, against a copy of
//!   the seed's OpenAPI description whose server is the fake. arazzo-cli 0.3.0 finds no match
//!   for the seed's `jsonpath` criteria (`$.autofix.status == "processing"` on the body), so
//!   its run would end after the first poll with `processing`; its copy of the document says
//!   the same two checks as simple conditions (`$response.body#/autofix/status == "completed"`,
//!   `!= "completed"`), and its run must end with the completed fix, as ours does. Its peak
//!   RSS is `wait4`'s `ru_maxrss` (it cannot report `VmHWM`), so that figure is given for all
//!   three sides.
//!
//! - Connections per waiting run: the process's open file descriptors while the runs wait
//!   (minus those before), per run: each is a pooled connection.
//! - Pool settings (`--pool-max-idle N`, `--pool-idle-timeout-ms MS`) apply to both sides'
//!   reqwest clients; `--settle-ms MS` samples the waiting runs that long after the last one
//!   began to wait (past an idle timeout, its connections are closed).
//!
//! - HTTP/2 (`--h2`): both sides' clients speak HTTP/2 with prior knowledge to the fake, which
//!   serves HTTP/1.1 and cleartext HTTP/2 on one port; runs then share multiplexed connections.
//!
//! usage: `cargo bench -p sentry-seer --bench seed_run [-- --quick]` (or `scripts/run-bench.sh`).
//! Other flags: `--waiting N` (runs waiting; default 10,000, 1,000 with `--quick`),
//! `--start-batch N` (start the waiting runs N at a time; default 2,000, 0 for all at once),
//! `--skip-cpu`, `--skip-process`, `--waiting 0` (no waiting runs), `--no-schema-checks` (the workflow checks no answer
//! against its documented schema), and `--runs ours|hand N [--in-flight K]` (N runs of one side,
//! sequential or split over K concurrent tasks, then exit: for `valgrind`, `perf`, `heaptrack` or
//! `strace -c` of one side alone).

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use arazzo::PollPolicy;
use arazzo_tests::fake_process::FakeProcess;
use arazzo_tests::fake_seer::{DEFAULT_TOKEN, Scenario};
use sentry_seer::seer_api::types::SeerAutofixStateStatus;
use sentry_seer::{SeerAutofixIssueInputs, Workflows, seer_api};
use serde_json::Value;

struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);
static LIVE: AtomicI64 = AtomicI64::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        LIVE.fetch_add(layout.size() as i64, Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        LIVE.fetch_add(layout.size() as i64, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as i64, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as i64 - layout.size() as i64, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// CPU time of this whole process (every thread), in nanoseconds.
fn cpu_ns() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer for the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)");
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// 10,000 runs in flight need 10,000 sockets on each side.
fn raise_fd_limit() {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: valid out-pointer / in-pointer for the calls.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

const ORG: &str = "acme";
const INSTRUCTION: &str = "check the null case";
const STATUSES: [&str; 3] = ["processing", "processing", "completed"];

static ISSUE: AtomicU64 = AtomicU64::new(1);

/// A fresh issue per run: the fake counts polls per issue.
fn next_issue() -> String {
    ISSUE.fetch_add(1, Ordering::Relaxed).to_string()
}

fn fake_main() {
    raise_fd_limit();
    arazzo_tests::fake_process::serve_until_stdin_closes(Scenario::completed().with_statuses(STATUSES));
}

/// A flag's value (`--name VALUE`), parsed.
fn flag<T: std::str::FromStr>(name: &str) -> Option<T> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == name)?;
    Some(args.get(i + 1)?.parse().ok().unwrap_or_else(|| panic!("{name}: not a valid value")))
}

/// The reqwest client of both sides: the generated client's own settings (`arazzo`'s
/// `build_http`), with the pool settings given on the command line.
fn reqwest_client() -> reqwest::Client {
    let mut builder = arazzo::http_client_builder()
        .connect_timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .referer(false);
    if let Some(n) = flag::<usize>("--pool-max-idle") {
        builder = builder.pool_max_idle_per_host(n);
    }
    if let Some(ms) = flag::<u64>("--pool-idle-timeout-ms") {
        builder = builder.pool_idle_timeout(Duration::from_millis(ms));
    }
    if http2() {
        builder = builder.http2_prior_knowledge();
    }
    builder.build().expect("reqwest client")
}

/// `--h2`: both sides speak HTTP/2 to the fake (cleartext, prior knowledge: the fake serves
/// both), as they would with a server that offers it over TLS (ALPN).
fn http2() -> bool {
    std::env::args().any(|a| a == "--h2")
}

/// Open file descriptors of this process (sockets, once the runs are started).
fn open_fds() -> i64 {
    std::fs::read_dir("/proc/self/fd").map_or(0, |d| d.count() as i64)
}

fn ours(base_url: &str, poll: PollPolicy, waiting: Option<Arc<AtomicUsize>>) -> Workflows {
    let client = seer_api::Client::new(base_url).with_bearer_token(DEFAULT_TOKEN);
    let client = if http2() || flag::<String>("--pool-max-idle").is_some() || flag::<String>("--pool-idle-timeout-ms").is_some() {
        client.with_http_client(reqwest_client())
    } else {
        client
    };
    // `--no-schema-checks`: what checking each answer against its documented schema costs.
    let poll = if std::env::args().any(|a| a == "--no-schema-checks") {
        poll.with_schema_checks(arazzo::SchemaChecks::Off)
    } else {
        poll
    };
    let workflows = Workflows::new(client).with_poll_policy(poll);
    match waiting {
        Some(waiting) => workflows.with_observer(move |event| {
            if let arazzo::Event::Waiting { .. } = event {
                waiting.fetch_add(1, Ordering::Relaxed);
            }
        }),
        None => workflows,
    }
}

async fn run_ours(workflows: &Workflows) {
    let outputs = workflows
        .seer_autofix_issue(SeerAutofixIssueInputs {
            organization_id_or_slug: ORG.into(),
            issue_id: next_issue(),
            instruction: Some(INSTRUCTION.into()),
        })
        .await
        .expect("the seed workflow succeeds");
    assert_eq!(outputs.status, SeerAutofixStateStatus::Completed);
    assert!(outputs.pr_url.is_some() && outputs.fix_title.is_some());
}

/// The yardstick: what a user would write by hand with reqwest and serde_json for the same
/// five exchanges (status checks, the same outputs, a poll loop with a wait).
struct Hand {
    http: reqwest::Client,
    base_url: String,
    interval: Duration,
    waiting: Option<Arc<AtomicUsize>>,
}

#[derive(Debug)]
#[allow(dead_code, reason = "read through Debug only; kept to mirror the workflow's outputs")]
struct HandOutputs {
    status: String,
    fix_title: Option<String>,
    pr_url: Option<String>,
}

impl Hand {
    fn new(base_url: &str, interval: Duration, waiting: Option<Arc<AtomicUsize>>) -> Hand {
        Hand {
            // The same reqwest build and TLS setup as the generated client.
            http: reqwest_client(),
            base_url: base_url.to_owned(),
            interval,
            waiting,
        }
    }

    async fn get_json(&self, url: String, expect: u16) -> Value {
        let response = self.http.get(url).bearer_auth(DEFAULT_TOKEN).send().await.expect("send");
        assert_eq!(response.status().as_u16(), expect);
        response.json().await.expect("json body")
    }

    async fn run(&self) -> HandOutputs {
        let issue = next_issue();
        let models = self
            .get_json(format!("{}/organizations/{ORG}/seer/models/", self.base_url), 200)
            .await;
        assert!(models.pointer("/0/id").is_some());
        let autofix_url = format!("{}/issues/{issue}/seer/autofix/", self.base_url);
        let response = self
            .http
            .post(&autofix_url)
            .bearer_auth(DEFAULT_TOKEN)
            .json(&serde_json::json!({ "instruction": INSTRUCTION }))
            .send()
            .await
            .expect("send");
        assert_eq!(response.status().as_u16(), 202);
        let started: Value = response.json().await.expect("json body");
        assert!(started.pointer("/autofix/status").is_some());
        let mut first = true;
        loop {
            if !first {
                if let Some(waiting) = &self.waiting {
                    waiting.fetch_add(1, Ordering::Relaxed);
                }
                tokio::time::sleep(self.interval).await;
            }
            first = false;
            let state = self.get_json(autofix_url.clone(), 200).await;
            let status = state.pointer("/autofix/status").and_then(Value::as_str).expect("status");
            match status {
                "pending" | "processing" => continue,
                _ => {
                    let text = |p: &str| state.pointer(p).and_then(Value::as_str).map(str::to_owned);
                    let outputs = HandOutputs {
                        status: status.to_owned(),
                        fix_title: text("/autofix/fix/title"),
                        pr_url: text("/autofix/fix/pr_url"),
                    };
                    assert_eq!(outputs.status, "completed");
                    assert!(outputs.pr_url.is_some() && outputs.fix_title.is_some());
                    return outputs;
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Ours,
    Hand,
}

/// CPU ns and allocations per run for `runs` runs split over `in_flight` concurrent tasks.
async fn measure(side: Side, ours: &Arc<Workflows>, hand: &Arc<Hand>, runs: usize, in_flight: usize) -> (f64, f64) {
    let (cpu, allocs) = (cpu_ns(), ALLOCS.load(Ordering::Relaxed));
    let per_task = runs / in_flight;
    if in_flight == 1 {
        for _ in 0..runs {
            match side {
                Side::Ours => run_ours(ours).await,
                Side::Hand => drop(hand.run().await),
            }
        }
    } else {
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..in_flight {
            let (ours, hand) = (ours.clone(), hand.clone());
            tasks.spawn(async move {
                for _ in 0..per_task {
                    match side {
                        Side::Ours => run_ours(&ours).await,
                        Side::Hand => drop(hand.run().await),
                    }
                }
            });
        }
        while let Some(done) = tasks.join_next().await {
            done.expect("task");
        }
    }
    let n = (per_task * in_flight) as f64;
    ((cpu_ns() - cpu) as f64 / n, (ALLOCS.load(Ordering::Relaxed) - allocs) as f64 / n)
}

fn stats(mut xs: Vec<f64>) -> (f64, f64, f64) {
    xs.sort_by(f64::total_cmp);
    (xs[0], xs[xs.len() / 2], xs[xs.len() - 1])
}

async fn paired(label: &str, ours: &Arc<Workflows>, hand: &Arc<Hand>, rounds: usize, runs: usize, in_flight: usize) {
    let (mut o_cpu, mut h_cpu, mut ratio, mut o_al, mut h_al) = (vec![], vec![], vec![], vec![], vec![]);
    for round in 0..rounds {
        let order = if round % 2 == 0 {
            [Side::Ours, Side::Hand]
        } else {
            [Side::Hand, Side::Ours]
        };
        let mut got = [(0.0, 0.0); 2];
        for side in order {
            got[usize::from(side == Side::Hand)] = measure(side, ours, hand, runs, in_flight).await;
        }
        o_cpu.push(got[0].0 / 1000.0);
        h_cpu.push(got[1].0 / 1000.0);
        ratio.push(got[0].0 / got[1].0);
        o_al.push(got[0].1);
        h_al.push(got[1].1);
    }
    let (o, h, r) = (stats(o_cpu), stats(h_cpu), stats(ratio));
    println!(
        "{label}: client CPU per run, median µs: ours {:.1}, hand-written {:.1}; ratio min {:.2} median {:.2} max {:.2} ({rounds} rounds of {runs} runs)",
        o.1, h.1, r.0, r.1, r.2
    );
    let (oa, ha) = (stats(o_al).1, stats(h_al).1);
    println!(
        "{label}: allocations per run, median: ours {oa:.0}, hand-written {ha:.0}; ratio {:.2}",
        oa / ha
    );
}

/// Live heap bytes and open sockets per run with `runs` runs all waiting between polls.
async fn waiting_bytes(side: Side, base_url: &str, runs: usize) -> (f64, f64) {
    let waiting = Arc::new(AtomicUsize::new(0));
    let interval = Duration::from_secs(60);
    let poll = PollPolicy::default().with_interval(interval, interval);
    let (before, fds) = (LIVE.load(Ordering::Relaxed), open_fds());
    let ours = Arc::new(ours(base_url, poll, Some(waiting.clone())));
    let hand = Arc::new(Hand::new(base_url, interval, Some(waiting.clone())));
    let mut tasks = tokio::task::JoinSet::new();
    // `--start-batch N`: N runs at a time, the next once they all wait (default 2,000; 0: all
    // at once). At once on HTTP/1.1, 10,000 hand-written runs overrun this machine's 20,000
    // descriptors: hyper-util's pool connects for a request that waits for a connection even
    // when one is being returned, so a burst opens more connections than runs. Ours have at
    // most `Limits::max_in_flight` (100) attempts, so connections, open at once.
    let batch = match flag("--start-batch").unwrap_or(2_000) {
        0 => runs,
        n => n,
    };
    let started = Instant::now();
    let mut spawned = 0;
    while spawned < runs {
        for _ in 0..batch.min(runs - spawned) {
            let (ours, hand) = (ours.clone(), hand.clone());
            tasks.spawn(async move {
                match side {
                    Side::Ours => run_ours(&ours).await,
                    Side::Hand => drop(hand.run().await),
                }
            });
            spawned += 1;
        }
        while waiting.load(Ordering::Relaxed) < spawned {
            assert!(
                started.elapsed() < Duration::from_secs(50),
                "runs did not all reach their poll wait"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    if let Some(ms) = flag::<u64>("--settle-ms") {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    let (live, sockets) = (LIVE.load(Ordering::Relaxed) - before, open_fds() - fds);
    tasks.abort_all();
    while tasks.join_next().await.is_some() {}
    drop((ours, hand));
    // Let the pools' connections close before the other side is measured.
    tokio::time::sleep(Duration::from_millis(500)).await;
    (live as f64 / runs as f64, sockets as f64 / runs as f64)
}

/// `--one-run ours|hand URL`: one seed run as a whole process, start-up included.
fn one_run_main(side: &str, base_url: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        match side {
            "ours" => run_ours(&ours(base_url, PollPolicy::immediate(), None)).await,
            _ => drop(Hand::new(base_url, Duration::ZERO, None).run().await),
        }
    });
    // Peak RSS from inside: `wait4`'s `ru_maxrss` would count the forked copy of the parent.
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let hwm = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).expect("VmHWM");
    println!("{}", hwm.trim().trim_end_matches("kB").trim());
}

/// CPU ms, peak RSS KiB (`VmHWM`, as the child reports it) and `ru_maxrss` KiB of one
/// `--one-run` child process.
fn one_run_process(side: Side, base_url: &str) -> (f64, f64, f64) {
    let mut child = Command::new(std::env::current_exe().expect("current exe"))
        .args(["--one-run", if side == Side::Ours { "ours" } else { "hand" }, base_url])
        .stdout(Stdio::piped())
        .spawn()
        .expect("child starts");
    let mut hwm = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut hwm)
        .expect("child prints its peak RSS");
    let (cpu, maxrss, _) = reap(child);
    (cpu, hwm.trim().parse().expect("peak RSS in KiB"), maxrss)
}

/// Waits for `child`: its CPU ms and `ru_maxrss` KiB from `wait4`, and its stdout if it was
/// piped and not read. Panics unless it exited with 0.
fn reap(mut child: std::process::Child) -> (f64, f64, String) {
    let mut out = String::new();
    if let Some(stdout) = child.stdout.take() {
        std::io::Read::read_to_string(&mut BufReader::new(stdout), &mut out).expect("child's stdout");
    }
    // SAFETY: zeroed rusage is a valid out-value; the pid is our own unwaited child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut status = 0;
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    // SAFETY: valid out-pointers; reaping our own child.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert!(
        rc == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "child failed: {out}"
    );
    // `wait4` reaped it; dropping the handle does not wait again.
    drop(child);
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    (ms(usage.ru_utime) + ms(usage.ru_stime), usage.ru_maxrss as f64, out)
}

/// `--arazzo-cli PATH`: the seed document beside a copy of its OpenAPI description whose
/// server is the fake, in a directory of their own (the document names it relatively).
fn arazzo_cli_specs(base_url: &str) -> std::path::PathBuf {
    let specs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let dir = std::env::temp_dir().join(format!("seed-run-arazzo-cli-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("arazzo")).expect("temp dir");
    std::fs::create_dir_all(dir.join("openapi")).expect("temp dir");
    let doc = dir.join("arazzo/seed.yml");
    let seed = std::fs::read_to_string(specs.join("arazzo/sentry-system-seer-autofix-issue-workflow.yml")).expect("seed document");
    let as_simple = [
        (
            "      - context: $response.body\n        condition: $.autofix.status == \"completed\"\n        type: jsonpath\n",
            "      - condition: $response.body#/autofix/status == \"completed\"\n",
        ),
        (
            "      - context: $response.body\n        condition: $.autofix.status == \"pending\" || $.autofix.status == \"processing\"\n        type: jsonpath\n",
            "      - condition: $response.body#/autofix/status != \"completed\"\n",
        ),
    ];
    let mut simple = seed.clone();
    for (jsonpath, condition) in as_simple {
        assert!(simple.contains(jsonpath), "the seed's criteria changed: update the arazzo-cli copy");
        simple = simple.replacen(jsonpath, condition, 1);
    }
    std::fs::write(&doc, simple).expect("seed document copy");
    let openapi = std::fs::read_to_string(specs.join("openapi/sentry-seer-openapi.yml")).expect("seed OpenAPI");
    let server = "  - url: https://sentry.io/api/0\n";
    assert!(openapi.contains(server), "the seed OpenAPI's first server changed");
    std::fs::write(
        dir.join("openapi/sentry-seer-openapi.yml"),
        openapi.replacen(server, &format!("  - url: {base_url}\n"), 1),
    )
    .expect("OpenAPI copy");
    doc
}

/// One seed run by arazzo-cli: CPU ms and `ru_maxrss` KiB. Its outputs must be the
/// completed fix, as each of our sides checks its own.
fn arazzo_cli_process(cli: &str, doc: &std::path::Path) -> (f64, f64) {
    let child = Command::new(cli)
        .arg("run")
        .arg(doc)
        .args(["seer-autofix-issue", "--json", "-i"])
        .arg(format!("organizationIdOrSlug={ORG}"))
        // `-i` would read a numeric id as a number.
        .arg("--input-json")
        .arg(format!("issueId=\"{}\"", next_issue()))
        .arg("-i")
        .arg(format!("instruction={INSTRUCTION}"))
        .arg("-H")
        .arg(format!("Authorization: Bearer {DEFAULT_TOKEN}"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("arazzo-cli starts");
    let (cpu, maxrss, out) = reap(child);
    let outputs: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("arazzo-cli's output is not JSON ({e}): {out}"));
    assert!(
        outputs["kind"] == "success" && outputs["outputs"]["status"] == "completed" && outputs["outputs"]["prUrl"].is_string(),
        "arazzo-cli did not end with the completed fix: {out}"
    );
    (cpu, maxrss)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--fake") {
        return fake_main();
    }
    if let Some(i) = args.iter().position(|a| a == "--one-run") {
        return one_run_main(&args[i + 1], &args[i + 2]);
    }
    // `cargo bench` passes `--bench`; anything else here is ours.
    let quick = std::env::args().any(|a| a == "--quick");
    let skip = |name: &str| std::env::args().any(|a| a == name);
    raise_fd_limit();
    let fake = FakeProcess::spawn();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    if let Some(i) = args.iter().position(|a| a == "--runs") {
        let side = if args[i + 1] == "ours" { Side::Ours } else { Side::Hand };
        let n: usize = args[i + 2].parse().expect("--runs ours|hand N");
        // `--in-flight K`: the N runs split over K concurrent tasks (as the paired rounds' 100).
        let in_flight = flag::<usize>("--in-flight").unwrap_or(1).clamp(1, n.max(1));
        return runtime.block_on(async {
            let ours = Arc::new(ours(&fake.base_url, PollPolicy::immediate(), None));
            let hand = Arc::new(Hand::new(&fake.base_url, Duration::ZERO, None));
            let (cpu, allocs) = measure(side, &ours, &hand, n, in_flight).await;
            println!(
                "{n} runs, {in_flight} in flight: CPU per run {:.1} µs, allocations per run {allocs:.0}",
                cpu / 1000.0
            );
        });
    }
    runtime.block_on(async {
        let ours = Arc::new(ours(&fake.base_url, PollPolicy::immediate(), None));
        let hand = Arc::new(Hand::new(&fake.base_url, Duration::ZERO, None));
        let (rounds, runs) = if quick { (5, 100) } else { (15, 400) };
        if !skip("--skip-cpu") {
            // Warm-up: connections, lazily built state, allocator pools.
            measure(Side::Ours, &ours, &hand, 200, 1).await;
            measure(Side::Hand, &ours, &hand, 200, 1).await;
            paired("sequential", &ours, &hand, rounds, runs, 1).await;
            paired("100 in flight", &ours, &hand, rounds, runs * 2, 100).await;
        }
        drop((ours, hand));
        let waiting = flag("--waiting").unwrap_or(if quick { 1_000 } else { 10_000 });
        // `--waiting 0`: none (the whole-process rounds alone, with `--skip-cpu`).
        if waiting > 0 {
            let mut ratios = vec![];
            let (mut o_b, mut h_b, mut o_s, mut h_s) = (vec![], vec![], vec![], vec![]);
            for round in 0..if quick { 1 } else { 3 } {
                let order = if round % 2 == 0 { [Side::Ours, Side::Hand] } else { [Side::Hand, Side::Ours] };
                let mut got = [(0.0, 0.0); 2];
                for side in order {
                    got[usize::from(side == Side::Hand)] = waiting_bytes(side, &fake.base_url, waiting).await;
                }
                o_b.push(got[0].0);
                h_b.push(got[1].0);
                o_s.push(got[0].1);
                h_s.push(got[1].1);
                ratios.push(got[0].0 / got[1].0);
            }
            let (o, h, r) = (stats(o_b), stats(h_b), stats(ratios));
            println!(
                "{waiting} runs waiting between polls: live heap bytes per run, median: ours {:.0}, hand-written {:.0}; ratio min {:.2} median {:.2} max {:.2}; open sockets per run: ours {:.2}, hand-written {:.2}",
                o.1,
                h.1,
                r.0,
                r.1,
                r.2,
                stats(o_s).1,
                stats(h_s).1
            );
        }
    });
    if skip("--skip-process") {
        return;
    }
    let (mut o_ms, mut h_ms, mut o_rss, mut h_rss, mut ratios) = (vec![], vec![], vec![], vec![], vec![]);
    let (mut o_max, mut h_max) = (vec![], vec![]);
    let cli = flag::<String>("--arazzo-cli").map(|path| (arazzo_cli_specs(&fake.base_url), path));
    let (mut c_ms, mut c_max, mut c_ratios) = (vec![], vec![], vec![]);
    for round in 0..if quick { 4 } else { 12 } {
        let order = if round % 2 == 0 {
            [Side::Ours, Side::Hand]
        } else {
            [Side::Hand, Side::Ours]
        };
        // arazzo-cli goes first, between or last, round by round.
        let cli_at = round % 3;
        let mut got = [(0.0, 0.0, 0.0); 2];
        let mut sides = order.into_iter();
        for slot in 0..3 {
            if slot != cli_at {
                let side = sides.next().expect("two sides");
                got[usize::from(side == Side::Hand)] = one_run_process(side, &fake.base_url);
            } else if let Some((doc, path)) = &cli {
                let (ms, max) = arazzo_cli_process(path, doc);
                c_ms.push(ms);
                c_max.push(max);
            }
        }
        if cli.is_some() {
            c_ratios.push(got[0].0 / c_ms.last().copied().unwrap_or(f64::NAN));
        }
        o_ms.push(got[0].0);
        h_ms.push(got[1].0);
        o_rss.push(got[0].1);
        h_rss.push(got[1].1);
        o_max.push(got[0].2);
        h_max.push(got[1].2);
        ratios.push(got[0].0 / got[1].0);
    }
    let (o, h, r) = (stats(o_ms), stats(h_ms), stats(ratios));
    println!(
        "one seed run as a process (start-up included): CPU ms, median: ours {:.2}, hand-written {:.2}; ratio min {:.2} median {:.2} max {:.2}; peak RSS KiB, median: ours {:.0}, hand-written {:.0}",
        o.1,
        h.1,
        r.0,
        r.1,
        r.2,
        stats(o_rss).1,
        stats(h_rss).1
    );
    if let Some((doc, _)) = cli {
        let (c, r) = (stats(c_ms), stats(c_ratios));
        println!(
            "one seed run as a process, against arazzo-cli: CPU ms, median: ours {:.2}, arazzo-cli {:.2}; ratio ours / arazzo-cli min {:.2} median {:.2} max {:.2}; ru_maxrss KiB, median: ours {:.0}, hand-written {:.0}, arazzo-cli {:.0}",
            o.1,
            c.1,
            r.0,
            r.1,
            r.2,
            stats(o_max).1,
            stats(h_max).1,
            stats(c_max).1
        );
        let _ = std::fs::remove_dir_all(doc.parent().and_then(std::path::Path::parent).expect("temp dir"));
    }
}
