"""dbt Python models in dbt-spark's local session (`method: session`).

dbt-spark submits Python models only to Databricks clusters
(`submission_method` job_cluster or all_purpose_cluster). With
`method: session` the Spark session lives in dbt's own process, so the
model's code can simply run there: this adds the submission method
`session`, which executes the compiled model (dbt-spark's own wrapper code
included: it reads refs with `spark.table` and saves the returned frame as a
table) against that session. dbt_project.yml sets `submission_method:
session` for the project's Python models.

dbt imports every installed top-level module whose name starts with `dbt_`
when it starts (its plugin discovery), which is how this reaches dbt-spark
without a fork. `plugins` is the list that discovery reads (none here).
Without dbt-spark installed, nothing happens.
"""

from __future__ import annotations

from typing import Any

plugins: list[Any] = []

SUBMISSION_METHOD = "session"


def _install() -> None:
    try:
        from dbt.adapters.base.impl import PythonJobHelper
        from dbt.adapters.spark.impl import SparkAdapter
    except ImportError:
        return

    class SessionPythonJobHelper(PythonJobHelper):
        """Runs a compiled dbt Python model in this process's Spark session."""

        def __init__(self, parsed_model: dict, credentials: Any) -> None:
            self.parsed_model = parsed_model
            self.credentials = credentials

        def submit(self, compiled_code: str) -> Any:
            from pyspark.sql import SparkSession

            spark = SparkSession.builder.getOrCreate()
            path = self.parsed_model.get("original_file_path", "<dbt python model>")
            code = compile(compiled_code, path, "exec")
            exec(code, {"__name__": "__dbt_python_model__", "spark": spark})
            return None

    helpers = SparkAdapter.python_submission_helpers
    if getattr(helpers.fget, "_c360_session", False):
        return

    def with_session(self: Any) -> dict[str, type]:
        return {**helpers.fget(self), SUBMISSION_METHOD: SessionPythonJobHelper}

    patched = property(with_session)
    patched.fget._c360_session = True  # type: ignore[attr-defined]
    SparkAdapter.python_submission_helpers = patched  # type: ignore[method-assign]


_install()
