"""Effect-size arithmetic, pooling and P-value recomputation: pure functions, standard library only."""
