"""msvitd: check health-news claims against the trial behind them."""

__version__ = "0.1.0"
