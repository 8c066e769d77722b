"""三个清单: the problem, task and effect lists, as the body of the lists tab."""

from desktop.ui.lists.widget import ThreeListsWidget

__all__ = ["ThreeListsWidget"]
