//! A minimal HTTP/1.1 client for the load test: GET only, kept-alive
//! connections or not, bodies by length or in chunks (`tiny_http` sends a
//! large one so). Every socket has a timeout.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// One HTTP/1.1 response: status code and body.
fn read_response(reader: &mut BufReader<TcpStream>) -> Result<(u16, String), String> {
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|e| e.to_string())?;
    let code = line
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("no status line: {line:?}"))?;
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(|e| e.to_string())?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse::<usize>().ok();
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            // tiny_http sends a large body in chunks.
            chunked = value.trim().eq_ignore_ascii_case("chunked");
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).map_err(|e| e.to_string())?;
            let size = usize::from_str_radix(size.trim(), 16)
                .map_err(|e| format!("chunk size {size:?}: {e}"))?;
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).map_err(|e| e.to_string())?;
            body.extend_from_slice(&chunk[..size]);
            if size == 0 {
                break;
            }
        }
    } else if let Some(n) = length {
        body.resize(n, 0);
        reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    } else {
        reader.read_to_end(&mut body).map_err(|e| e.to_string())?;
    }
    Ok((code, String::from_utf8_lossy(&body).into_owned()))
}

/// A connection to the server, kept alive or not.
pub(super) struct Client {
    port: u16,
    keep_alive: bool,
    open: Option<BufReader<TcpStream>>,
}

impl Client {
    pub(super) fn new(port: u16, keep_alive: bool) -> Self {
        Client {
            port,
            keep_alive,
            open: None,
        }
    }

    pub(super) fn get(&mut self, path: &str) -> Result<(u16, String), String> {
        let mut reader = if let Some(r) = self.open.take() {
            r
        } else {
            let s = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
            // Longer than a long poll's 20 s, shorter than the deadline.
            s.set_read_timeout(Some(Duration::from_secs(30)))
                .map_err(|e| e.to_string())?;
            s.set_write_timeout(Some(Duration::from_secs(10)))
                .map_err(|e| e.to_string())?;
            BufReader::new(s)
        };
        let connection = if self.keep_alive {
            "keep-alive"
        } else {
            "close"
        };
        write!(
            reader.get_mut(),
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: {connection}\r\n\r\n"
        )
        .map_err(|e| e.to_string())?;
        let answer = read_response(&mut reader)?;
        if self.keep_alive {
            self.open = Some(reader);
        }
        Ok(answer)
    }
}

/// The build number a served page's reload script starts from.
pub(super) fn page_version(body: &str) -> Option<u64> {
    let at = body.find("var v=")? + "var v=".len();
    body[at..].split(';').next()?.parse().ok()
}
