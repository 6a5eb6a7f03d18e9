//! Child processes: run a command in the foreground, or keep a server in the
//! background, and never leave one behind.
//!
//! Every child is started in a process group of its own, so a Ctrl-C at the
//! terminal reaches only the xtask; the xtask's signal handler then forwards
//! SIGTERM to every group it started (a server and whatever it spawned, such
//! as trunk's cargo builds), waits a little, and kills what is left. A
//! [`Background`] guard also stops its group when it is dropped, so an error
//! or a panic on the way out stops the servers too.

mod background;

pub use background::{Background, ensure_port_free, free_addr, http_get, show_tail};

use anyhow::{Context, Result, bail};
use nix::sys::signal::{Signal, killpg};
use nix::sys::wait::{Id, WaitPidFlag, WaitStatus, waitid};
use nix::unistd::Pid;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// Process groups started by this xtask and not yet reaped.
static GROUPS: Mutex<Vec<i32>> = Mutex::new(Vec::new());
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// How long a group gets between SIGTERM and SIGKILL.
const GRACE: Duration = Duration::from_secs(5);

/// The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report.
pub const INTERRUPTED_EXIT_CODE: i32 = 130;

/// Installs the handler for Ctrl-C, SIGTERM and SIGHUP. The first signal asks
/// every child group to stop; a second one kills them and exits at once.
pub fn install_signal_handler() -> Result<()> {
    ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            esay!("\nxtask: interrupted again, killing everything");
            signal_all(Signal::SIGKILL);
            std::process::exit(INTERRUPTED_EXIT_CODE);
        }
        esay!("\nxtask: interrupted, stopping child processes…");
        signal_all(Signal::SIGTERM);
        // Whatever the main thread is doing, do not hang here forever.
        thread::spawn(|| {
            thread::sleep(GRACE * 2);
            signal_all(Signal::SIGKILL);
            std::process::exit(INTERRUPTED_EXIT_CODE);
        });
    })
    .context("installing the Ctrl-C handler")
}

pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Fails with a clear error once the user pressed Ctrl-C.
pub fn check_interrupted() -> Result<()> {
    if interrupted() {
        bail!("interrupted");
    }
    Ok(())
}

fn signal_all(signal: Signal) {
    let groups = GROUPS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for pgid in groups {
        let _ = killpg(Pid::from_raw(pgid), signal);
    }
}

fn register(pgid: i32) {
    GROUPS.lock().unwrap_or_else(|e| e.into_inner()).push(pgid);
}

fn unregister(pgid: i32) {
    GROUPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|&g| g != pgid);
}

/// A one-line rendering of a command for progress messages.
pub fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| {
        let a = a.to_string_lossy();
        if a.is_empty() || a.contains(' ') {
            format!("'{a}'")
        } else {
            a.into_owned()
        }
    }));
    parts.join(" ")
}

/// Starts `cmd` in a process group of its own, registered for the signal
/// handler, with no standard input (it is not in the terminal's foreground
/// group, so it must not read the terminal).
fn spawn_in_group(cmd: &mut Command) -> Result<Child> {
    check_interrupted()?;
    cmd.process_group(0).stdin(Stdio::null());
    #[cfg(target_os = "linux")]
    // SAFETY: the closure runs between fork and exec and only makes the
    // async-signal-safe prctl and getppid system calls.
    unsafe {
        let parent = std::process::id() as i32;
        cmd.pre_exec(move || {
            // If the xtask dies without running its handler (SIGKILL), the
            // child still gets SIGTERM from the kernel.
            nix::sys::prctl::set_pdeathsig(Signal::SIGTERM)?;
            if nix::unistd::getppid().as_raw() != parent {
                return Err(std::io::Error::other("parent exited"));
            }
            Ok(())
        });
    }
    let child = cmd
        .spawn()
        .with_context(|| format!("could not start `{}`", describe(cmd)))?;
    register(child.id() as i32);
    Ok(child)
}

/// How a child ended.
#[derive(Clone, Copy, Debug)]
pub enum Exit {
    Code(i32),
    Signal(Signal),
    Unknown,
}

