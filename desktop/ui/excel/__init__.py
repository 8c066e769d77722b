"""Excel in the GUI: import templates, importing a sheet (a dry run, a preview with the errors
row by row, then one transaction), dropping a file on the window, and exporting the table a tab
shows with its filters and column order. The work itself is ``db.excel``'s."""
