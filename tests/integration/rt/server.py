"""A real Request Tracker 5 server on loopback for the integration tests.

`rt_instance()` makes a throw-away RT instance in a temporary folder: its own
RT_SiteConfig.pm (selected with RT_SITE_CONFIG, plus RT_SITE_CONFIG_DIR pointing at
an empty folder so /etc/request-tracker5/RT_SiteConfig.d is never read), its own
SQLite database file, mason cache, var and log folders, and outgoing mail written
to an mbox file inside the instance (never to the system MTA). It then runs Debian's
`rt-server` (Starlet) on 127.0.0.1 and a free port, waits until REST2 answers, and
yields an `RTServer`. Nothing in /etc/request-tracker5 or /var/lib/request-tracker5
is read or written.

The initialised database (RT's schema and core data plus our queue, custom fields,
users and auth tokens, see setup_rt.pl) is cached as a template under the system temp
folder, keyed by the installed RT version and a hash of everything that goes into it;
every run copies the template, so tickets never leak from one run to the next.
Set ADVISOR_RT_CACHE=0 to build the database from scratch every time.

Environment knobs:
  ADVISOR_RT_CACHE=0       do not use (or write) the database template cache
  ADVISOR_RT_NO_INSTALL=1  never run apt-get; skip when the packages are missing
  ADVISOR_RT_REQUIRED=1    fail instead of skipping when RT cannot be had (for CI)
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
PACKAGES_FILE = REPO / "packaging" / "debian-rt-packages.txt"
SETUP_SCRIPT = HERE / "setup_rt.pl"

RT_BASE = Path("/usr/share/request-tracker5")
RT_SERVER = RT_BASE / "libexec" / "rt-server"
RT_SETUP_DATABASE = Path("/usr/sbin/rt-setup-database-5")
RT_GENERATED = RT_BASE / "lib" / "RT" / "Generated.pm"

# Asia/Kolkata is UTC+05:30 all year: no DST surprises in the tests, and a half-hour
# offset catches code that treats RT's local times as UTC (or rounds offsets to hours).
DEFAULT_TIMEZONE = "Asia/Kolkata"
QUEUE = "Advisor Desk"
AGENT_GROUP = "Advisor Agents"
SEVERITY_CF = "Severity"
ACCOUNT_CF = "Account"
SEVERITY_VALUES = ("1", "2", "3")
# An asset catalog with one asset per customer account (RT has no organizations with tiers).
ACCOUNTS_CATALOG = "Accounts"
ASSET_FIELDS = ("Tier", "Region", "Timezone", "Contract Start", "Named Advisor", "Contract Status")
# Requestors who may file cases for their account; "alice" is one, "bob" is not.
AUTHORIZED_GROUP = "Authorized Contacts"
AUTHORIZED_MEMBERS = ("alice",)

API_USER = "advisor-api"
AGENT_USER = "agent"
REQUESTORS = ("alice", "bob")
MAIL_DOMAIN = "advisor.test"
# The "root" user made by rt-setup-database has this password (RT's documented default).
ROOT_PASSWORD = "password"

# Debian's debconf answers: no dbconfig-common database, no cron jobs, leave the
# system-wide site config alone. The fixture never uses the system-wide instance anyway.
DEBCONF_PRESEED = """\
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean false
"""

STARTUP_TIMEOUT_S = 90.0
INSTALL_TIMEOUT_S = 1500.0


class RTUnavailable(Exception):
    """RT cannot be had on this machine; the message is the one-line reason."""


# --------------------------------------------------------------------------- packages


def required_packages() -> list[str]:
    lines = PACKAGES_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def missing_packages(packages: list[str]) -> list[str]:
    if shutil.which("dpkg-query") is None:
        return list(packages)
    missing = []
    for package in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
        )
        if result.stdout.strip() != "install ok installed":
            missing.append(package)
    return missing


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass
class InstallReport:
    installed: list[str]
    seconds: float = 0.0
    disk_bytes: int = 0


def ensure_rt_installed() -> InstallReport:
    """Install the Debian packages when missing (as root); raise RTUnavailable otherwise."""
    packages = required_packages()
    missing = missing_packages(packages)
    if not missing:
        _check_files()
        return InstallReport(installed=[])
    joined = " ".join(missing)
    if shutil.which("apt-get") is None or shutil.which("dpkg-query") is None:
        raise RTUnavailable(f"Request Tracker packages missing ({joined}) and this is not a Debian system with apt-get")
    if _env_flag("ADVISOR_RT_NO_INSTALL"):
        raise RTUnavailable(f"Request Tracker packages missing ({joined}) and ADVISOR_RT_NO_INSTALL is set")
    if os.geteuid() != 0:
        raise RTUnavailable(
            f"Request Tracker packages missing ({joined}) and not root: "
            f"sudo apt-get install --no-install-recommends {joined}"
        )
    lock_path = Path(tempfile.gettempdir()) / "advisor-desk-rt-install.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another pytest process may be installing too
        missing = missing_packages(packages)
        if not missing:
            _check_files()
            return InstallReport(installed=[])
        report = _apt_install(missing)
    _check_files()
    return report


def _apt_install(missing: list[str]) -> InstallReport:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive", "DEBCONF_NONINTERACTIVE_SEEN": "true"}
    subprocess.run(
        ["debconf-set-selections"], input=DEBCONF_PRESEED, text=True, env=env, capture_output=True, check=False
    )
    free_before = shutil.disk_usage("/").free
    started = time.monotonic()
    command = [
        "apt-get",
        "install",
        "-y",
        "-q",
        "--no-install-recommends",
        "-o",
        "Dpkg::Options::=--force-confdef",
        "-o",
        "Dpkg::Options::=--force-confold",
        *missing,
    ]
    result = _run_apt(command, env)
    if result.returncode != 0:
        # A fresh machine may have stale or no package lists: refresh once and retry.
        update = _run_apt(["apt-get", "update", "-q"], env)
        if update.returncode != 0:
            raise RTUnavailable(f"apt-get update failed (exit {update.returncode}): {_last_line(update.stdout)}")
        result = _run_apt(command, env)
        if result.returncode != 0:
            raise RTUnavailable(
                f"apt-get install {' '.join(missing)} failed (exit {result.returncode}): {_last_line(result.stdout)}"
            )
    return InstallReport(
        installed=missing,
        seconds=time.monotonic() - started,
        disk_bytes=max(0, free_before - shutil.disk_usage("/").free),
    )


def _run_apt(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise RTUnavailable(f"{' '.join(command[:2])} took longer than {INSTALL_TIMEOUT_S:.0f} s") from error


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith(("E:", "W:"))]
    return (errors or lines or ["no output"])[-1]


def _check_files() -> None:
    for path in (RT_SERVER, RT_SETUP_DATABASE, RT_GENERATED, Path("/usr/bin/perl")):
        if not path.exists():
            raise RTUnavailable(f"Request Tracker is installed but {path} is missing")


def rt_version() -> str:
    match = re.search(r"\$VERSION\s*=\s*'([^']+)'", RT_GENERATED.read_text(encoding="utf-8"))
    if not match:
        raise RTUnavailable(f"cannot read RT's version from {RT_GENERATED}")
    return match.group(1)


# --------------------------------------------------------------------------- the server handle


@dataclass(frozen=True)
class RTUser:
    name: str
    email: str
    password: str
    token: str
    id: int
    privileged: bool


@dataclass
class RTServer:
    """What a test needs to talk to the running RT. All helpers go through REST2."""

    base_url: str  # http://127.0.0.1:PORT (WebPath is empty)
    token: str  # auth token of the API user: "Authorization: token <token>"
    api_user: str
    timezone: str  # RT's $Timezone: TicketSQL dates without an offset are read in it
    queue: str
    queue_id: int
    custom_fields: dict[str, str]  # role -> RT name: {"severity": "Severity", "account": "Account"}
    custom_field_ids: dict[str, int]  # RT name -> id
    users: dict[str, RTUser]  # every user we made, by name (api user, agent, requestors)
    agent: str
    requestors: tuple[str, ...]
    rt_version: str
    workdir: Path
    server_pid: int = 0  # rt-server's master; it leads its own process group
    timings: dict[str, float] = field(default_factory=dict)
    catalog: str = ACCOUNTS_CATALOG  # asset catalog of accounts (asset Name = account id)
    catalog_id: int = 0
    asset_custom_field_ids: dict[str, int] = field(default_factory=dict)  # RT name -> id (Tier, Region, ...)
    authorized_group: str = AUTHORIZED_GROUP  # user-defined group of authorized contacts
    authorized_group_id: int = 0
    _sessions: dict[str, requests.Session] = field(default_factory=dict, repr=False)

    # -- plumbing

    @property
    def rest_url(self) -> str:
        return f"{self.base_url}/REST/2.0"

    @property
    def severity_field(self) -> str:
        return self.custom_fields["severity"]

    @property
    def account_field(self) -> str:
        return self.custom_fields["account"]

    @property
    def mbox_files(self) -> list[Path]:
        """Outgoing mail RT would have sent ($MailCommand = 'mbox')."""
        return sorted((self.workdir / "var").glob("*.mbox"))

    @property
    def log_file(self) -> Path:
        return self.workdir / "log" / "rt-server.log"

    def session(self, user: str | None = None) -> requests.Session:
        """A requests session authenticated with the token of `user` (default: the API user)."""
        name = user or self.api_user
        if name not in self._sessions:
            session = requests.Session()
            session.headers["Authorization"] = f"token {self.users[name].token}"
            session.headers["Accept"] = "application/json"
            self._sessions[name] = session
        return self._sessions[name]

    def superuser_session(self) -> requests.Session:
        """RT's "root" (SuperUser), with HTTP basic auth; sees totals a normal user does not."""
        if "root" not in self._sessions:
            session = requests.Session()
            session.auth = ("root", ROOT_PASSWORD)
            session.headers["Accept"] = "application/json"
            self._sessions["root"] = session
        return self._sessions["root"]

    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.rest_url}/{path.lstrip('/')}"

    def request(self, method: str, path: str, *, user: str | None = None, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", 30)
        return self.session(user).request(method, self.url(path), **kwargs)

    def get_json(self, path: str, *, user: str | None = None, **params: Any) -> Any:
        response = self.request("GET", path, user=user, params=params or None)
        _raise_for(response)
        return response.json()

    def close(self) -> None:
        for session in self._sessions.values():
            session.close()
        self._sessions.clear()

    # -- reading

    def ticket(self, ticket_id: int, *, user: str | None = None) -> dict[str, Any]:
        return dict(self.get_json(f"ticket/{ticket_id}", user=user))

    def history(self, ticket_id: int, *, user: str | None = None, **params: Any) -> dict[str, Any]:
        return dict(self.get_json(f"ticket/{ticket_id}/history", user=user, **params))

    def search(self, query: str, *, user: str | None = None, **params: Any) -> dict[str, Any]:
        return dict(self.get_json("tickets", user=user, query=query, **params))

    # -- writing

    def create_ticket(
        self,
        subject: str,
        content: str = "",
        *,
        user: str | None = None,
        requestor: str | None = None,
        severity: str | int | None = None,
        account: str | None = None,
        **extra: Any,
    ) -> int:
        """POST /ticket as `user` (default the API user); returns the new ticket's id.

        Custom fields are sent by numeric id: REST2 silently drops a custom field given by
        name unless the user may already *see* it (an unprivileged requestor may not before
        the ticket exists), and answers 201 all the same.
        """
        body: dict[str, Any] = {"Queue": self.queue, "Subject": subject, **extra}
        if content:
            body.setdefault("Content", content)
            body.setdefault("ContentType", "text/plain")
        if requestor is not None:
            body["Requestor"] = self.users[requestor].email if requestor in self.users else requestor
        fields: dict[str, Any] = dict(body.pop("CustomFields", {}))
        if severity is not None:
            fields[str(self.custom_field_ids[self.severity_field])] = str(severity)
        if account is not None:
            fields[str(self.custom_field_ids[self.account_field])] = account
        if fields:
            body["CustomFields"] = fields
        response = self.request("POST", "ticket", user=user, json=body)
        _raise_for(response, 201)
        return int(response.json()["id"])

    def create_ticket_as(self, requestor: str, subject: str, content: str = "", **kwargs: Any) -> int:
        """Create a ticket as an (unprivileged) requestor, who becomes its Requestor.

        REST2 does not make the creator a requestor by itself: without "Requestor" the
        ticket has none, and an unprivileged creator cannot even see it afterwards.
        """
        return self.create_ticket(subject, content, user=requestor, requestor=requestor, **kwargs)

    def correspond(self, ticket_id: int, content: str, *, user: str | None = None, **extra: Any) -> list[str]:
        """A reply (Correspond); by default as the agent. Replying to a "new" ticket opens it."""
        return self._message(ticket_id, "correspond", content, user or self.agent, extra)

    def comment(self, ticket_id: int, content: str, *, user: str | None = None, **extra: Any) -> list[str]:
        """An internal comment; by default as the agent."""
        return self._message(ticket_id, "comment", content, user or self.agent, extra)

    def _message(self, ticket_id: int, kind: str, content: str, user: str, extra: dict[str, Any]) -> list[str]:
        # ContentType is required when the body is JSON (400 "ContentType is a required field").
        body = {"Content": content, "ContentType": "text/plain", **extra}
        response = self.request("POST", f"ticket/{ticket_id}/{kind}", user=user, json=body)
        _raise_for(response, 201)
        return list(response.json())

    def update_ticket(self, ticket_id: int, changes: dict[str, Any], *, user: str | None = None) -> list[str]:
        """PUT /ticket/{id}; answers 200 with a list of human-readable messages."""
        response = self.request("PUT", f"ticket/{ticket_id}", user=user or self.agent, json=changes)
        _raise_for(response, 200)
        return list(response.json())

    def set_status(self, ticket_id: int, status: str, *, user: str | None = None) -> list[str]:
        return self.update_ticket(ticket_id, {"Status": status}, user=user)

    def set_custom_fields(self, ticket_id: int, values: dict[str, Any], *, user: str | None = None) -> list[str]:
        """Values by custom field *name*; sent by id."""
        by_id = {str(self.custom_field_ids[name]): value for name, value in values.items()}
        return self.update_ticket(ticket_id, {"CustomFields": by_id}, user=user)

    def delete_ticket(self, ticket_id: int, *, user: str | None = None) -> None:
        """DELETE /ticket/{id}: RT only sets Status to "deleted" (204, no body)."""
        response = self.request("DELETE", f"ticket/{ticket_id}", user=user or self.agent)
        _raise_for(response, 204)

    # -- assets (accounts) and groups, changed as root: the agents may only read them

    def create_asset(self, name: str, fields: dict[str, str]) -> int:
        """POST /asset in the accounts catalog; `fields` by custom field *name* (sent by id)."""
        body: dict[str, Any] = {
            "Name": name,
            "Catalog": self.catalog_id,
            "CustomFields": {str(self.asset_custom_field_ids[key]): value for key, value in fields.items()},
        }
        response = self.superuser_session().post(self.url("asset"), json=body, timeout=30)
        _raise_for(response, 201)
        return int(response.json()["id"])

    def update_asset(self, asset_id: int, fields: dict[str, str]) -> list[str]:
        body = {"CustomFields": {str(self.asset_custom_field_ids[key]): value for key, value in fields.items()}}
        response = self.superuser_session().put(self.url(f"asset/{asset_id}"), json=body, timeout=30)
        _raise_for(response, 200)
        return list(response.json())

    def add_group_member(self, group_id: int, user: str) -> None:
        response = self.superuser_session().put(
            self.url(f"group/{group_id}/members"), json=[self.users[user].id], timeout=30
        )
        _raise_for(response, 200)


def _raise_for(response: requests.Response, *expected: int) -> None:
    ok = response.status_code in expected if expected else response.ok
    if not ok:
        raise AssertionError(
            f"{response.request.method} {response.url} -> {response.status_code}: {response.text[:500]}"
        )


# --------------------------------------------------------------------------- the instance


def _setup_spec() -> dict[str, Any]:
    def user(name: str, *, privileged: bool, agent: bool, domain: str) -> dict[str, Any]:
        return {
            "name": name,
            "email": f"{name}@{domain}",
            "real_name": name.replace("-", " ").title(),
            "password": f"{name}-Passw0rd",
            "privileged": 1 if privileged else 0,
            "agent": 1 if agent else 0,
            "token": 1,
        }

    return {
        "queue": QUEUE,
        "agent_group": AGENT_GROUP,
        "custom_fields": {
            SEVERITY_CF: {"type": "Select", "values": list(SEVERITY_VALUES)},
            ACCOUNT_CF: {"type": "Freeform"},
        },
        "users": [
            user(API_USER, privileged=True, agent=True, domain=MAIL_DOMAIN),
            user(AGENT_USER, privileged=True, agent=True, domain=MAIL_DOMAIN),
            *(user(name, privileged=False, agent=False, domain="customer.test") for name in REQUESTORS),
        ],
        "catalog": {"name": ACCOUNTS_CATALOG, "custom_fields": list(ASSET_FIELDS)},
        "authorized_group": {"name": AUTHORIZED_GROUP, "members": list(AUTHORIZED_MEMBERS)},
    }


def _perl_string(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _site_config(workdir: Path, port: int, timezone: str) -> str:
    var = workdir / "var"
    base_url = f"http://127.0.0.1:{port}"
    settings = {
        "rtname": "advisor-test",
        "Organization": MAIL_DOMAIN,
        "CorrespondAddress": f"rt@{MAIL_DOMAIN}",
        "CommentAddress": f"rt-comment@{MAIL_DOMAIN}",
        "DatabaseType": "SQLite",
        "DatabaseName": str(var / "rt.sqlite"),
        "WebDomain": "127.0.0.1",
        "WebPort": str(port),
        "WebPath": "",
        "WebBaseURL": base_url,
        "Timezone": timezone,
        "LogToSTDERR": "warning",
        "LogDir": str(workdir / "log"),
        # Outgoing mail goes to $RT::VarPath/<date>.mbox, never to the system MTA.
        "MailCommand": "mbox",
    }
    lines = [
        "# Written by tests/integration/rt/server.py for one test run; loaded through RT_SITE_CONFIG.",
        *(f"Set(${key}, {_perl_string(value)});" for key, value in settings.items()),
        "Set($LogToSyslog, undef);",
        "Set($LogToFile, undef);",
        # bcrypt cost 12 (the default) costs ~0.25 s of CPU for every token-authenticated request.
        "Set($BcryptCost, 4);",
        # Paths that otherwise point into /var: keep everything inside this instance.
        f"$RT::VarPath = {_perl_string(str(var))};",
        f"$RT::MasonDataDir = {_perl_string(str(var / 'mason_data'))};",
        f"$RT::MasonSessionDir = {_perl_string(str(var / 'session_data'))};",
        "1;",
        "",
    ]
    return "\n".join(lines)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rt_env(workdir: Path) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR")
    env = {key: os.environ[key] for key in keep if key in os.environ}
    env.setdefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    env.setdefault("LANG", "C.UTF-8")
    env.update(
        {
            "HOME": str(workdir),
            "RT_SITE_CONFIG": str(workdir / "etc" / "RT_SiteConfig.pm"),
            # Without this RT also loads /etc/request-tracker5/RT_SiteConfig.d/*.pm *after* our
            # file, and Debian's 51-dbconfig-common.pm there would override the database.
            "RT_SITE_CONFIG_DIR": str(workdir / "etc" / "RT_SiteConfig.d"),
        }
    )
    return env


def _run(command: list[str], env: dict[str, str], cwd: Path, what: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        command, env=env, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{what} failed (exit {result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result.stdout


def _cache_dir(version: str, spec: dict[str, Any]) -> Path:
    digest = hashlib.sha256()
    digest.update(version.encode())
    digest.update(SETUP_SCRIPT.read_bytes())
    digest.update(json.dumps(spec, sort_keys=True).encode())
    digest.update((RT_BASE / "etc" / "schema.SQLite").read_bytes())
    safe_version = re.sub(r"[^A-Za-z0-9.+-]", "_", version)
    return Path(tempfile.gettempdir()) / "advisor-desk-rt-cache" / f"rt-{safe_version}-{digest.hexdigest()[:16]}"


def _init_database(workdir: Path, env: dict[str, str], spec: dict[str, Any]) -> dict[str, Any]:
    """rt-setup-database (schema, core data, RT's initial data), then setup_rt.pl."""
    _run(
        [str(RT_SETUP_DATABASE), "--action", "init", "--skip-create"],
        env,
        workdir,
        "rt-setup-database-5 --action init",
    )
    output = _run(["perl", str(SETUP_SCRIPT)], env, workdir, "setup_rt.pl", stdin=json.dumps(spec))
    return dict(json.loads(output.strip().splitlines()[-1]))


def _database(workdir: Path, env: dict[str, str], spec: dict[str, Any], use_cache: bool) -> tuple[dict[str, Any], bool]:
    """Put the initialised database at var/rt.sqlite; return setup_rt.pl's result and whether it was cached."""
    target = workdir / "var" / "rt.sqlite"
    if not use_cache:
        return _init_database(workdir, env, spec), False
    cache = _cache_dir(rt_version(), spec)
    template, meta = cache / "rt.sqlite", cache / "setup.json"
    if template.is_file() and meta.is_file():
        shutil.copyfile(template, target)
        return dict(json.loads(meta.read_text(encoding="utf-8"))), True
    result = _init_database(workdir, env, spec)
    # Publish atomically: concurrent runs either see a complete template or none.
    cache.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=cache.name + ".", dir=cache.parent))
    shutil.copyfile(target, staging / "rt.sqlite")
    (staging / "setup.json").write_text(json.dumps(result), encoding="utf-8")
    try:
        staging.rename(cache)
    except OSError:  # another run published it first
        shutil.rmtree(staging, ignore_errors=True)
    return result, False


def _invalidate_cache(spec: dict[str, Any]) -> None:
    with contextlib.suppress(RTUnavailable):
        shutil.rmtree(_cache_dir(rt_version(), spec), ignore_errors=True)


class _Process:
    def __init__(self, command: list[str], env: dict[str, str], cwd: Path, log: Path) -> None:
        self.log = log
        with log.open("ab") as out:
            # Its own session and process group: we stop exactly the master and its workers.
            self.popen = subprocess.Popen(
                command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=out, start_new_session=True
            )

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)  # not SIGINT: rt-server's INT handler chowns /var/lib
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=15)
        # Starlet workers exit with their master; make sure none is left in the group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _wait_for_rest2(process: _Process, base_url: str, token: str, deadline: float) -> tuple[bool, str]:
    """Poll GET /REST/2.0/rt until 200; return (answered, why-not)."""
    url = f"{base_url}/REST/2.0/rt"
    headers = {"Authorization": f"token {token}", "Accept": "application/json"}
    last = "no answer"
    while time.monotonic() < deadline:
        if not process.alive():
            return False, f"rt-server exited with {process.popen.returncode}"
        try:
            response = requests.get(url, headers=headers, timeout=5)
            if response.status_code == 200 and "Version" in response.json():
                return True, ""
            last = f"HTTP {response.status_code}: {response.text[:200]}"
            if response.status_code == 401:
                return False, last
        except (requests.RequestException, ValueError) as error:
            last = type(error).__name__
        time.sleep(0.1)
    return False, f"no answer within {STARTUP_TIMEOUT_S:.0f} s ({last})"


@contextlib.contextmanager
def rt_instance(
    root: Path | None = None, *, timezone: str = DEFAULT_TIMEZONE, use_cache: bool | None = None
) -> Iterator[RTServer]:
    """Create, start and finally stop and remove one RT instance. Call ensure_rt_installed() first."""
    if use_cache is None:
        use_cache = os.environ.get("ADVISOR_RT_CACHE", "1").strip().lower() not in {"0", "false", "no", "off"}
    version = rt_version()
    spec = _setup_spec()
    workdir = Path(tempfile.mkdtemp(prefix="advisor-rt-", dir=root))
    process: _Process | None = None
    server: RTServer | None = None
    try:
        for sub in ("etc/RT_SiteConfig.d", "var/mason_data", "var/session_data", "log"):
            (workdir / sub).mkdir(parents=True)
        env = _rt_env(workdir)
        timings: dict[str, float] = {}
        setup: dict[str, Any] = {}
        cached = False
        for attempt in range(3):
            port = _free_port()
            (workdir / "etc" / "RT_SiteConfig.pm").write_text(_site_config(workdir, port, timezone), encoding="utf-8")
            started = time.monotonic()
            if attempt == 0 or not (workdir / "var" / "rt.sqlite").exists():
                setup, cached = _database(workdir, env, spec, use_cache)
                timings["database_s"] = time.monotonic() - started
                timings["database_cached"] = 1.0 if cached else 0.0
            base_url = f"http://127.0.0.1:{port}"
            token = setup["users"][API_USER]["token"]
            served_at = time.monotonic()
            process = _Process(
                [
                    str(RT_SERVER),
                    "--server",
                    "Starlet",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--max-workers",
                    "2",
                ],
                env,
                workdir,
                workdir / "log" / "rt-server.log",
            )
            answered, why = _wait_for_rest2(process, base_url, token, time.monotonic() + STARTUP_TIMEOUT_S)
            if answered:
                timings["server_s"] = time.monotonic() - served_at
                break
            tail = process.log_tail()
            process.stop()
            process = None
            if "couldn't start up a web server" in tail and attempt < 2:
                continue  # somebody took the port between our probe and rt-server's bind
            if cached and why.startswith("HTTP 401"):
                # A template that no longer matches (should not happen: the key covers its inputs).
                _invalidate_cache(spec)
                (workdir / "var" / "rt.sqlite").unlink()
                continue
            raise RuntimeError(f"RT did not come up on {base_url}: {why}\n--- rt-server log ---\n{tail}")
        else:
            raise RuntimeError("RT did not come up after 3 attempts")

        assert process is not None
        users = {
            spec_user["name"]: RTUser(
                name=spec_user["name"],
                email=spec_user["email"],
                password=spec_user["password"],
                token=setup["users"][spec_user["name"]]["token"],
                id=int(setup["users"][spec_user["name"]]["id"]),
                privileged=bool(spec_user["privileged"]),
            )
            for spec_user in spec["users"]
        }
        server = RTServer(
            base_url=base_url,
            token=token,
            api_user=API_USER,
            timezone=timezone,
            queue=QUEUE,
            queue_id=int(setup["queue_id"]),
            custom_fields={"severity": SEVERITY_CF, "account": ACCOUNT_CF},
            custom_field_ids={name: int(value) for name, value in setup["custom_field_ids"].items()},
            users=users,
            agent=AGENT_USER,
            requestors=REQUESTORS,
            rt_version=version,
            workdir=workdir,
            server_pid=process.popen.pid,
            timings=timings,
            catalog_id=int(setup["catalog_id"]),
            asset_custom_field_ids={name: int(value) for name, value in setup["asset_custom_field_ids"].items()},
            authorized_group_id=int(setup["authorized_group_id"]),
        )
        yield server
    finally:
        if server is not None:
            server.close()
        if process is not None:
            process.stop()
        shutil.rmtree(workdir, ignore_errors=True)
