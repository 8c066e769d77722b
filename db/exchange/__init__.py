"""Offline exchange between sites (school → county → city and back) by package file.

See ``db.exchange.merge`` for the merge rule, ``db.exchange.export`` for what a package
carries, ``db.exchange.package`` for the file format and its checks.
"""

from db.exchange.errors import ExchangeCancelled, ExchangeError
from db.exchange.export import ExportResult, export_package
from db.exchange.keys import SiteIdentity
from db.exchange.merge import import_package, preview_import
from db.exchange.pairing import export_identity, list_peers, local_identity, pair, read_identity
from db.exchange.report import Conflict, ImportReport, TableCounts

__all__ = [
    "Conflict", "ExchangeCancelled", "ExchangeError", "ExportResult", "ImportReport",
    "SiteIdentity", "TableCounts", "export_identity", "export_package", "import_package",
    "list_peers", "local_identity", "pair", "preview_import", "read_identity",
]
