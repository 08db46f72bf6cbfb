"""Run sqlfluff lint so that every file is really linted.

The normalisation macros compile into deeply nested expressions (a street
line passes through one replace per street type). sqlfluff's recursive parser
exceeds Python's default recursion limit on them, and sqlfluff then only
*warns* "Unable to lint" and still exits 0: the file goes unchecked. This
wrapper raises the recursion limit and fails when any file was skipped.

With `--processes N`, sqlfluff templates each file here and parses and
lints it in N new worker processes: they get the same recursion limit and
a C stack as deep as this process's lint thread (the stack limit new
processes inherit), and a file a worker cannot lint is reported here, so
it fails the run as well.
"""

from __future__ import annotations

import logging
import multiprocessing.pool
import resource
import sys
import threading
from collections.abc import Callable

RECURSION_LIMIT = 50_000
STACK_BYTES = 512 * 1024 * 1024


class _SkippedFiles(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "Unable to lint" in message:
            self.messages.append(message.splitlines()[0])


def _worker_start(initializer: Callable[[], None]) -> None:
    """A lint worker's start: the recursion limit, then sqlfluff's own."""
    sys.setrecursionlimit(RECURSION_LIMIT)
    initializer()


def _deep_workers() -> None:
    """sqlfluff's worker processes start through _worker_start, with a
    stack limit as deep as the lint thread's stack."""
    from sqlfluff.core.linter import runner

    def create_pool(
        cls: type, processes: int, initializer: Callable[[], None]
    ) -> multiprocessing.pool.Pool:
        return cls.POOL_TYPE(
            processes=processes, initializer=_worker_start, initargs=(initializer,)
        )

    runner.MultiProcessRunner._create_pool = classmethod(create_pool)
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    wanted = STACK_BYTES if hard == resource.RLIM_INFINITY else min(hard, STACK_BYTES)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_STACK, (wanted, hard))


def main(argv: list[str] | None = None) -> int:
    from sqlfluff.cli.commands import cli

    args = ["lint", *(sys.argv[1:] if argv is None else argv)]
    skipped = _SkippedFiles()
    logging.getLogger("sqlfluff").addHandler(skipped)
    result: dict[str, int] = {}

    def run() -> None:
        try:
            cli.main(args=args, prog_name="sqlfluff", standalone_mode=False)
            result["code"] = 0
        except SystemExit as exc:
            result["code"] = int(exc.code or 0)

    # deep recursion needs a deep C stack as well as a high Python limit
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(STACK_BYTES)
    _deep_workers()
    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    code = result.get("code", 1)
    if skipped.messages:
        print("sqlfluff skipped files (not linted):", file=sys.stderr)
        for message in skipped.messages:
            print(f"  {message}", file=sys.stderr)
        return code or 1
    return code


if __name__ == "__main__":
    raise SystemExit(main())
