//! Just enough HTTP/1.1 for a local, read-only API: GET (and HEAD) requests
//! without bodies, one request per connection, answers with
//! `Connection: close`.
//!
//! It is written on std rather than taken from a crate so that every limit
//! is ours and hard: the request head is read into a fixed 8 KiB buffer
//! under a read timeout, so a client can neither grow memory with an
//! endless request line nor hold a worker with a slow one. (tiny_http 0.12
//! reads request lines without a bound and starts a thread per connection.)

use std::io::{self, Read, Write};
use std::time::Duration;

/// Largest request head (request line and headers) read.
pub const MAX_HEAD_BYTES: usize = 8 * 1024;
/// Longest request target (path and query) accepted.
pub const MAX_TARGET_BYTES: usize = 4 * 1024;
/// How long a client may take to send its request, and to take the answer.
pub const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// A parsed request head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    /// The path, still percent-encoded, without the query.
    pub path: String,
    /// The query string after `?`, still percent-encoded.
    pub query: String,
    /// The `Host` header as sent; only an HTTP/1.0 request may lack it.
    pub host: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
}

/// An answer.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Extra headers, such as the page's Content-Security-Policy.
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// A JSON answer.
    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        let mut body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
        body.push(b'\n');
        Response::new(status, "application/json; charset=utf-8", body)
    }

    /// `{"error": message}` with a status.
    pub fn error(status: u16, message: impl Into<String>) -> Response {
        Response::json(status, &serde_json::json!({ "error": message.into() }))
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

/// Reads one request head from `stream`. `Err` is the answer to send
/// instead (or an I/O error when the client went away).
pub fn read_request(stream: &mut impl Read) -> Result<Request, ReadError> {
    let mut buf = [0u8; MAX_HEAD_BYTES];
    let mut len = 0;
    // The socket's timeout bounds each read; this bounds them all, so a
    // client dripping a byte at a time cannot hold a worker for long.
    let started = std::time::Instant::now();
    let head_end = loop {
        if let Some(end) = find_head_end(&buf[..len]) {
            break end;
        }
        if len == buf.len() {
            // Which limit was hit: the request line itself, or the headers.
            let line_done = buf.windows(2).any(|w| w == b"\r\n");
            return Err(ReadError::Reply(if line_done {
                Response::error(431, "request headers too large")
            } else {
                Response::error(
                    414,
                    format!("request line too long (limit {MAX_TARGET_BYTES} bytes)"),
                )
            }));
        }
        let n = stream.read(&mut buf[len..]).map_err(ReadError::Io)?;
        if n == 0 {
            return Err(ReadError::Io(io::ErrorKind::UnexpectedEof.into()));
        }
        len += n;
        if started.elapsed() > IO_TIMEOUT {
            return Err(ReadError::Io(io::ErrorKind::TimedOut.into()));
        }
    };
    parse_head(&buf[..head_end])
}

/// Why a request could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The client sent something to refuse: answer with this.
    Reply(Response),
    /// The connection failed or timed out: nothing to answer.
    Io(io::Error),
}

