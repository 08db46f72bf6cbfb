"""Customer 360 warehouse: data generator, warehouse helpers and quality gate."""

__version__ = "0.1.0"
