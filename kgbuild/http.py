"""The one HTTP layer of kgbuild (``query``, ``load`` and the server kinds of
:mod:`kgbuild.servers` all go through it): one request function with streamed bodies, gzip,
bounded retries with backoff (a :class:`Retry` policy per caller), Basic and Digest auth,
keep-alive connections, and one-line errors.

Passwords never appear in an error, a log line or a ``repr``: :class:`Auth` hides its
password and :func:`redact` strips user info from URLs before they are shown.

>>> redact("http://alice:s3cret@example.org:3030/ds?x=1")
'http://example.org:3030/ds?x=1'
>>> Auth(user="alice", password="s3cret")
Auth(user='alice', password='***')
"""
from __future__ import annotations

import base64
import hashlib
import http.client
import netrc
import os
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from .errors import EndpointError, HttpStatusError

__all__ = ["Auth", "Response", "Retry", "request", "redact", "gzip_chunks", "auth_from", "RETRY_STATUSES",
           "DEFAULT_RETRY", "READ_ONLY_RETRY", "HttpStatusError"]

RETRY_STATUSES = frozenset({500, 502, 503, 504})
Body = bytes | Callable[[], Iterable[bytes]] | None


@dataclass(frozen=True, slots=True)
class Retry:
    """When a request is sent again: ``attempts`` more times at most, after ``backoff``,
    2 x ``backoff``, ... seconds, on these statuses, on connection resets and cut-off answers,
    and (``timeouts``) when no answer came in time."""

    attempts: int = 3
    backoff: float = 0.5
    statuses: frozenset[int] = RETRY_STATUSES
    timeouts: bool = True


#: loads: 3 retries (0.5/1/2 s) on 5xx, timeouts and resets
DEFAULT_RETRY = Retry()
#: queries: 2 quick retries on 502/503/504, resets and cut-off answers; a query that timed out
#: is not sent again (the server may still be working on it)
READ_ONLY_RETRY = Retry(attempts=2, backoff=0.25, statuses=frozenset({502, 503, 504}), timeouts=False)


