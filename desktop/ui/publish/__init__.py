"""Public disclosure of the three lists: the publish dialog and its menu entry."""