/// The end of the head (after the blank line), if it has arrived.
fn find_head_end(buf: &[u8]) -> Option<usize> {
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4);
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn parse_head(head: &[u8]) -> Result<Request, ReadError> {
    let bad = |message: &str| ReadError::Reply(Response::error(400, message));
    let head = std::str::from_utf8(head).map_err(|_| bad("request head is not UTF-8"))?;
    let mut lines = head.split('\n').map(|l| l.trim_end_matches('\r'));
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("malformed request line"));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(bad("only HTTP/1.x is spoken here"));
    }
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        _ => {
            return Err(ReadError::Reply(
                Response::error(
                    405,
                    format!("{method} is not allowed: this API is read-only"),
                )
                .with_header("Allow", "GET, HEAD"),
            ));
        }
    };
    if target.len() > MAX_TARGET_BYTES {
        return Err(ReadError::Reply(Response::error(
            414,
            format!("URL too long (limit {MAX_TARGET_BYTES} bytes)"),
        )));
    }
    // The absolute form (`http://host/path`), which clients send through a
    // proxy: a server must take it (RFC 9112, 3.2.2), and its authority
    // stands for the Host header.
    let (authority, target) = match split_absolute(target) {
        Some((authority, path)) => (Some(authority), path),
        None => (None, target),
    };
    if !target.starts_with('/') {
        return Err(bad("the request target must be a path"));
    }
    let mut host = None;
    for line in lines.filter(|l| !l.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            return Err(bad("malformed header"));
        };
        // Space before the colon is refused (RFC 9112, 5.1): a proxy in
        // front might read the header differently.
        if name.is_empty() || name.ends_with([' ', '\t']) || name.starts_with([' ', '\t']) {
            return Err(bad("malformed header"));
        }
        let value = value.trim();
        // Requests carry no body here; refuse one rather than leave it
        // unread on the connection.
        let has_body = (name.eq_ignore_ascii_case("content-length") && value != "0")
            || name.eq_ignore_ascii_case("transfer-encoding");
        if has_body {
            return Err(ReadError::Reply(Response::error(
                413,
                "request bodies are not accepted",
            )));
        }
        if name.eq_ignore_ascii_case("host") {
            if host.is_some() {
                return Err(bad("more than one Host header"));
            }
            host = Some(value.to_string());
        }
    }
    // HTTP/1.1 requires a Host (RFC 9112, 3.2); browsers always send one.
    if host.is_none() && version != "HTTP/1.0" {
        return Err(bad("a Host header is required"));
    }
    if let Some(authority) = authority {
        host = Some(authority.to_string());
    }
    // A fragment is the client's own and should not be sent; if it is,
    // it is no part of the query.
    let target = target.split_once('#').map_or(target, |(before, _)| before);
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    Ok(Request {
        method,
        path: path.to_string(),
        query: query.to_string(),
        host,
    })
}

/// The authority and the path of an absolute-form target
/// (`http://host:port/path?query`); the path is `/` when absent.
fn split_absolute(target: &str) -> Option<(&str, &str)> {
    let scheme_end = target.find("://")?;
    let scheme = &target[..scheme_end];
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = &target[scheme_end + 3..];
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    // Credentials in the URL are refused as a malformed target.
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    Some((authority, if path.is_empty() { "/" } else { path }))
}

/// Writes a response and flushes it; HEAD gets the headers only.
pub fn write_response(
    stream: &mut impl Write,
    response: &Response,
    method: Method,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    for (name, value) in &response.headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method == Method::Get {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

/// Whether a `Host` header names this machine by a loopback name or
/// address: `localhost`, `127.x.x.x` or `[::1]`, with or without a port.
/// A page on another site that a rebinding DNS answer points at 127.0.0.1
/// still sends its own name, so a server on loopback answers only these.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim();
    let (name_ok, port) = if let Some(rest) = host.strip_prefix('[') {
        let Some((inside, after)) = rest.split_once(']') else {
            return false;
        };
        let port = match after {
            "" => None,
            after => match after.strip_prefix(':') {
                Some(port) => Some(port),
                None => return false,
            },
        };
        let ip = inside.parse::<std::net::Ipv6Addr>();
        (ip.is_ok_and(|ip| ip.is_loopback()), port)
    } else {
        let (name, port) = match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        };
        let name = name.strip_suffix('.').unwrap_or(name);
        let ip = name.parse::<std::net::Ipv4Addr>();
        let ok = name.eq_ignore_ascii_case("localhost") || ip.is_ok_and(|ip| ip.is_loopback());
        (ok, port)
    };
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    name_ok && port_ok
}

