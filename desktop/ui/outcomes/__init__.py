"""五个一批: the five batches of results (a sub-tab of 三个清单)."""
