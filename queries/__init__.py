"""Canned Cypher queries (``queries/*.cypher``) and what runs them, for both graph backends.

- :mod:`kg.queries.header` — the ``//`` header of a query file (name, description, params, columns)
- :mod:`kg.queries.catalogue` — ``load_catalogue()``, ``get_query(name)``
- :mod:`kg.queries.names` — ``build_name_index(store)``: labels, aliases, codes → uris
- :mod:`kg.queries.params` — ``bind_parameters``: defaults, types, ``$<name>_uris``
- :mod:`kg.queries.readonly`, :mod:`kg.queries.tokens` — write refusal, statement splitting
- :mod:`kg.queries.runner` — ``QueryRunner(store).run_canned(name, {"program": "证照分离"})``
- :mod:`kg.queries.formatting` — tables, CSV, JSON; :mod:`kg.queries.repl` — the console
"""