/// Decodes a percent-encoded query component (`+` is a space, as forms
/// send it). `None` for a broken escape or bytes that are not UTF-8.
pub fn percent_decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                // Two hex digits: `from_str_radix` also takes a sign, and
                // read `%+1` as byte 1, a control character in the query.
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &[u8]) -> Result<Request, u16> {
        read_request(&mut &raw[..]).map_err(|e| match e {
            ReadError::Reply(r) => r.status,
            ReadError::Io(_) => 0,
        })
    }

    #[test]
    fn parses_a_get() {
        let req = read(b"GET /api/search?q=a+b HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(req.method, Method::Get);
        assert_eq!(req.path, "/api/search");
        assert_eq!(req.query, "q=a+b");
    }

    #[test]
    fn refuses_what_it_does_not_serve() {
        assert_eq!(read(b"POST / HTTP/1.1\r\n\r\n"), Err(405));
        assert_eq!(
            read(b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"),
            Err(413)
        );
        assert_eq!(
            read(b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Err(413)
        );
        assert_eq!(read(b"GARBAGE\r\n\r\n"), Err(400));
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_TARGET_BYTES));
        assert_eq!(read(long.as_bytes()), Err(414));
        let endless = format!("GET /{}", "a".repeat(MAX_HEAD_BYTES * 2));
        assert_eq!(read(endless.as_bytes()), Err(414));
        let headers = format!(
            "GET / HTTP/1.1\r\nX: {}\r\n\r\n",
            "a".repeat(MAX_HEAD_BYTES)
        );
        assert_eq!(read(headers.as_bytes()), Err(431));
        assert_eq!(read(b"GET / HTTP/1.1\r\n"), Err(0));
    }

    #[test]
    fn knows_loopback_hosts() {
        for host in [
            "localhost",
            "LocalHost:8080",
            "localhost.",
            "127.0.0.1",
            "127.0.0.1:8080",
            "127.1.2.3:1",
            "[::1]",
            "[::1]:8080",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "",
            "attacker.example",
            "attacker.example:8080",
            "localhost.attacker.example",
            "127.0.0.1.attacker.example",
            "10.0.0.1:8080",
            "0.0.0.0:8080",
            "[::2]:8080",
            "[::1",
            "[::1]x",
            "::1",
            "localhost:",
            "localhost:80:80",
            "127.0.0.1:http",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn wants_a_host_from_http_1_1_and_one_only() {
        assert_eq!(read(b"GET / HTTP/1.1\r\n\r\n"), Err(400));
        assert_eq!(
            read(b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
            Err(400)
        );
        assert_eq!(read(b"GET / HTTP/1.0\r\n\r\n").unwrap().host, None);
    }

    #[test]
    fn takes_absolute_targets_and_drops_fragments() {
        let req =
            read(b"GET http://localhost:8080/api/search?q=a HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(req.path, "/api/search");
        assert_eq!(req.query, "q=a");
        assert_eq!(req.host.as_deref(), Some("localhost:8080"));
        let req = read(b"GET HTTP://127.0.0.1 HTTP/1.0\r\n\r\n").unwrap();
        assert_eq!(
            (req.path.as_str(), req.host.as_deref()),
            ("/", Some("127.0.0.1"))
        );
        let req = read(b"GET /api/search?q=a#b?c HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(
            (req.path.as_str(), req.query.as_str()),
            ("/api/search", "q=a")
        );
        for bad in [
            &b"GET ftp://localhost/ HTTP/1.1\r\nHost: x\r\n\r\n"[..],
            b"GET http:///x HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET http://user@localhost/ HTTP/1.1\r\nHost: x\r\n\r\n",
        ] {
            assert_eq!(read(bad), Err(400), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn refuses_space_before_a_header_colon() {
        assert_eq!(
            read(b"GET / HTTP/1.1\r\nHost : localhost\r\n\r\n"),
            Err(400)
        );
        assert_eq!(
            read(b"GET / HTTP/1.1\r\nHost:localhost\r\n\r\n")
                .unwrap()
                .host
                .as_deref(),
            Some("localhost")
        );
        assert_eq!(read(b"GET / HTTP/1.1\r\n: x\r\nHost: a\r\n\r\n"), Err(400));
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("a+b%20c%C3%A9").as_deref(), Some("a b cé"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%+1crash"), None);
        assert_eq!(percent_decode("%-1"), None);
        assert_eq!(percent_decode("%FF"), None);
    }
}
