"""The HTTP server: routing, authentication, rate-limit buckets and headers, latency and injected
faults."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from . import graphql_api, rest
from .state import FakeIssue, FakeRepo, World

SECONDARY_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID."
)
TIMEOUT_MESSAGE = (
    "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your "
    "request and contact us if the problem persists."
)


@dataclass
class Fault:
    kind: str
    """"status" (a 5xx), "timeout" (answer after `delay` s), "truncate" (half a body), "secondary" (403 +
    Retry-After), "primary" (403, budget spent)."""
    times: int
    match: str | None
    status: int = 502
    delay: float = 1.0
    retry_after: int | None = 1
    path: str | None = None
    """Only requests whose path starts with this (e.g. "/graphql", "/repos")."""


@dataclass(frozen=True)
class Exchange:
    method: str
    path: str
    status: int
    resource: str
    cost: int
    fault: str = ""


class FakeGitHub:
    """A fake api.github.com on 127.0.0.1: GraphQL (real schema, real cost formula) and a few REST
    endpoints."""

    def __init__(
        self,
        token: str = "fake-token",
        latency: float = 0.0,
        graphql_limit: int = 5000,
        core_limit: int = 5000,
        actor: str = "github-actions[bot]",
    ):
        self.world = World()
        self.token = token
        self.actor = actor
        """Who the token belongs to: the author of the comments created through it."""
        self.latency = latency
        self.faults: list[Fault] = []
        self.log: list[Exchange] = []
        self.authorizations: list[str] = []
        self._lock = threading.Lock()
        reset = int(time.time()) + 3600
        self.buckets = {
            name: {
                "limit": limit,
                "used": 0,
                "reset": reset,
                "reset_iso": datetime.fromtimestamp(reset, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
            for name, limit in (("graphql", graphql_limit), ("core", core_limit))
        }
        self._server: ThreadingHTTPServer | None = None

    # --- lifecycle
    # ----------------------------------------------------------------------------------------
    def start(self) -> FakeGitHub:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            name="fake-github",
            daemon=True,
        ).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeGitHub:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """REST base URL (what GITHUB_API_URL would be)."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def graphql_url(self) -> str:
        return self.url + "/graphql"

    # --- the world
    # ----------------------------------------------------------------------------------------
    def add_repo(self, full_name: str, **fields) -> FakeRepo:
        """Add a repository; fields as FakeRepo (description, language, topics, stars, archived, …)."""
        return self.world.add_repo(full_name, **fields)

    def add_issue(self, full_name: str, number: int, title: str, **fields) -> FakeIssue:
        """Add an issue; fields as FakeIssue (labels, body, assignees, comments, linked_prs, …)."""
        return self.world.add_issue(full_name, number, title, **fields)

    def add_pull(
        self, full_name: str, number: int, title: str, head_sha: str, **fields
    ) -> FakeIssue:
        """Add an open pull request whose head is commit `head_sha`; `.head_sha` moves it on."""
        return self.world.add_pull(full_name, number, title, head_sha, **fields)

    def refuse(self, field: str) -> None:
        """Answer GraphQL `Type.field` with a FORBIDDEN error and null, as GitHub does for a field a token
        may not read: graphql-core nulls the nearest nullable parent, and the answer carries data *and* errors."""
        self.world.refused.add(field)

    def rename(self, old: str, new: str) -> None:
        self.world.rename(old, new)

    def delete(self, full_name: str) -> None:
        self.world.delete(full_name)

    # --- faults and budgets
    # -------------------------------------------------------------------------------
    def inject(self, kind: str, times: int = 1, match: str | None = None, **options) -> Fault:
        """Make the next `times` requests that mention `match` (any case; None = any) fail as
        `kind`."""
        fault = Fault(kind=kind, times=times, match=match.lower() if match else None, **options)
        with self._lock:
            self.faults.append(fault)
        return fault

    def exhaust(self, resource: str = "graphql", leave: int = 0) -> None:
        """Spend the budget so that only `leave` points (or requests) remain."""
        bucket = self.buckets[resource]
        bucket["used"] = bucket["limit"] - leave

    # --- what happened
    # ------------------------------------------------------------------------------------
    def requests(self, resource: str | None = None) -> int:
        return sum(1 for e in self.log if resource is None or e.resource == resource)

    @property
    def points(self) -> int:
        """GraphQL points charged so far."""
        return sum(e.cost for e in self.log if e.resource == "graphql")

    def reset_log(self) -> None:
        self.log.clear()

    def _take_fault(self, path: str, text: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if (
                    fault.times > 0
                    and (fault.path is None or path.startswith(fault.path))
                    and (fault.match is None or fault.match in text)
                ):
                    fault.times -= 1
                    return fault
        return None

    def rate_headers(self, resource: str) -> dict:
        bucket = self.buckets[resource]
        return {
            "X-RateLimit-Limit": str(bucket["limit"]),
            "X-RateLimit-Remaining": str(max(0, bucket["limit"] - bucket["used"])),
            "X-RateLimit-Reset": str(bucket["reset"]),
            "X-RateLimit-Used": str(bucket["used"]),
            "X-RateLimit-Resource": resource,
        }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake: FakeGitHub

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def version_string(self) -> str:
        return "github.com"

    def do_GET(self) -> None:
        self._serve("GET", b"")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._serve("POST", self.rfile.read(length))

    def do_PATCH(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._serve("PATCH", self.rfile.read(length))

    def _serve(self, method: str, payload: bytes) -> None:
        try:
            self._answer(method, payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a timeout test): nothing to answer

    def _answer(self, method: str, payload: bytes) -> None:
        fake = self.fake
        if fake.latency:
            time.sleep(fake.latency)
        split = urlsplit(self.path)
        if split.path.startswith("/_fake/"):
            return self._control(split.path)
        resource = "graphql" if split.path == "/graphql" else "core"
        auth = self.headers.get("Authorization", "")
        fake.authorizations.append(auth)
        if auth.split(" ")[-1] != fake.token:
            message = "Requires authentication" if not auth else "Bad credentials"
            return self._send(method, split.path, 401, {}, {"message": message}, resource)
        text = (self.path + payload.decode("utf-8", "replace")).lower()
        fault = fake._take_fault(split.path, text)
        if fault and fault.kind == "status":
            return self._send(
                method, split.path, fault.status, {}, {"message": TIMEOUT_MESSAGE}, resource, fault
            )
        if fault and fault.kind == "secondary":
            extra = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
            return self._send(
                method, split.path, 403, extra, {"message": SECONDARY_MESSAGE}, resource, fault
            )
        if fault and fault.kind == "primary":
            fake.exhaust(resource)
        if fault and fault.kind == "timeout":
            time.sleep(fault.delay)
        bucket = fake.buckets[resource]
        if resource == "core" and bucket["used"] >= bucket["limit"] and split.path != "/rate_limit":
            return self._send(
                method,
                split.path,
                403,
                {},
                {
                    "message": "API rate limit exceeded for user ID 1.",
                    "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                },
                resource,
            )
        if resource == "graphql":
            if method != "POST":
                return self._send(method, split.path, 404, {}, {"message": "Not Found"}, resource)
            try:
                body = json.loads(payload)
            except ValueError:
                body = None
            answer, cost = graphql_api.run(fake.world, fake.url, body, bucket)
            status = 400 if "message" in answer else 200
            return self._send(method, split.path, status, {}, answer, resource, fault, cost=cost)
        if method != "GET":  # creating or editing a comment; anything else is 404, as before
            with fake.world.lock:
                status, extra, body = rest.handle_write(
                    fake.world, fake.url, method, split.path, payload, fake.actor
                )
            return self._send(
                method, split.path, status, extra, body, resource, fault, cost=int(status < 400)
            )
        with fake.world.lock:
            status, extra, body = rest.handle(fake.world, fake.url, split.path, split.query)
        if split.path.rstrip("/") == "/rate_limit":
            body = self._rate_limit_body()
            return self._send(method, split.path, 200, {}, body, resource, cost=0)
        self._send(
            method, split.path, status, extra, body, resource, fault, cost=1, conditional=True
        )

    def _control(self, path: str) -> None:
        """Out-of-band counters for a fake run in another process (bench/fetch.py); not part of
        GitHub."""
        fake = self.fake
        if path == "/_fake/reset":
            fake.reset_log()
        body = json.dumps(
            {
                "graphql": fake.requests("graphql"),
                "core": fake.requests("core"),
                "points": fake.points,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _rate_limit_body(self) -> dict:
        resources = {}
        for name, bucket in self.fake.buckets.items():
            resources[name] = {
                "limit": bucket["limit"],
                "used": bucket["used"],
                "remaining": max(0, bucket["limit"] - bucket["used"]),
                "reset": bucket["reset"],
            }
        return {"resources": resources, "rate": resources["core"]}

    def _send(
        self,
        method: str,
        path: str,
        status: int,
        extra: dict,
        body,
        resource: str,
        fault: Fault | None = None,
        cost: int = 0,
        conditional: bool = False,
    ) -> None:
        fake = self.fake
        data = json.dumps(body).encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-GitHub-Media-Type": "github.v3; format=json",
            **extra,
        }
        if conditional and status == 200:
            etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
            headers["ETag"] = etag
            if self.headers.get("If-None-Match") == etag:
                status, data, cost = 304, b"", 0  # GitHub does not charge a 304
        if resource == "core" and cost:
            fake.buckets["core"]["used"] += cost
        headers.update(fake.rate_headers(resource))
        fake.log.append(Exchange(method, path, status, resource, cost, fault.kind if fault else ""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if fault and fault.kind == "truncate":
            self.wfile.write(data[: len(data) // 2])
            self.close_connection = True
            return
        if data:
            self.wfile.write(data)
