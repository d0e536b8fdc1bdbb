//! Which `Host` the preview answers to: its defence against DNS rebinding.
//!
//! Takes the names the server was started with (`--bind NAME`,
//! `--allow-host NAME`) and, for each request, its `Host` header, its request
//! target and the local address its connection arrived at; gives whether to
//! answer it, and the refusal to send when not.
//!
//! A page on `evil.example` whose name an attacker re-points at 127.0.0.1 is,
//! to the browser, the same origin as the preview, so it could read every
//! page and the error overlay (which quotes front matter). What gives it away
//! is the `Host` header the browser sends: `evil.example`. So a request is
//! answered only when it names the address its connection reached, a
//! loopback name or address when it came over loopback, or a name the server
//! was told to answer to. An IP literal is safe to accept: a browser sends
//! one only for a page whose origin is that address, which rebinding cannot
//! forge.
//!
//! The port in `Host` is checked for syntax only. Rebinding needs a foreign
//! *name*; the port cannot tell a rebinding page (which must use our port to
//! reach us) from a legitimate one, and a reverse proxy forwards its own port
//! (or none), which a port check would refuse.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use axum::http::{HeaderMap, Uri, header};

/// What the refused get, in full: it names neither the host they asked for
/// nor anything of the site.
pub const REFUSAL: &str = "Misdirected request: this preview answers only to the addresses it serves. Open the URL `briefing serve` printed, or start it with --allow-host NAME to reach it under another name.\n";

/// A host as `--bind`, `--allow-host` or a `Host` header names it: an IP
/// address or a host name, without a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostName {
    /// An IPv4 or IPv6 address (IPv4-mapped IPv6 taken as IPv4).
    Ip(IpAddr),
    /// A host name, in ASCII lowercase, without a trailing dot.
    Name(String),
}

/// Why a value is not a [`HostName`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostNameError {
    /// It carries a port.
    #[error("`{0}` has a port; give the host alone (the port is --port)")]
    HasPort(String),
    /// Neither an address nor a name.
    #[error(
        "`{0}` is not an IP address or a host name (letters, digits, `-`, `_` and dots; no `*`)"
    )]
    Invalid(String),
}

impl FromStr for HostName {
    type Err = HostNameError;

    /// `127.0.0.1`, `::1`, `[::1]`, `localhost`, `Preview.Example.`.
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        if let Ok(ip) = value.parse::<IpAddr>() {
            return Ok(HostName::Ip(ip.to_canonical()));
        }
        if let Some(inner) = value.strip_prefix('[') {
            return match inner.split_once(']') {
                Some((ip, "")) => ip
                    .parse::<Ipv6Addr>()
                    .map(|ip| HostName::Ip(IpAddr::V6(ip).to_canonical()))
                    .map_err(|_| HostNameError::Invalid(value.to_owned())),
                Some((_, rest)) if rest.starts_with(':') => {
                    Err(HostNameError::HasPort(value.to_owned()))
                }
                _ => Err(HostNameError::Invalid(value.to_owned())),
            };
        }
        if value.contains(':') {
            return Err(HostNameError::HasPort(value.to_owned()));
        }
        host_name(value).ok_or_else(|| HostNameError::Invalid(value.to_owned()))
    }
}

impl std::fmt::Display for HostName {
    /// As a URL writes it: IPv6 in brackets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HostName::Ip(IpAddr::V6(ip)) => write!(f, "[{ip}]"),
            HostName::Ip(ip) => write!(f, "{ip}"),
            HostName::Name(name) => f.write_str(name),
        }
    }
}

