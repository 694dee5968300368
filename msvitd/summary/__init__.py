"""Summary of Findings report objects, built from a Library; plain data, no rendering."""
