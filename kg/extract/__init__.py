"""kg/extract."""
