"""The Qt user interface: the only package that imports PySide6.

Start-up cost matters here: importing ``desktop.ui`` or ``desktop.ui.app`` must not import the
database layer (sqlmodel), matplotlib or reportlab; those come after the first paint.
"""