/// An unbracketed host: a dotted-quad IPv4 address or a name. Compared
/// case-insensitively and without the trailing dot of a fully qualified name
/// (`LocalHost.` is `localhost`). Anything outside a DNS name's letters is
/// refused, so no percent-encoding, `@` or space can smuggle in another name.
fn host_name(value: &str) -> Option<HostName> {
    let value = value.strip_suffix('.').unwrap_or(value);
    if let Ok(ip) = value.parse::<Ipv4Addr>() {
        return Some(HostName::Ip(IpAddr::V4(ip)));
    }
    let valid = !value.is_empty()
        && value
            .split('.')
            .all(|label| !label.is_empty() && label.bytes().all(is_name_byte));
    valid.then(|| HostName::Name(value.to_ascii_lowercase()))
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// The host of an authority as a `Host` header or an absolute request target
/// carries it (`host`, `host:port`, `[v6]:port`), or `None` if it is not
/// one. The port must be a port number, but which one is not checked (see
/// the module's note).
fn authority_host(authority: &str) -> Option<HostName> {
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']')?;
        let (host, rest) = authority.split_at(end + 1);
        match rest {
            "" => (host, None),
            _ => (host, Some(rest.strip_prefix(':')?)),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    // Digits only: `u16`'s parser would also take `+80`.
    if let Some(port) = port
        && !(port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok())
    {
        return None;
    }
    if host.starts_with('[') {
        // Only a bracketed IPv6 address, as URLs write it; no zone id.
        return host.parse().ok();
    }
    host_name(host)
}

/// The hosts the preview answers to.
#[derive(Debug, Clone, Default)]
pub struct AcceptedHosts {
    /// `--bind NAME` and every `--allow-host`.
    named: Vec<HostName>,
}

impl AcceptedHosts {
    /// Answers to `named` besides the address each connection reached.
    pub fn new(named: impl IntoIterator<Item = HostName>) -> Self {
        AcceptedHosts {
            named: named.into_iter().collect(),
        }
    }

    /// Whether `host` names this preview for a connection that reached the
    /// local address `local`.
    pub fn accepts(&self, host: &HostName, local: IpAddr) -> bool {
        let local = local.to_canonical();
        if self.named.contains(host) {
            return true;
        }
        match host {
            HostName::Ip(ip) => *ip == local || (ip.is_loopback() && local.is_loopback()),
            HostName::Name(name) => name == "localhost" && local.is_loopback(),
        }
    }

    /// Whether to answer a request with these headers and target that
    /// arrived at `local`: exactly one `Host`, accepted, and, for an
    /// absolute target (`GET http://host/ HTTP/1.1`), an accepted host there
    /// too. HTTP says a server takes the target's host over the header's;
    /// asking both to pass means neither can be used to slip past the other.
    pub fn answers(&self, headers: &HeaderMap, uri: &Uri, local: IpAddr) -> bool {
        let mut hosts = headers.get_all(header::HOST).iter();
        let (Some(value), None) = (hosts.next(), hosts.next()) else {
            return false;
        };
        let accepted = |authority: &str| {
            authority_host(authority).is_some_and(|host| self.accepts(&host, local))
        };
        value.to_str().is_ok_and(accepted) && uri.authority().is_none_or(|a| accepted(a.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    fn answers(hosts: &AcceptedHosts, host: &[&[u8]], target: &str, local: IpAddr) -> bool {
        let mut headers = HeaderMap::new();
        for h in host {
            headers.append(
                header::HOST,
                HeaderValue::from_bytes(h).expect("a header value"),
            );
        }
        hosts.answers(&headers, &target.parse().expect("a URI"), local)
    }

    #[test]
    fn loopback_connections_answer_to_loopback_names_only() {
        let hosts = AcceptedHosts::default();
        let yes: &[&[u8]] = &[
            b"localhost",
            b"localhost:1111",
            b"LocalHost.:1111",
            b"127.0.0.1",
            b"127.0.0.1:65535",
            b"127.0.0.1.",
            b"127.3.2.1:80",
            b"[::1]:1111",
            b"[0:0:0:0:0:0:0:1]",
            b"[::ffff:127.0.0.1]:1111",
        ];
        for host in yes {
            let shown = String::from_utf8_lossy(host);
            assert!(answers(&hosts, &[host], "/", LOOPBACK), "{shown}");
        }
        let no: &[&[u8]] = &[
            b"evil.example",
            b"evil.example:1111",
            b"EVIL.example.",
            b"localhost.evil.example",
            b"127.0.0.1.evil.example",
            b"evil.example@127.0.0.1",
            b"127.0.0.1@evil.example",
            b"127.0.0.1 evil.example",
            b"127.0.0.1:1111:80",
            b"127.0.0.1:",
            b"127.0.0.1:port",
            b"127.0.0.1:123456",
            b"127.0.0.1:65536",
            b"127.0.0.1:+80",
            b"localhost..",
            b"%6cocalhost",
            b"127.1",
            b"0.0.0.0",
            b"[::]:1111",
            b"::1",
            b"[::1",
            b"[::1]x",
            b"[fe80::1%25lo]",
            b"",
            b".",
            b"*",
            b"localh\xc3\xb6st",
        ];
        for host in no {
            let shown = String::from_utf8_lossy(host);
            assert!(!answers(&hosts, &[host], "/", LOOPBACK), "{shown}");
        }
        // No Host, or two of them.
        assert!(!answers(&hosts, &[], "/", LOOPBACK));
        assert!(!answers(
            &hosts,
            &[b"localhost", b"localhost"],
            "/",
            LOOPBACK
        ));
        assert!(!answers(
            &hosts,
            &[b"localhost", b"evil.example"],
            "/",
            LOOPBACK
        ));
    }

    #[test]
    fn an_absolute_target_must_name_an_accepted_host_too() {
        let hosts = AcceptedHosts::default();
        let cases = [
            ("http://localhost:1111/", b"localhost:1111" as &[u8], true),
            ("http://evil.example/", b"localhost:1111", false),
            ("http://127.0.0.1:1111/x", b"evil.example", false),
            ("http://evil.example@127.0.0.1/", b"127.0.0.1", false),
        ];
        for (target, host, expected) in cases {
            assert_eq!(
                answers(&hosts, &[host], target, LOOPBACK),
                expected,
                "{target}"
            );
        }
    }

    #[test]
    fn other_connections_answer_to_the_address_they_reached_and_named_hosts() {
        let lan: IpAddr = "192.0.2.7".parse().expect("an address");
        let hosts = AcceptedHosts::new([
            "preview.example".parse().expect("a name"),
            "198.51.100.1".parse().expect("an address"),
        ]);
        for (host, expected) in [
            ("192.0.2.7:1111", true),
            ("preview.example", true),
            ("Preview.Example.:8443", true),
            ("198.51.100.1", true),
            ("192.0.2.8", false),
            ("localhost", false),
            ("127.0.0.1", false),
            ("sub.preview.example", false),
        ] {
            assert_eq!(
                answers(&hosts, &[host.as_bytes()], "/", lan),
                expected,
                "{host}"
            );
        }
        // A dual-stack socket sees IPv4 clients at IPv4-mapped addresses.
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().expect("an address");
        assert!(answers(&hosts, &[b"192.0.2.7"], "/", mapped));
    }

    #[test]
    fn host_names_parse_as_the_cli_gives_them() {
        let ok = [
            ("127.0.0.1", "127.0.0.1"),
            ("::1", "[::1]"),
            ("[::1]", "[::1]"),
            ("::ffff:10.0.0.1", "10.0.0.1"),
            ("LocalHost", "localhost"),
            ("preview.example.", "preview.example"),
            ("my_box-2.lan", "my_box-2.lan"),
        ];
        for (input, shown) in ok {
            let host: HostName = input.parse().unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(host.to_string(), shown, "{input}");
        }
        for (input, error) in [
            (
                "localhost:8080",
                HostNameError::HasPort("localhost:8080".into()),
            ),
            ("[::1]:8080", HostNameError::HasPort("[::1]:8080".into())),
            ("*", HostNameError::Invalid("*".into())),
            ("*.example", HostNameError::Invalid("*.example".into())),
            ("not a host", HostNameError::Invalid("not a host".into())),
            ("a..b", HostNameError::Invalid("a..b".into())),
            ("", HostNameError::Invalid(String::new())),
            ("[::1", HostNameError::Invalid("[::1".into())),
        ] {
            assert_eq!(input.parse::<HostName>(), Err(error), "{input}");
        }
    }
}
