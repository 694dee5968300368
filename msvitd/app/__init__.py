"""Use cases, one module per command (as flake8's Application): resolve the inputs once
(inputs.py), run the engines, pick the renderer from msvitd/output/formats.py, return the exit code.

The only layer that imports both engines and renderers; commands/ only parse options and call it.
"""
