"""The Customer 360 web app: queries (tested without a browser) and the
Streamlit pages that show them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

APP_SCRIPT = Path(__file__).with_name("streamlit_app.py")


def command(port: int, address: str = "127.0.0.1") -> list[str]:
    """The Streamlit command line that serves the app: headless, no usage
    statistics sent, no file watcher (the app is read-only, not edited).
    The warehouse goes in the environment (`environment`)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP_SCRIPT),
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "viewer",
        "--theme.base",
        "light",
    ]


def environment(warehouse: Path) -> dict[str, str]:
    """The app's environment: this one, with C360_WAREHOUSE set."""
    return {**os.environ, "C360_WAREHOUSE": str(Path(warehouse).resolve())}


def free_port() -> int:
    """A local TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(
    warehouse: Path, log: IO[str] | int = subprocess.DEVNULL, seconds: float = 60
) -> tuple[subprocess.Popen, str]:
    """Start the app on a free local port and wait until it answers; return
    the server process (the caller terminates it) and its URL. A server
    that exits or stays silent for `seconds` is a RuntimeError."""
    port = free_port()
    server = subprocess.Popen(
        command(port), env=environment(warehouse), stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while not _answers(url):
        if server.poll() is not None:
            raise RuntimeError(f"the app exited with code {server.returncode}")
        if time.monotonic() > deadline:
            server.terminate()
            raise RuntimeError(f"the app did not answer within {seconds:.0f} s")
        time.sleep(0.5)
    return server, url


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
            return True
    except OSError:
        return False


def serve(warehouse: Path, port: int, address: str = "127.0.0.1") -> int:
    """Serve the app until interrupted; a clear error when there is no
    warehouse to show."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}; run `make run` first")
    print(f"Customer 360 app on http://{address}:{port} (Ctrl-C stops it)", flush=True)
    try:
        return subprocess.call(command(port, address), env=environment(warehouse))
    except KeyboardInterrupt:
        return 0
