"""The domain, pure Python: the argument graph, credence, trends, import logic, report text."""
