"""Public disclosure of the three lists (门户网站公示): personal data masked, never published.

``masking`` finds and masks personal data in free text; ``lists`` collects what the public may
see; ``publish`` writes it as HTML, xlsx or PDF and previews the masking.
"""

from db.disclosure.masking import Masker, Span, mask, masked_spans
from db.disclosure.publish import (
    PreviewRow,
    PublicLists,
    PublishSummary,
    UnsupportedFormat,
    collect,
    preview,
    publish,
    write_html,
    write_pdf,
    write_xlsx,
)

__all__ = ["Masker", "PreviewRow", "PublicLists", "PublishSummary", "Span",
           "UnsupportedFormat", "collect", "mask", "masked_spans", "preview", "publish",
           "write_html", "write_pdf", "write_xlsx"]
