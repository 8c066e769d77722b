"""The first-run wizard: from a fresh installation to a database ready for the first record."""

from desktop.ui.wizard.wizard import DEMO_DATA, EXISTING, NEW, FirstRunResult, FirstRunWizard

__all__ = ["DEMO_DATA", "EXISTING", "NEW", "FirstRunResult", "FirstRunWizard"]
