"""Undo commands for credence: switching and adding scenarios, and the inspector's weights.

Weight edits reuse `ui.commands.edits.SetWeightCommand` (it keeps the old Node/Edge/Scenario and
restores it exactly, and logs the thesis credence with `record_if_changed`); the helpers
here validate first, so a bad value is refused with a readable message before anything
reaches the undo stack.
"""

from __future__ import annotations

from model.argmap import ArgumentMap, MapError
from model.entities import Scenario
from model.readings import own_copy
from model.weights import check_probability, strength_value
from ui.commands.edits import ModelCommand, SetWeightCommand


def set_prior_command(amap: ArgumentMap, node_id: str, value: float) -> SetWeightCommand:
    """A command setting a prior (a reliability, for evidence) in the active scenario."""
    amap.node(node_id)
    try:
        check_probability(
            value, "reliability" if amap.node(node_id).kind == "evidence" else "prior"
        )
    except (TypeError, ValueError) as exc:
        raise MapError(str(exc)) from None
    return SetWeightCommand(amap, "prior", node_id, float(value))


def set_strength_command(
    amap: ArgumentMap, source: str, target: str, value: str | float
) -> SetWeightCommand:
    """A command setting a link's strength ("strong" or a λ such as 6) in the active scenario."""
    amap.edge(source, target)
    try:
        lam = strength_value(value)
    except (TypeError, ValueError) as exc:
        raise MapError(str(exc)) from None
    return SetWeightCommand(amap, "strength", (source, target), lam)


class SetScenarioCommand(ModelCommand):
    """Make another scenario the active one (what the map shows and weight edits change)."""

    def __init__(self, amap: ArgumentMap, name: str) -> None:
        if name and name not in amap.scenarios:
            raise MapError(f"no scenario named {name!r}")
        super().__init__(amap, f"Switch to scenario “{name}”" if name else "Use the map's weights")
        self.name = name
        self.old = amap.meta.get("scenario", "")

    def _redo(self) -> None:
        self.amap.set_meta("scenario", self.name)

    def _undo(self) -> None:
        self.amap.set_meta("scenario", self.old)


class NewScenarioCommand(ModelCommand):
    """Add a scenario holding the weights the map shows now, and make it the active one.

    It copies the active scenario's values (a reading stays a reading, so its figure does
    not move) but not the author's receipts or stated figure: from here on the weights are
    the user's own. With no scenario active it starts from the map's own weights."""

    def __init__(self, amap: ArgumentMap, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise MapError("a scenario needs a name")
        if name in amap.scenarios:
            raise MapError(f"there is already a scenario named “{name}”")
        super().__init__(amap, f"New scenario “{name}”")
        self.name = name
        self.old = amap.meta.get("scenario", "")
        source = amap.scenarios.get(amap.current_scenario)
        if source is None:
            self.scenario = Scenario(name, description="Starts from the map's own weights.")
        else:
            self.scenario = own_copy(source, name)

    def _redo(self) -> None:
        self.amap.put_scenario(self.scenario)
        self.amap.set_meta("scenario", self.name)

    def _undo(self) -> None:
        self.amap.set_meta("scenario", self.old)
        self.amap.remove_scenario(self.name)
