//! `newsdex serve`: the JSON API and the search page over one shared index.
//!
//! One thread accepts connections; each gets a small thread of its own
//! that reads its request head under a short deadline, so a client that
//! connects and sends nothing holds no worker. At most [`MAX_READING`]
//! heads are read at once; when a new connection finds them all taken,
//! the one that has waited longest without sending a whole head (a silent
//! one first) is closed to make room, so idle or slow clients can delay
//! nobody else. Read requests go to a fixed pool of workers through a
//! bounded queue; when it is full the connection gets a 503, so a
//! burst costs neither unbounded threads nor memory. A worker only makes
//! the answer: the connection's own thread writes it, under a deadline,
//! so a client slow to read holds no worker, and past
//! [`MAX_SENDING_BYTES`] of answers not yet taken the slowest connection
//! is closed. Every
//! worker searches the same [`NewsIndex`], whose one reader follows new
//! commits, so re-running `newsdex index` while serving is seen without a
//! restart.
//!
//! `http.rs` reads requests and writes answers; `api.rs` turns parameters
//! into searches and JSON; the page is in `assets/`, embedded at build time.

use std::io::Read;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;

use crate::store::NewsIndex;

pub mod api;
pub mod http;

use http::{Method, ReadError, Request, Response};

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const STYLE_CSS: &str = include_str!("assets/style.css");

/// The page loads only its own script, style and API: nothing inline,
/// nothing from elsewhere. A second wall behind building the DOM with
/// `textContent`.
const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                        connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; \
                        frame-ancestors 'none'";

/// How long, and how much, to read off a refused request before closing.
const LINGER: std::time::Duration = std::time::Duration::from_secs(1);
const LINGER_BYTES: u64 = 1 << 20;

/// Requests read and waiting for a worker before new ones get a 503.
const QUEUE: usize = 64;
/// Connections whose request head is being read at once, each on a small
/// thread of its own. Reading heads apart from the workers means idle
/// connections cannot hold the workers; this bounds what they can hold
/// instead (threads and their 8 KiB buffers). A new connection beyond it
/// closes the one that has waited longest without a whole head.
const MAX_READING: usize = 256;
/// Connection threads: those reading a head, those just closed to make
/// room and not yet gone, those waiting for a worker's answer (at most
/// [`QUEUE`] and the workers) and those writing an answer (big ones are
/// bounded by [`MAX_SENDING_BYTES`], small ones go at once). Beyond it new
/// connections get a 503.
const MAX_READER_THREADS: usize = 2 * MAX_READING;
/// Bytes of answers made and not yet taken by their clients before the
/// workers wait to make more: what slow readers can hold in memory.
const MAX_SENDING_BYTES: usize = 64 << 20;
/// Slowest rate, in bytes a second, a client may take an answer at (past
/// [`http::IO_TIMEOUT`]) before its connection is closed.
const MIN_SEND_RATE: u64 = 1 << 20;
/// How long a client has to send its request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a connection may stay silent before its first byte. Browsers
/// open connections ahead of need; these, and clients that connect and
/// send nothing, are closed after it.
const IDLE_TIMEOUT: Duration = Duration::from_secs(2);
/// Stack of a head-reading thread: the 8 KiB head buffer and parsing.
const READER_STACK: usize = 128 * 1024;

#[derive(Debug, Args)]
#[command(
    after_help = "Endpoints (GET, JSON, same parameters and shapes as the CLI):\n  \
                  /api/search?q=Aliyev&person=Putin&since=2024-12&limit=10\n  \
                  /api/entities?q=crash&type=person&top=20\n  \
                  /api/sections?q=budget&top=20\n  \
                  /api/timeline?q=crash&by=month&field=mentioned\n  \
                  /api/article?path=corpus/story.txt&passage=3\n\
                  The search page is at /.\n\nExamples:\n  newsdex serve\n  \
                  newsdex serve --index ~/news-index --addr 127.0.0.1:9000"
)]
pub struct ServeArgs {
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Address to listen on (port 0 picks a free one). Keep it on loopback:
    /// there is no authentication.
    #[arg(long, default_value = "127.0.0.1:8080", value_parser = listen_addr)]
    pub addr: SocketAddr,
    /// Worker threads answering requests, 1 to 256 (none would answer
    /// nothing; each holds a stack).
    #[arg(long, default_value_t = 4, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=256))]
    pub threads: usize,
}

