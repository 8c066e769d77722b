"""The main window's tabs, one module each. Imported after the first paint (they pull in the
database layer), so nothing here is imported by ``desktop.ui.main_window`` at module level."""
