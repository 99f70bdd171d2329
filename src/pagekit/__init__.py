"""Page-level helpers with no MkDocs import: citations, heading ids and permanent targets."""