/// `--addr`: an IP address and port, or the forms people type for the
/// loopback one (`localhost:8080`, `:8080`, `8080`), which the socket
/// address syntax refused. `localhost` is 127.0.0.1, the loopback address
/// every system has, without asking a resolver.
fn listen_addr(input: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = input.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let port = input
        .strip_prefix("localhost:")
        .or_else(|| input.strip_prefix(':'))
        .unwrap_or(input);
    match port.parse::<u16>() {
        Ok(port) => Ok(SocketAddr::from(([127, 0, 0, 1], port))),
        Err(_) => Err(format!(
            "{input:?} is no address to listen on: write IP:PORT (127.0.0.1:8080, \
             0.0.0.0:8080), localhost:PORT or a port alone"
        )),
    }
}

/// Serves until the process is stopped.
pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let news = NewsIndex::open(&args.index)?.following_commits();
    crate::indexer::note_older_analysis(&news)?;
    // Open the shared reader now, so a broken index fails here and not on
    // the first request.
    news.reader()?;
    let listener =
        TcpListener::bind(args.addr).with_context(|| format!("cannot listen on {}", args.addr))?;
    let bound = listener.local_addr()?;
    if !bound.ip().is_loopback() {
        eprintln!(
            "newsdex: warning: listening on {bound}, reachable from other machines; \
             the API has no authentication"
        );
    }
    // Tests and scripts read this line to find the port.
    eprintln!("newsdex: serving on http://{bound}");

    // On loopback, only requests naming this machine are answered (see
    // [`misdirected`]); elsewhere the user chose to be reached by any name.
    let loopback = bound.ip().is_loopback();
    let (sender, receiver) = crossbeam_channel::bounded::<Job>(QUEUE);
    let news = Arc::new(news);
    let sending = Arc::new(Sending::default());
    for n in 0..args.threads.max(1) {
        let receiver = receiver.clone();
        let news = Arc::clone(&news);
        let sending = Arc::clone(&sending);
        thread::Builder::new()
            .name(format!("newsdex-serve-{n}"))
            .spawn(move || {
                for job in receiver {
                    // Slow clients taking big answers hold memory, not
                    // workers; past the budget, the slowest is closed.
                    sending.wait_for_room();
                    let response = answer(&news, &job.request);
                    let held = sending.hold(&response);
                    // The connection is gone when nobody waits.
                    let _ = job.reply.send((response, held));
                }
            })
            .context("cannot start a worker thread")?;
    }
    let threads = Arc::new(AtomicUsize::new(0));
    let reading = Arc::new(Reading::default());
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else {
            // A connection reset before accept: nothing to answer.
            continue;
        };
        if threads.fetch_add(1, Ordering::SeqCst) >= MAX_READER_THREADS {
            threads.fetch_sub(1, Ordering::SeqCst);
            refuse_busy(&mut stream);
            continue;
        }
        let slot = ThreadSlot(Arc::clone(&threads));
        let stream = Arc::new(stream);
        let heard = Arc::new(AtomicBool::new(false));
        let id = reading.admit(&stream, &heard);
        let list = Arc::clone(&reading);
        let sender = sender.clone();
        let spawned = thread::Builder::new()
            .name("newsdex-read".to_string())
            .stack_size(READER_STACK)
            .spawn(move || {
                let _slot = slot;
                let read = read_head(&stream, &heard, loopback);
                // Closed to make room: what was read, if anything, is lost.
                if !list.release(id) {
                    return;
                }
                // The list held the only other handle, and has let it go.
                let Ok(mut stream) = Arc::try_unwrap(stream) else {
                    return;
                };
                match read {
                    Ok(request) => {
                        let method = request.method;
                        let (reply, answer) = crossbeam_channel::bounded(1);
                        if sender.try_send(Job { request, reply }).is_err() {
                            refuse_busy(&mut stream);
                        } else if let Ok((response, held)) = answer.recv() {
                            // Written here, not on the worker, so a client
                            // slow to take its answer holds no worker.
                            held.writing_to(&stream);
                            let _ = send(&stream, &response, method);
                        }
                    }
                    Err(Some(refusal)) => refuse(&mut stream, &refusal),
                    Err(None) => {}
                }
            });
        if spawned.is_err() {
            // Out of threads: the connection closes with the closure, and
            // with its place in the list.
            reading.release(id);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Counts a reader thread; frees its place when dropped.
struct ThreadSlot(Arc<AtomicUsize>);

impl Drop for ThreadSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The connections whose request head is being read, at most
/// [`MAX_READING`]: a new one beyond it closes the one that has waited
/// longest without a whole head, a silent one first. A client sends its
/// head in one packet as it connects, so the oldest incomplete heads are
/// idle browsers' spare connections, or clients holding places on purpose.
#[derive(Default)]
struct Reading(Mutex<ReadingList>);

#[derive(Default)]
struct ReadingList {
    next_id: u64,
    open: Vec<Pending>,
}

struct Pending {
    id: u64,
    stream: Arc<TcpStream>,
    since: Instant,
    /// Whether any byte of the head has arrived.
    heard: Arc<AtomicBool>,
}

impl Reading {
    /// Adds a connection, first closing one to make room when full, and
    /// returns its id.
    fn admit(&self, stream: &Arc<TcpStream>, heard: &Arc<AtomicBool>) -> u64 {
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if list.open.len() >= MAX_READING {
            let victim = list
                .open
                .iter()
                .enumerate()
                .min_by_key(|(_, p)| (p.heard.load(Ordering::SeqCst), p.since))
                .map(|(i, _)| i);
            if let Some(victim) = victim {
                let pending = list.open.swap_remove(victim);
                // Wakes its reader, whose read then ends.
                let _ = pending.stream.shutdown(std::net::Shutdown::Both);
            }
        }
        let id = list.next_id;
        list.next_id += 1;
        list.open.push(Pending {
            id,
            stream: Arc::clone(stream),
            since: Instant::now(),
            heard: Arc::clone(heard),
        });
        id
    }

    /// Removes a connection whose head has been read (or not); false when
    /// it was closed to make room.
    fn release(&self, id: u64) -> bool {
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match list.open.iter().position(|p| p.id == id) {
            Some(i) => {
                list.open.swap_remove(i);
                true
            }
            None => false,
        }
    }
}

/// A request read, for a worker to answer on `reply`.
struct Job {
    request: Request,
    reply: crossbeam_channel::Sender<(Response, Held)>,
}

/// Bytes of answers made by workers and not yet written to their clients.
/// Past [`MAX_SENDING_BYTES`], a worker closes the connection that has
/// been taking its answer longest, and waits for the bytes to go, before
/// making another answer: slow readers hold bounded memory, and cannot
/// hold the workers either.
#[derive(Default)]
struct Sending {
    state: Mutex<SendingState>,
    freed: std::sync::Condvar,
}

#[derive(Default)]
struct SendingState {
    bytes: usize,
    next_id: u64,
    /// Connections being written to, oldest first.
    writing: Vec<(u64, TcpStream)>,
}

/// An answer's bytes in [`Sending`], given back when dropped.
struct Held {
    sending: Arc<Sending>,
    bytes: usize,
    id: u64,
}

impl Sending {
    fn wait_for_room(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while state.bytes > MAX_SENDING_BYTES {
            if !state.writing.is_empty() {
                let (_, oldest) = state.writing.remove(0);
                // Its write fails at once, and its answer is dropped.
                let _ = oldest.shutdown(std::net::Shutdown::Both);
            }
            state = self
                .freed
                .wait_timeout(state, Duration::from_millis(100))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    fn hold(self: &Arc<Self>, response: &Response) -> Held {
        let bytes = response.body.len();
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.bytes += bytes;
        state.next_id += 1;
        Held {
            sending: Arc::clone(self),
            bytes,
            id: state.next_id,
        }
    }
}

impl Held {
    /// Marks the answer as being written to `stream`, which a worker may
    /// close to make room.
    fn writing_to(&self, stream: &TcpStream) {
        if let Ok(stream) = stream.try_clone() {
            let mut state = self.sending.state.lock().unwrap_or_else(|e| e.into_inner());
            state.writing.push((self.id, stream));
        }
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut state = self.sending.state.lock().unwrap_or_else(|e| e.into_inner());
        state.bytes -= self.bytes;
        state.writing.retain(|(id, _)| *id != self.id);
        self.sending.freed.notify_all();
    }
}

/// Writes an answer within [`http::IO_TIMEOUT`] and the time its body
/// takes at [`MIN_SEND_RATE`], in all: a client taking it a byte at a
/// time cannot hold the connection's thread and the answer's memory.
fn send(stream: &TcpStream, response: &Response, method: Method) -> std::io::Result<()> {
    let body = if method == Method::Get {
        response.body.len() as u64
    } else {
        0
    };
    let allowed = http::IO_TIMEOUT + Duration::from_secs(body / MIN_SEND_RATE);
    let mut timed = WriteDeadline {
        stream,
        until: Instant::now() + allowed,
    };
    http::write_response(&mut timed, response, method)
}

/// A socket written under one deadline for all its writes.
struct WriteDeadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl std::io::Write for WriteDeadline<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_write_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The 503 of a server with no room for another request.
fn refuse_busy(stream: &mut TcpStream) {
    let busy = Response::error(503, "busy: try again in a moment").with_header("Retry-After", "1");
    let _ = send(stream, &busy, Method::Get);
}

/// Reads one request head within [`HEAD_TIMEOUT`] (its first byte within
/// [`IDLE_TIMEOUT`]), on the connection's own reader thread, so that a
/// client that connects and sends nothing holds no worker. `Err` holds
/// the refusal to answer, or `None` when the client went away.
fn read_head(
    stream: &TcpStream,
    heard: &AtomicBool,
    loopback: bool,
) -> Result<Request, Option<Response>> {
    let started = Instant::now();
    let mut timed = Deadline {
        stream,
        heard,
        idle_until: started + IDLE_TIMEOUT,
        until: started + HEAD_TIMEOUT,
    };
    match http::read_request(&mut timed) {
        Ok(request) => match loopback.then(|| misdirected(&request)).flatten() {
            None => Ok(request),
            Some(refusal) => Err(Some(refusal)),
        },
        Err(ReadError::Reply(response)) => Err(Some(response)),
        Err(ReadError::Io(_)) => Err(None),
    }
}

/// Answers a refused request. The client may still be sending what was
/// refused; answer, then read off a bounded amount of it so that closing
/// does not reset the connection before the answer is read.
fn refuse(stream: &mut TcpStream, refusal: &Response) {
    if send(stream, refusal, Method::Get).is_ok() {
        let _ = stream.shutdown(std::net::Shutdown::Write);
        linger(stream);
    }
}

/// A socket read under one deadline for all its reads, however slowly
/// the client sends, and a shorter one for the first byte.
struct Deadline<'a> {
    stream: &'a TcpStream,
    heard: &'a AtomicBool,
    idle_until: Instant,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let heard = self.heard.load(Ordering::SeqCst);
        let until = if heard { self.until } else { self.idle_until };
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        let n = stream.read(buf)?;
        if n > 0 && !heard {
            self.heard.store(true, Ordering::SeqCst);
        }
        Ok(n)
    }
}

/// The answer to one read request, made on a worker.
fn answer(news: &NewsIndex, request: &Request) -> Response {
    // A bug must cost one request a 500, not the worker thread.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| route(news, request)))
        .unwrap_or_else(|_| Response::error(500, "internal error"))
}

/// The refusal of a request to a server on loopback whose `Host` is not a
/// loopback name or address. A web page on another site can have its
/// name resolve to 127.0.0.1 (DNS rebinding) and then read the answers as
/// its own; its requests still carry its name, so they stop here. A
/// request without a Host (HTTP/1.0) comes from no browser and passes.
fn misdirected(request: &Request) -> Option<Response> {
    let host = request.host.as_deref()?;
    if http::is_loopback_host(host) {
        return None;
    }
    Some(Response::error(
        421,
        format!(
            "this server answers only to localhost, 127.0.0.1 or [::1], not {host:?}: \
             open it as http://localhost:PORT/ (to be reached by other names, listen on a \
             non-loopback --addr)"
        ),
    ))
}

/// Reads and drops what a client still sends, for at most [`LINGER`] and
/// [`LINGER_BYTES`] in all, however slowly it sends.
fn linger(stream: &mut TcpStream) {
    let deadline = std::time::Instant::now() + LINGER;
    let mut buf = [0u8; 8192];
    let mut total = 0u64;
    while total < LINGER_BYTES {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => total += n as u64,
        }
    }
}

