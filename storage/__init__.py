"""Files: the SQLite map document, interchange formats, articles from disk or URL. No Qt."""
