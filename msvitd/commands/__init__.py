"""One module per command: its typer signature at the top, heavy imports inside the body."""
