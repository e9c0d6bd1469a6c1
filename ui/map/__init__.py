"""The argument map: scene, items, views, the in-place editor, minimap, find and filter bars."""
