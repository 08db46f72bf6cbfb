"""Run sqlfluff lint so that every file is really linted.

The normalisation macros compile into deeply nested expressions (a street
line passes through one replace per street type). sqlfluff's recursive parser
exceeds Python's default recursion limit on them, and sqlfluff then only
*warns* "Unable to lint" and still exits 0: the file goes unchecked. This
wrapper raises the recursion limit and fails when any file was skipped.
"""

from __future__ import annotations

import logging
import sys
import threading


class _SkippedFiles(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "Unable to lint" in message:
            self.messages.append(message.splitlines()[0])


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
    sys.setrecursionlimit(50_000)
    threading.stack_size(512 * 1024 * 1024)
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
