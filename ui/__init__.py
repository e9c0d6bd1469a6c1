"""The Qt user interface: windows, the map scene, panels, dialogs and undo commands."""
