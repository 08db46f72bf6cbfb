"""The Customer 360 web app: queries (tested without a browser) and the
Streamlit pages that show them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
