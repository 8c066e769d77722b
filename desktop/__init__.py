"""The application: outputs (charts, reports) and the Qt user interface (``desktop.ui``).

Only ``desktop.ui`` imports PySide6; the modules directly in this package are Qt-free so the
headless commands, reports and charts can share them.
"""
