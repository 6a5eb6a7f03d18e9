//! Servers kept in the background ([`Background`], stopped with their
//! group when dropped), their ports and their logs.

use super::{Exit, check_interrupted, describe, peek_exit, spawn_in_group, stop_group};
use anyhow::{Context, Result, bail};
use nix::sys::signal::Signal;
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command};
use std::thread;
use std::time::{Duration, Instant};

/// A long-running child (a server) that is stopped, with everything it
/// spawned, when this guard is dropped.
pub struct Background {
    name: String,
    child: Option<Child>,
}

impl Background {
    /// Starts `cmd` in the background; its output goes to the terminal.
    pub fn spawn(name: &str, cmd: &mut Command) -> Result<Self> {
        say!("$ {}", describe(cmd));
        let child = spawn_in_group(cmd)?;
        Ok(Self {
            name: name.to_owned(),
            child: Some(child),
        })
    }

    /// Starts `cmd` in the background with its output appended to `log`.
    pub fn spawn_logged(name: &str, cmd: &mut Command, log: &Path) -> Result<Self> {
        let file = std::fs::File::create(log)
            .with_context(|| format!("creating log file {}", log.display()))?;
        cmd.stdout(file.try_clone()?).stderr(file);
        say!("$ {}   (log: {})", describe(cmd), log.display());
        let child = spawn_in_group(cmd)?;
        Ok(Self {
            name: name.to_owned(),
            child: Some(child),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// `Some(exit)` once the child has exited (it stays unreaped until the
    /// guard is stopped).
    pub fn exited(&self) -> Option<Exit> {
        peek_exit(self.child.as_ref()?, false)
    }

    /// Waits until something accepts connections on `addr`, failing if the
    /// child exits first, the user interrupts, or `timeout` passes.
    pub fn wait_for_port(&self, addr: SocketAddr, timeout: Duration) -> Result<()> {
        let started = Instant::now();
        let mut told = false;
        loop {
            check_interrupted()?;
            if let Some(exit) = self.exited() {
                bail!("{} exited before listening on {addr} ({exit})", self.name);
            }
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                say!(
                    "{} is listening on {addr} (after {})",
                    self.name,
                    crate::ctx::fmt_duration(started.elapsed())
                );
                return Ok(());
            }
            if started.elapsed() > timeout {
                bail!(
                    "{} did not listen on {addr} within {}",
                    self.name,
                    crate::ctx::fmt_duration(timeout)
                );
            }
            if !told && started.elapsed() > Duration::from_secs(5) {
                say!("waiting for {} on {addr}…", self.name);
                told = true;
            }
            thread::sleep(Duration::from_millis(200));
        }
    }

    /// Stops the child and its group now.
    pub fn stop(mut self) {
        self.stop_inner();
    }

    fn stop_inner(&mut self) {
        if let Some(child) = self.child.take() {
            match stop_group(child) {
                Exit::Code(0) | Exit::Signal(Signal::SIGTERM) => say!("stopped {}", self.name),
                exit => say!("stopped {} ({exit})", self.name),
            }
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop_inner();
    }
}

/// `preferred` when nothing listens there, or else any free port (a server
/// of someone else's may hold the usual one on a shared machine).
pub fn free_addr(preferred: &str) -> Result<SocketAddr> {
    let preferred: SocketAddr = preferred.parse()?;
    if ensure_port_free(preferred).is_ok() {
        return Ok(preferred);
    }
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .context("finding a free port")?;
    say!("{preferred} is taken by another program; using {free} instead");
    Ok(free)
}

/// Fails when something already answers on `addr`: a stale server there
/// would be tested instead of ours.
pub fn ensure_port_free(addr: SocketAddr) -> Result<()> {
    if TcpStream::connect_timeout(&addr, Duration::from_millis(300)).is_ok() {
        bail!(
            "something is already listening on {addr}; stop it first \
             (e.g. a `cargo xtask dev` or a server left from an earlier run)"
        );
    }
    Ok(())
}

/// The body of a plain `GET http://{addr}{path}` when it answers 200: for
/// waiting until a server really serves (no HTTP client crate for one probe).
pub fn http_get(addr: &str, path: &str) -> Option<String> {
    use std::io::{Read, Write};
    let mut stream =
        TcpStream::connect_timeout(&addr.parse().ok()?, Duration::from_millis(500)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let (head, body) = answer.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.1 200").then(|| body.to_owned())
}

/// Prints the last `n` lines of a server's log (nothing for an empty or
/// missing one): what explains most failures of a browser run.
pub fn show_tail(log: &Path, n: usize) {
    let lines = tail(log, n);
    if lines.is_empty() {
        return;
    }
    say!("\n--- last lines of {} ---", log.display());
    for line in lines {
        say!("{line}");
    }
    say!("--- end of log ---");
}

/// The last `n` lines of a text file, for showing a server's log on failure.
pub fn tail(path: &Path, n: usize) -> Vec<String> {
    let Ok(file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let lines: Vec<String> = BufReader::new(file).lines().map_while(Result::ok).collect();
    lines[lines.len().saturating_sub(n)..].to_vec()
}
