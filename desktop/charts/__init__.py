"""Progress charts: matplotlib figures from the read-side queries, with no Qt.

Each chart is a pair: ``build_x(session, filters)`` runs the queries and returns plain data
(run it in a worker thread), ``chart_x(data, *, title=None, lang="zh")`` draws a
``matplotlib.figure.Figure`` from it (on the GUI thread). The same figure goes on screen
(FigureCanvasQTAgg), into formal PDFs (``FormalDocument.figure``) and to files
(``export.export_figure``). ``catalog.CHARTS`` lists them all in display order.

``title=None`` gives the chart its default title; ``title=""`` none (in a report the caption
names the figure). ``lang`` picks the vocabulary's labels and the chart's own words; names
from the data (regions, units) stay as stored. Empty data draws "暂无数据", never an error.
"""