@dataclass(frozen=True, slots=True)
class Auth:
    """User name and password for an endpoint (Basic, or Digest when the server asks)."""

    user: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Auth(user={self.user!r}, password='***')"

    def basic(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def redact(url: str) -> str:
    """``url`` without user info (``user:password@``)."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def auth_from(*, url: str, user: str | None = None, password: str | None = None,
              environ: Mapping[str, str] | None = None, netrc_file: Path | None = None) -> Auth | None:
    """Credentials by precedence: options > ``KGBUILD_USER``/``KGBUILD_PASSWORD`` > URL user
    info > a netrc-style file (``netrc_file``, or ``~/.netrc`` when it exists)."""
    environ = os.environ if environ is None else environ
    user = user or environ.get("KGBUILD_USER") or None
    if password is None:
        password = environ.get("KGBUILD_PASSWORD")
    parts = urlsplit(url)
    if user is None and parts.username:
        user, password = parts.username, parts.password or password
    if user is not None:
        return Auth(user=user, password=password or "")
    path = netrc_file or (Path.home() / ".netrc")
    if netrc_file is not None or path.is_file():
        try:
            entry = netrc.netrc(str(path)).authenticators(parts.hostname or "")
        except (OSError, netrc.NetrcParseError) as exc:
            raise EndpointError(f"{path}: cannot read credentials file: {type(exc).__name__}") from None
        if entry:
            return Auth(user=entry[0], password=entry[2] or "")
    return None


def gzip_chunks(chunks: Iterable[bytes], *, level: int = 1) -> Iterator[bytes]:
    """Gzip a stream of byte chunks lazily (for ``Content-Encoding: gzip`` uploads)."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
    for chunk in chunks:
        out = compressor.compress(chunk)
        if out:
            yield out
    yield compressor.flush()


def request(method: str, url: str, *, body: Body = None, headers: Mapping[str, str] | None = None,
            params: Mapping[str, str] | None = None, auth: Auth | None = None, timeout: float = 300.0,
            retry: Retry = DEFAULT_RETRY, what: str | None = None, check: bool = True,
            scheme: str = "basic") -> Response:
    """One HTTP request with bounded retries (``retry``).

    ``body`` is bytes, or a callable returning an iterable of byte chunks (sent with chunked
    transfer encoding, never held whole in memory; called again on each retry). ``scheme``:
    ``basic`` sends Basic credentials up front; ``digest`` asks without them first (the server
    challenges). A Digest challenge is answered either way.

    :param check: raise on an error status (False: return the answer, e.g. to read its headers).
    :raises HttpStatusError: an error status (``check``), auth refused included.
    :raises EndpointError: unreachable server, no answer in time, a cut-off answer; one line,
        naming ``what`` and the redacted URL, never the credentials.
    """
    if params:
        url = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"
    label = f"{what}: " if what else ""
    shown = f"{method} {redact(url)}"
    # one connection for the whole exchange (Virtuoso binds Digest nonces to it), kept open
    # afterwards for the next request to the same server (a load sends thousands)
    conn, reused = _checkout(url, timeout=timeout)
    ok = False
    try:
        response = _request_loop(conn, method, url, body=body, headers=headers, auth=auth, retry=retry,
                                 label=label, shown=shown, reused=reused, check=check, scheme=scheme,
                                 timeout=timeout)
        ok = True
        return response
    finally:
        # not after a streamed body: a server may answer before reading the last chunk
        if ok and conn.sock is not None and not callable(body):
            _checkin(url, conn)
        else:
            conn.close()


_IDLE = threading.local()  # per thread: (scheme, host, port, timeout) -> an idle keep-alive connection


def _forget_idle() -> None:  # a forked child must not share its parent's sockets
    global _IDLE
    _IDLE = threading.local()


os.register_at_fork(after_in_child=_forget_idle)


def _checkout(url: str, *, timeout: float) -> tuple[http.client.HTTPConnection, bool]:
    parts = urlsplit(url)
    pool: dict[tuple[object, ...], http.client.HTTPConnection] = _IDLE.__dict__.setdefault("pool", {})
    conn = pool.pop((parts.scheme, parts.hostname, parts.port, timeout), None)
    if conn is not None and conn.sock is not None:
        return conn, True
    return _connect(url, timeout=timeout), False


def _checkin(url: str, conn: http.client.HTTPConnection) -> None:
    parts = urlsplit(url)
    pool: dict[tuple[object, ...], http.client.HTTPConnection] = _IDLE.__dict__.setdefault("pool", {})
    old = pool.pop((parts.scheme, parts.hostname, parts.port, conn.timeout), None)
    if old is not None:
        old.close()
    pool[(parts.scheme, parts.hostname, parts.port, conn.timeout)] = conn


def _request_loop(conn: http.client.HTTPConnection, method: str, url: str, *, body: Body,
                  headers: Mapping[str, str] | None, auth: Auth | None, retry: Retry,
                  label: str, shown: str, reused: bool = False, check: bool = True, scheme: str = "basic",
                  timeout: float = 300.0) -> Response:
    retries, backoff = retry.attempts, retry.backoff
    digest: str | None = "" if scheme == "digest" and auth is not None else None  # "": no header
    # learn the auth scheme before sending a body: a server that refuses it before reading it
    # resets the connection (a large graph PUT to Virtuoso did, on every attempt)
    if auth is not None and (callable(body) or (body and scheme == "digest")):
        try:
            probe = _send(conn, "HEAD", url, body=None, headers={}, auth=auth, authorization="")
            challenge = probe.headers.get("www-authenticate", "")
            if probe.status == 401 and challenge.lower().startswith("digest"):
                digest = _digest(challenge, auth=auth, method=method, url=url)
        except (OSError, http.client.HTTPException):
            conn.close()
    attempt = 0
    while True:
        attempt += 1
        try:
            response = _send(conn, method, url, body=body, headers=headers or {}, auth=auth,
                             authorization=digest)
        except (TimeoutError, ConnectionError, http.client.HTTPException, socket.timeout) as exc:
            conn.close()
            timed_out = isinstance(exc, (TimeoutError, socket.timeout))
            if reused and attempt == 1 and not timed_out:
                reused = False  # the server closed the idle connection: open a new one, at once
                attempt -= 1
                continue
            if attempt <= retries and (retry.timeouts or not timed_out):
                time.sleep(backoff * 2 ** (attempt - 1))
                continue
            tries = f" (after {attempt} attempts)" if attempt > 1 else ""
            raise EndpointError(f"{label}{shown}: {_describe(exc, timeout=timeout)}{tries}") from None
        except OSError as exc:  # DNS failures, refused connections to closed hosts, ...
            if attempt <= retries and isinstance(exc.__cause__ or exc, ConnectionError):
                time.sleep(backoff * 2 ** (attempt - 1))
                continue
            raise EndpointError(f"{label}{shown}: {_describe(exc, timeout=timeout)}") from None
        if response.status == 401 and auth is not None and not digest:
            challenge = response.headers.get("www-authenticate", "")
            if challenge.lower().startswith("digest"):
                digest = _digest(challenge, auth=auth, method=method, url=url)
                attempt -= 1
                continue
            if not challenge and digest is None:  # Virtuoso: no challenge after a Basic attempt
                digest = ""  # ask once without credentials to get the challenge
                attempt -= 1
                continue
        if response.status in retry.statuses and attempt <= retries:
            time.sleep(backoff * 2 ** (attempt - 1))
            continue
        if response.status >= 400 and check:
            raise HttpStatusError(f"{label}{shown}: {_status_line(response, auth=auth)}",
                                  status=response.status, headers=response.headers)
        return response


def _connect(url: str, *, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"{redact(url)}: not an http(s) URL")
    conn_cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    return conn_cls(parts.hostname, parts.port, timeout=timeout)


def _send(conn: http.client.HTTPConnection, method: str, url: str, *, body: Body,
          headers: Mapping[str, str], auth: Auth | None, authorization: str | None) -> Response:
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    all_headers = {"User-Agent": "kgbuild", **headers}
    if authorization:
        all_headers["Authorization"] = authorization
    elif auth is not None and authorization is None:
        all_headers["Authorization"] = auth.basic()
    if callable(body):
        all_headers["Transfer-Encoding"] = "chunked"
        conn.putrequest(method, target, skip_accept_encoding=True)
        for key, value in all_headers.items():
            conn.putheader(key, value)
        conn.endheaders()
        for chunk in body():
            if chunk:
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.send(b"0\r\n\r\n")
    else:
        conn.request(method, target, body=body, headers=all_headers)
    raw = conn.getresponse()
    data = raw.read()
    if raw.will_close:
        conn.close()
    return Response(status=raw.status, reason=raw.reason,
                    headers={k.lower(): v for k, v in raw.getheaders()}, body=data)


def _digest(challenge: str, *, auth: Auth, method: str, url: str) -> str:
    """An RFC 7616 Digest ``Authorization`` value (MD5, qop=auth), as Virtuoso asks for."""
    fields: dict[str, str] = {}
    for item in _split_challenge(challenge[len("digest"):]):
        key, _, value = item.partition("=")
        fields[key.strip().lower()] = value.strip().strip('"')
    parts = urlsplit(url)
    uri = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    realm, nonce = fields.get("realm", ""), fields.get("nonce", "")
    md5 = lambda s: hashlib.md5(s.encode()).hexdigest()  # noqa: E731 - the protocol's hash
    ha1 = md5(f"{auth.user}:{realm}:{auth.password}")
    ha2 = md5(f"{method}:{uri}")
    cnonce = os.urandom(8).hex()
    header = f'Digest username="{auth.user}", realm="{realm}", nonce="{nonce}", uri="{uri}"'
    if "auth" in fields.get("qop", "").split(","):
        response = md5(f"{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}")
        header += f', qop=auth, nc=00000001, cnonce="{cnonce}"'
    else:
        response = md5(f"{ha1}:{nonce}:{ha2}")
    header += f', response="{response}", algorithm=MD5'
    if "opaque" in fields:
        header += f', opaque="{fields["opaque"]}"'
    return header


def _split_challenge(text: str) -> list[str]:
    items, current, quoted = [], "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [i for i in items if i.strip()]


def _status_line(response: Response, *, auth: Auth | None) -> str:
    if response.status in (401, 403):
        who = f" for user {auth.user!r}" if auth else " (no credentials given)"
        return f"HTTP {response.status} {response.reason}: authentication refused{who}"
    detail = " ".join(response.text().split())[:200]
    if auth is not None and auth.password:
        detail = detail.replace(auth.password, "***")
    return f"HTTP {response.status} {response.reason}" + (f": {detail}" if detail else "")


def _describe(exc: BaseException, *, timeout: float) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "unreachable: connection refused (is the server running?)"
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g}s"
    if isinstance(exc, ConnectionError):  # reset, or closed before answering
        return f"unreachable: connection {'reset' if isinstance(exc, ConnectionResetError) else 'lost'} ({type(exc).__name__})"
    if isinstance(exc, http.client.HTTPException):  # a cut-off or garbled answer
        return f"incomplete answer ({type(exc).__name__})"
    text = " ".join(str(exc).split())
    return f"unreachable ({type(exc).__name__}: {text})" if text else f"unreachable ({type(exc).__name__})"
