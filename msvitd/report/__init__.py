"""`msvitd report`: one self-contained page (HTML, or markdown) from the summary, critique and diff engines.

- :mod:`msvitd.report.page`: the view builders msvitd/app/report.py calls (article, diff, at a glance),
  and the one import for the others;
- :mod:`msvitd.report.sof`: the Summary of Findings tables as view rows;
- :mod:`msvitd.report.figures`: an outcome's forest plot figures and their captions;
- :mod:`msvitd.report.views`: the view records the templates lay out;
- :mod:`msvitd.report.forest`: forest plot layout (plain arithmetic) and its SVG, over
  :mod:`~msvitd.report.forest_records` (the records), :mod:`~msvitd.report.axis` (axis ends, ticks)
  and :mod:`~msvitd.report.textfit` (text widths, label wrapping); the text plot is msvitd/output/forest.py;
- :mod:`msvitd.report.highlight`: an article's text cut into segments at finding boundaries;
- :mod:`msvitd.report.templating`: the Jinja2 environment (autoescaping on) and the renderers;
  :mod:`msvitd.report.markdown`: the page as markdown.
"""
