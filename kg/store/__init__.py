"""kg/store."""
