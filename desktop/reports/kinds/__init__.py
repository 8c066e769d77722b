"""One module per report kind of the catalog (desktop.reports.catalog), each with a
``build(database, out, params, progress)`` that checks its parameters, reads what it needs in
one session, lays the document out with FormalDocument and writes it through
``common.write_document`` (a temporary file renamed when complete)."""