impl Exit {
    pub fn success(self) -> bool {
        matches!(self, Exit::Code(0))
    }
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(code) => write!(f, "exit code {code}"),
            Exit::Signal(sig) => write!(f, "killed by {sig}"),
            Exit::Unknown => write!(f, "exit status unknown"),
        }
    }
}

/// Whether the child has exited, without reaping it: while it is unreaped its
/// pid stays reserved, so signalling its process group afterwards cannot hit
/// an unrelated process.
fn peek_exit(child: &Child, block: bool) -> Option<Exit> {
    let mut flags = WaitPidFlag::WEXITED | WaitPidFlag::WNOWAIT;
    if !block {
        flags |= WaitPidFlag::WNOHANG;
    }
    loop {
        return match waitid(Id::Pid(Pid::from_raw(child.id() as i32)), flags) {
            Ok(WaitStatus::StillAlive) => None,
            Ok(WaitStatus::Exited(_, code)) => Some(Exit::Code(code)),
            Ok(WaitStatus::Signaled(_, sig, _)) => Some(Exit::Signal(sig)),
            Err(nix::errno::Errno::EINTR) => continue,
            Ok(_) | Err(_) => Some(Exit::Unknown),
        };
    }
}

/// Kills whatever is left in the child's group, then reaps the child.
fn finish(mut child: Child) {
    let pgid = child.id() as i32;
    let _ = killpg(Pid::from_raw(pgid), Signal::SIGKILL);
    let _ = child.wait();
    unregister(pgid);
}

/// Sends SIGTERM to the group, waits up to [`GRACE`] for its leader, then
/// kills the rest of the group. Returns how the leader ended.
fn stop_group(child: Child) -> Exit {
    let _ = killpg(Pid::from_raw(child.id() as i32), Signal::SIGTERM);
    let deadline = Instant::now() + GRACE;
    let exit = loop {
        if let Some(exit) = peek_exit(&child, false) {
            break exit;
        }
        if Instant::now() >= deadline {
            break Exit::Signal(Signal::SIGKILL);
        }
        thread::sleep(Duration::from_millis(50));
    };
    finish(child);
    exit
}

/// Runs `cmd` to completion, its output going to the terminal. Fails if it
/// cannot start, exits non-zero, or the user interrupts it.
pub fn run(cmd: &mut Command) -> Result<()> {
    let what = describe(cmd);
    say!("$ {what}");
    let child = spawn_in_group(cmd)?;
    let exit = peek_exit(&child, true).unwrap_or(Exit::Unknown);
    // Anything the command left in its group (a stray helper) goes too.
    finish(child);
    check_interrupted()?;
    if !exit.success() {
        bail!("`{what}` failed ({exit})");
    }
    Ok(())
}

/// Like [`run`], but also hands back what the command wrote to standard
/// error (which is still shown as it comes), for reading a failure's cause.
pub fn run_keeping_stderr(cmd: &mut Command) -> (Result<()>, String) {
    let what = describe(cmd);
    say!("$ {what}");
    cmd.stderr(Stdio::piped());
    let mut child = match spawn_in_group(cmd) {
        Ok(child) => child,
        Err(e) => return (Err(e), String::new()),
    };
    let reader = child.stderr.take().map(|pipe| {
        thread::spawn(move || {
            let mut kept = String::new();
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                esay!("{line}");
                kept.push_str(&line);
                kept.push('\n');
            }
            kept
        })
    });
    let exit = peek_exit(&child, true).unwrap_or(Exit::Unknown);
    finish(child);
    let kept = reader.and_then(|r| r.join().ok()).unwrap_or_default();
    if let Err(e) = check_interrupted() {
        return (Err(e), kept);
    }
    if !exit.success() {
        return (Err(anyhow::anyhow!("`{what}` failed ({exit})")), kept);
    }
    (Ok(()), kept)
}

/// Runs `cmd` and returns its standard output, or `None` when it cannot be
/// started or fails: for probing a tool's version.
pub fn output_of(cmd: &mut Command) -> Option<String> {
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
