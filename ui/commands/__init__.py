"""Undo commands: every user edit is one QUndoCommand that calls model methods only."""