/// The answer to one request.
pub fn route(news: &NewsIndex, request: &Request) -> Response {
    let page = |content_type: &'static str, body: &'static str| {
        Response::new(200, content_type, body).with_header("Content-Security-Policy", PAGE_CSP)
    };
    let handler: fn(&NewsIndex, &api::Params) -> Result<serde_json::Value, api::ApiError> =
        match request.path.as_str() {
            // The article view is the same page; app.js reads the path.
            "/" | "/article" => return page("text/html; charset=utf-8", INDEX_HTML),
            "/app.js" => return page("text/javascript; charset=utf-8", APP_JS),
            "/style.css" => return page("text/css; charset=utf-8", STYLE_CSS),
            // Browsers ask for it unprompted; there is none.
            "/favicon.ico" => return Response::new(204, "image/x-icon", Vec::new()),
            "/api/search" => api::search,
            "/api/entities" => api::entities,
            "/api/sections" => api::sections,
            "/api/timeline" => api::timeline,
            "/api/article" => api::article,
            other => {
                return Response::error(
                    404,
                    format!(
                        "no such page {other:?}: the API is /api/search, /api/entities, \
                         /api/sections, /api/timeline and /api/article"
                    ),
                );
            }
        };
    let result = api::Params::parse(&request.query).and_then(|params| handler(news, &params));
    match result {
        Ok(value) => Response::json(200, &value),
        Err(err) => Response::error(err.status, err.message),
    }
}

/// The index handle is shared by every worker; this fails to compile if
/// it ever stops being shareable.
const _: fn() = || {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<NewsIndex>();
};

#[cfg(test)]
mod tests {
    use super::listen_addr;

    #[test]
    fn listen_addresses_take_the_forms_people_type() {
        let cases = [
            ("127.0.0.1:9000", "127.0.0.1:9000"),
            ("0.0.0.0:80", "0.0.0.0:80"),
            ("[::1]:8080", "[::1]:8080"),
            ("localhost:8081", "127.0.0.1:8081"),
            (":8082", "127.0.0.1:8082"),
            ("8083", "127.0.0.1:8083"),
        ];
        for (input, want) in cases {
            assert_eq!(listen_addr(input).unwrap().to_string(), want, "{input}");
        }
        for bad in ["localhost", "example.com:80", "127.0.0.1:99999", ""] {
            let message = listen_addr(bad).unwrap_err();
            assert!(message.contains("IP:PORT"), "{bad}: {message}");
        }
    }
}
