"""局党组专题研究: the monthly study screen (a sub-tab of 三个清单)."""
