"""A PostgreSQL cluster of the fault run's own (initdb into a temporary folder, 127.0.0.1 only),
so that restarting it disturbs nobody else's database."""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


def binaries() -> Path:
    """The newest server's bin folder (Debian: /usr/lib/postgresql/<version>/bin), or PATH's."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version)
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl is None:
        raise SystemExit("make faults needs PostgreSQL's server programs (initdb, pg_ctl).")
    return Path(pg_ctl).parent


def _version(path: str) -> float:
    try:
        return float(Path(path).parent.parent.name)
    except ValueError:
        return 0.0


class Cluster:
    def __init__(self, *, port: int) -> None:
        self.port = port
        self.bin = binaries()
        self.root = Path(tempfile.mkdtemp(prefix="loket-faults-pg-"))
        self.data = self.root / "data"
        self.as_owner = []
        if os.geteuid() == 0:  # the server refuses to run as root: run it as `postgres`
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self.as_owner = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/loket_faults"

    def _run(self, program: str, *args: str) -> None:
        command = [*self.as_owner, str(self.bin / program), *args]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{program} failed: {done.stderr or done.stdout}")

    def start(self) -> "Cluster":
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        options = f"-p {self.port} -h 127.0.0.1 -k {self.root} -c fsync=off -c max_connections=60"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                  "-w", "start")  # fmt: skip
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "loket_faults")  # fmt: skip
        return self

    def restart(self) -> None:
        """What an operator's restart does: every connection is cut, the server comes back."""
        log = str(self.root / "log")  # not our pipes: the server would hold them open
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-m", "fast", "-w", "restart")

    def stop(self) -> None:
        if self.data.exists():
            command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
            subprocess.run([*self.as_owner, *command], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
