"""`msvitd report`: one self-contained page (HTML, or markdown) from the summary, critique and diff engines.

- :mod:`msvitd.report.forest`: forest plot layout (plain arithmetic) and its SVG;
- :mod:`msvitd.report.highlight`: an article's text cut into segments at finding boundaries;
- :mod:`msvitd.report.page`: the page context built from the engines' report objects;
- :mod:`msvitd.report.templating`: the Jinja2 environment (autoescaping on) and the renderers.
"""
