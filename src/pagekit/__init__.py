"""Page-level helpers with no MkDocs import: citations, heading ids, permanent targets and the
visible text of built HTML."""
