"""`msvitd diff`: the gap between an article and the trial behind it, element by element and number by number."""
